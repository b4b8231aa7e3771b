package vestnik.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static vestnik.gateway.store.RedisFixture.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vestnik.channels.spi.MessageStatus;

/** The counters the status-changing scripts keep: a campaign's running totals and a tenant's day per channel. */
class StatusCountersTest {

    private static final long RETENTION_SECONDS = Duration.ofDays(30).toSeconds();

    @TempDir
    static Path dir;
    static RedisFixture fx;
    static MessageRepository repo;
    static Keys keys;

    @BeforeAll
    static void start() throws Exception {
        fx = new RedisFixture(dir, 4);
        repo = new MessageRepository(fx.redis, new Scripts(), RETENTION_SECONDS);
        keys = fx.redis.keys();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static String create(String tenant, String campaign) {
        String id = Ids.next();
        Instant now = Instant.now();
        await(repo.create(new NewMessage(id, tenant, null, "sms", "+79161234567", "Долг 1 200 ₽", null, 2, now, null,
                now.plus(Duration.ofHours(24)), null, null), Map.of("cmp", campaign)));
        return id;
    }

    private static void move(String id, MessageStatus to, Map<String, String> fields) {
        MessageRepository.TransitionResult r = await(repo.transition(id, "sms", to, Instant.now(), "test", null, null,
                false, null, fields));
        assertThat(r.applied()).as("move to " + to).isTrue();
    }

    private static Map<String, String> campaignCounts(String id, String campaign) {
        return await(fx.redis.call(c -> c.hgetall(keys.campaignCounts(keys.shardOf(id), campaign))));
    }

    /** The tenant's counts on the SMS channel today (and yesterday, should the test straddle UTC midnight), by name. */
    private static Map<String, Long> day(String tenant) {
        long today = Math.floorDiv(System.currentTimeMillis(), Duration.ofDays(1).toMillis());
        Map<String, Long> sum = new HashMap<>();
        for (int shard = 0; shard < keys.shards(); shard++) {
            for (long d = today - 1; d <= today; d++) {
                String key = keys.tenantDayCounts(shard, tenant, d);
                await(fx.redis.call(c -> c.hgetall(key))).forEach((field, n) -> {
                    String[] p = field.split("\\|", 3);
                    assertThat(Integer.parseInt(p[0])).isBetween(0, 23);
                    if ("sms".equals(p[1])) {
                        sum.merge(p[2], Long.parseLong(n), Long::sum);
                    }
                });
            }
        }
        return sum;
    }

    @Test
    @DisplayName("a deferral counts while the message waits and leaves the day's figure when it is taken again")
    void deferralCountsWhileWaiting() {
        String id = create("t-dfr", "c-dfr");
        move(id, MessageStatus.SENDING, Map.of());
        move(id, MessageStatus.QUEUED, Map.of(MessageRepository.DEFERRAL_FIELD, "quiet_hours"));
        assertThat(campaignCounts(id, "c-dfr")).containsEntry("dfr:quiet_hours", "1").containsEntry("queued", "1");
        assertThat(day("t-dfr")).containsEntry("deferred:quiet_hours", 1L).containsEntry("accepted", 1L);

        move(id, MessageStatus.SENDING, Map.of());
        assertThat(campaignCounts(id, "c-dfr")).containsEntry("dfr:quiet_hours", "0");
        String field = await(fx.redis.call(c -> c.hget(keys.message(id), MessageRepository.DEFERRAL_FIELD)));
        assertThat(field).isNull();
        // a plain retry is not a deferral
        move(id, MessageStatus.QUEUED, Map.of());
        assertThat(campaignCounts(id, "c-dfr")).containsEntry("dfr:quiet_hours", "0");
        assertThat(day("t-dfr")).containsEntry("deferred:quiet_hours", 1L);

        move(id, MessageStatus.SENDING, Map.of());
        move(id, MessageStatus.QUEUED, Map.of(MessageRepository.DEFERRAL_FIELD, "campaign_window"));
        move(id, MessageStatus.CANCELLED, Map.of());
        assertThat(campaignCounts(id, "c-dfr")).containsEntry("dfr:campaign_window", "0").containsEntry("cancelled", "1");
        assertThat(day("t-dfr")).containsEntry("deferred:campaign_window", 1L).containsEntry("cancelled", 1L);
    }

    @Test
    @DisplayName("a message handed over counts once as sent with its parts, whatever receipts follow")
    void handedOverOnce() {
        String id = create("t-sent", "c-sent");
        String early = create("t-sent", "c-sent");
        move(id, MessageStatus.SENDING, Map.of());
        move(id, MessageStatus.SENT, Map.of("pn", "3"));
        move(id, MessageStatus.DELIVERED, Map.of());
        move(id, MessageStatus.READ, Map.of());
        // a receipt that overtook the provider's answer: no 'sent' on the way, parts as counted at intake
        move(early, MessageStatus.SENDING, Map.of());
        move(early, MessageStatus.DELIVERED, Map.of());

        // the two messages may be in one shard or two: the campaign's hashes are summed over every shard
        Map<String, Long> byShard = new HashMap<>();
        for (int shard = 0; shard < keys.shards(); shard++) {
            int s = shard;
            await(fx.redis.call(c -> c.hgetall(keys.campaignCounts(s, "c-sent"))))
                    .forEach((k, v) -> byShard.merge(k, Long.parseLong(v), Long::sum));
        }
        assertThat(byShard).containsEntry("+sent:sms", 2L).containsEntry("+parts:sms", 5L)
                .containsEntry("read", 1L).containsEntry("delivered", 1L);
        assertThat(day("t-sent")).containsEntry("accepted", 2L).containsEntry("sent", 2L).containsEntry("parts", 5L)
                .containsEntry("delivered", 2L).containsEntry("read", 1L);
    }
}
