package vestnik.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static vestnik.gateway.store.RedisFixture.await;

import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vestnik.channels.spi.MessageStatus;

/** What every status change leaves behind besides the message: callback events and the polling indexes. */
class StatusChangeRecordsTest {

    private static final String URL = "https://crm.example.org/vestnik/callbacks";
    private static final long RETENTION_SECONDS = Duration.ofDays(30).toSeconds();

    @TempDir
    static Path dir;
    static RedisFixture fx;
    static MessageRepository repo;
    static Keys keys;
    static final Instant NOW = Instant.now();

    @BeforeAll
    static void start() throws Exception {
        fx = new RedisFixture(dir);
        repo = new MessageRepository(fx.redis, new Scripts(), RETENTION_SECONDS);
        keys = fx.redis.keys();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static String create(String tenant, String externalId, String callbackUrl) {
        String id = externalId == null ? Ids.next()
                : Ids.nextInShard(keys, keys.shardOfExternalId(tenant, externalId));
        await(repo.create(new NewMessage(id, tenant, externalId, "sms", "+79161234567", "Долг 1 200 ₽", null, 1, NOW,
                null, NOW.plus(Duration.ofHours(24)), null, callbackUrl)));
        return id;
    }

    private static void move(String id, MessageStatus to, String detail, Map<String, String> fields) {
        MessageRepository.TransitionResult r = await(repo.transition(id, "sms", to, Instant.now(), detail, null, null,
                false, null, fields));
        assertThat(r.applied()).as("move to " + to).isTrue();
    }

    private static List<Map<String, String>> callbackEventsOf(String id) {
        List<StreamMessage<String, String>> all = await(fx.redis.call(c -> c.xrange(keys.callbackEvents(0), Range.create("-", "+"))));
        return all.stream().map(StreamMessage::getBody).filter(b -> id.equals(b.get("id"))).toList();
    }

    private static List<String> members(String key) {
        return await(fx.redis.call(c -> c.zrange(key, 0, -1)));
    }

    @Test
    @DisplayName("a message with a callback target gets one numbered event per status change, with its external id and channel")
    void numberedEvents() {
        String id = create("t-cb", "inv-7", URL);
        move(id, MessageStatus.SENDING, "attempt 1", Map.of());
        move(id, MessageStatus.SENT, "provider id 0A1B", Map.of());
        move(id, MessageStatus.FAILED, "UNDELIV", Map.of("ec", "delivery_failed", "ecl", "permanent_recipient", "epc", "001"));

        List<Map<String, String>> events = callbackEventsOf(id);
        assertThat(events).extracting(e -> e.get("n")).containsExactly("1", "2", "3", "4");
        assertThat(events).extracting(e -> e.get("st")).containsExactly("queued", "sending", "sent", "failed");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("u")).isEqualTo(URL);
            assertThat(e.get("t")).isEqualTo("t-cb");
            assertThat(e.get("x")).isEqualTo("inv-7");
            assertThat(e.get("c")).isEqualTo("sms");
            assertThat(e.get("at")).isNotBlank();
            assertThat(e).doesNotContainKeys("ph", "tx");
        });
        assertThat(events.get(2).get("d")).isEqualTo("provider id 0A1B");
        assertThat(events.get(2)).doesNotContainKeys("ec", "ecl", "epc");
        assertThat(events.get(3)).containsEntry("ec", "delivery_failed").containsEntry("ecl", "permanent_recipient")
                .containsEntry("epc", "001");
    }

    @Test
    @DisplayName("a scheduled message whose time comes is told as queued, and moves from the scheduled index to the queued one")
    void promotedFromSchedule() {
        String id = Ids.next();
        Instant sendAt = NOW.plusSeconds(60);
        await(repo.create(new NewMessage(id, "t-sched", null, "sms", "+79161234567", "x", null, 1, NOW, sendAt,
                sendAt.plus(Duration.ofHours(1)), null, URL)));
        assertThat(members(keys.tenantStatusIndex(0, "t-sched", "scheduled"))).containsExactly(id);

        await(repo.promoteDue(0, sendAt.plusSeconds(1), 100));
        assertThat(callbackEventsOf(id)).extracting(e -> e.get("st")).containsExactly("scheduled", "queued");
        assertThat(members(keys.tenantStatusIndex(0, "t-sched", "scheduled"))).isEmpty();
        assertThat(members(keys.tenantStatusIndex(0, "t-sched", "queued"))).containsExactly(id);
    }

    @Test
    @DisplayName("a message without a callback target adds nothing to the callback stream")
    void noTargetNoEvents() {
        String id = create("t-quiet", null, null);
        move(id, MessageStatus.SENDING, "attempt 1", Map.of());
        move(id, MessageStatus.SENT, "ok", Map.of());
        assertThat(callbackEventsOf(id)).isEmpty();
        String counter = await(fx.redis.call(c -> c.hget(keys.message(id), "cbn")));
        assertThat(counter).isNull();
    }

    @Test
    @DisplayName("a refused move (statuses only go forward) adds no event")
    void refusedMoveNoEvent() {
        String id = create("t-cb", null, URL);
        move(id, MessageStatus.CANCELLED, "by the caller", Map.of());
        MessageRepository.TransitionResult r = await(repo.transition(id, "sms", MessageStatus.SENDING, Instant.now(), "late",
                null, null, false, null, Map.of()));
        assertThat(r.applied()).isFalse();
        assertThat(callbackEventsOf(id)).extracting(e -> e.get("st")).containsExactly("queued", "cancelled");
    }

    @Test
    @DisplayName("each of the tenant's status indexes holds the messages now in that status, and no others")
    void indexes() {
        String a = create("t-ix", null, null);
        String b = create("t-ix", null, null);
        move(a, MessageStatus.SENDING, "attempt 1", Map.of());
        move(a, MessageStatus.SENT, "ok", Map.of());

        assertThat(members(keys.tenantStatusIndex(0, "t-ix", "queued"))).containsExactly(b);
        assertThat(members(keys.tenantStatusIndex(0, "t-ix", "sending"))).isEmpty();
        assertThat(members(keys.tenantStatusIndex(0, "t-ix", "sent"))).containsExactly(a);
        assertThat(members(keys.tenantStatusIndex(0, "other-tenant", "queued"))).isEmpty();
        Long ttl = await(fx.redis.call(c -> c.ttl(keys.tenantStatusIndex(0, "t-ix", "sent"))));
        assertThat(ttl).isBetween(RETENTION_SECONDS - 60, RETENTION_SECONDS);
    }

    @Test
    @DisplayName("index entries older than the retention (their messages are deleted by then) are dropped by the next change")
    void indexRetention() {
        String ix = keys.tenantStatusIndex(0, "t-old", "queued");
        long longAgo = Instant.now().minus(Duration.ofDays(31)).toEpochMilli();
        await(fx.redis.call(c -> c.zadd(ix, (double) longAgo, "01JOLDMESSAGE0000000000000")));
        String fresh = create("t-old", null, null);
        assertThat(members(ix)).containsExactly(fresh);
    }

    @Test
    @DisplayName("the key helpers in Lua name the same keys as Keys does, on every shard")
    void luaKeysMatchJava() throws Exception {
        try (RedisFixture four = new RedisFixture(dir.resolve("four"), 4)) {
            MessageRepository r4 = new MessageRepository(four.redis, new Scripts(), RETENTION_SECONDS);
            Keys k4 = four.redis.keys();
            for (int shard = 0; shard < 4; shard++) {
                String id = Ids.nextInShard(k4, shard);
                await(r4.create(new NewMessage(id, "t4", null, "sms", "+79161234567", "x", null, 1, NOW, null,
                        NOW.plus(Duration.ofHours(1)), null, URL)));
                int s = shard;
                Long events = await(four.redis.call(c -> c.xlen(k4.callbackEvents(s))));
                List<String> queued = await(four.redis.call(c -> c.zrange(k4.tenantStatusIndex(s, "t4", "queued"), 0, -1)));
                assertThat(events).isEqualTo(1L);
                assertThat(queued).containsExactly(id);
            }
        }
    }
}
