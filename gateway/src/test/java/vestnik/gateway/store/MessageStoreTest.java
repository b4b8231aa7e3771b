package vestnik.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static vestnik.gateway.store.RedisFixture.await;

import io.lettuce.core.Consumer;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
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
import vestnik.gateway.status.ReceiptIndex;

/** The Lua steps of a message's life, run against the embedded Redis the gateway ships. */
class MessageStoreTest {

    @TempDir
    static Path dir;
    static RedisFixture fx;
    static MessageRepository repo;
    static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    @BeforeAll
    static void start() throws Exception {
        fx = new RedisFixture(dir);
        repo = new MessageRepository(fx.redis, new Scripts(), Duration.ofDays(30).toSeconds());
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static NewMessage message(String tenant, String externalId, Instant sendAt) {
        String id = externalId == null ? Ids.next()
                : Ids.nextInShard(repo.keys(), repo.keys().shardOfExternalId(tenant, externalId));
        return new NewMessage(id, tenant, externalId, "sms", "+79161234567", "Долг 1 200 ₽", null, 1, NOW, sendAt,
                NOW.plus(Duration.ofHours(24)), null, null, null, null, Priority.NORMAL, null, null, null, null);
    }

    /** Reads one entry for the message the way the dispatcher does and claims it. */
    private static MessageRepository.Claim readAndClaim(String channel, String id) {
        String q = repo.keys().queue(0, channel, Priority.NORMAL);
        await(fx.redis.call(c -> c.xgroupCreate(XReadArgs.StreamOffset.from(q, "0"), MessageRepository.GROUP,
                XGroupCreateArgs.Builder.mkstream())).recover(e -> io.vertx.core.Future.succeededFuture("OK")));
        List<StreamMessage<String, String>> entries = await(fx.redis.call(c -> c.xreadgroup(
                Consumer.from(MessageRepository.GROUP, "test"), XReadArgs.Builder.count(1000),
                XReadArgs.StreamOffset.lastConsumed(q))));
        StreamMessage<String, String> mine = entries.stream().filter(e -> id.equals(e.getBody().get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no queue entry for " + id));
        lastEntry = mine.getId();
        return await(repo.claim(q, mine.getId(), id, false, NOW));
    }

    static String lastEntry;
    static final String QUEUE = "vn:{s0}:q:sms:normal";

    @Test
    @DisplayName("the same externalId for the same tenant returns the first message and stores nothing new")
    void idempotentIntake() {
        NewMessage first = message("t1", "inv-42-r1", null);
        MessageRepository.IntakeResult a = await(repo.create(first));
        MessageRepository.IntakeResult b = await(repo.create(message("t1", "inv-42-r1", null)));
        MessageRepository.IntakeResult other = await(repo.create(message("t2", "inv-42-r1", null)));
        assertThat(a.created()).isTrue();
        assertThat(b).isEqualTo(new MessageRepository.IntakeResult(first.id(), false));
        assertThat(other.created()).isTrue();
        assertThat(other.id()).isNotEqualTo(first.id());
    }

    @Test
    @DisplayName("a multi-part message is delivered when every part is, and a late or duplicate receipt changes nothing")
    void multiPartReceipts() {
        NewMessage m = message("t1", null, null);
        await(repo.create(m));
        assertThat(readAndClaim("sms", m.id()).kind()).isEqualTo(MessageRepository.Claim.Kind.CLAIMED);
        await(repo.accepted(m.id(), QUEUE, lastEntry, List.of("A1", "A2", "A3"), NOW));
        assertThat(status(m.id())).isEqualTo(MessageStatus.SENT);

        await(repo.applyPartStatus(m.id(), 2, 3, MessageStatus.DELIVERED, NOW, NOW, "stat=DELIVRD", null));
        await(repo.applyPartStatus(m.id(), 2, 3, MessageStatus.DELIVERED, NOW, NOW, "stat=DELIVRD", null));
        await(repo.applyPartStatus(m.id(), 1, 3, MessageStatus.DELIVERED, NOW, NOW, "stat=DELIVRD", null));
        assertThat(status(m.id())).isEqualTo(MessageStatus.SENT);
        MessageRepository.PartResult last = await(repo.applyPartStatus(m.id(), 3, 3, MessageStatus.DELIVERED, NOW, NOW, "stat=DELIVRD", null));
        assertThat(last).isEqualTo(new MessageRepository.PartResult(true, "delivered"));
        await(repo.applyPartStatus(m.id(), 1, 3, MessageStatus.FAILED, NOW, NOW, "stat=UNDELIV", "001"));
        assertThat(status(m.id())).isEqualTo(MessageStatus.DELIVERED);
        assertThat(await(repo.events(m.id()))).extracting(MessageEvent::status)
                .containsSubsequence("queued", "sending", "sent", "delivered");
    }

    @Test
    @DisplayName("one failed part fails the whole message with the provider's error code")
    void onePartFails() {
        NewMessage m = message("t1", null, null);
        await(repo.create(m));
        readAndClaim("sms", m.id());
        await(repo.accepted(m.id(), QUEUE, lastEntry, List.of("B1", "B2"), NOW));
        await(repo.applyPartStatus(m.id(), 1, 2, MessageStatus.DELIVERED, NOW, NOW, "stat=DELIVRD", null));
        await(repo.applyPartStatus(m.id(), 2, 2, MessageStatus.FAILED, NOW, NOW, "stat=UNDELIV err=001", "001"));
        MessageRecord r = await(repo.find(m.id())).orElseThrow();
        assertThat(r.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(r.errorCode()).isEqualTo("delivery_failed");
        assertThat(r.errorProviderCode()).isEqualTo("001");
    }

    @Test
    @DisplayName("read before delivered: the late delivered is a no-op")
    void readBeforeDelivered() {
        NewMessage m = message("t1", null, null);
        await(repo.create(m));
        readAndClaim("sms", m.id());
        await(repo.accepted(m.id(), QUEUE, lastEntry, List.of("C1"), NOW));
        await(repo.applyPartStatus(m.id(), 1, 1, MessageStatus.READ, NOW, NOW, "read", null));
        await(repo.applyPartStatus(m.id(), 1, 1, MessageStatus.DELIVERED, NOW, NOW, "delivered", null));
        assertThat(status(m.id())).isEqualTo(MessageStatus.READ);
    }

    @Test
    @DisplayName("only a queued or scheduled message can be cancelled, and a cancelled one is never sent")
    void cancel() {
        NewMessage m = message("t1", null, null);
        await(repo.create(m));
        MessageRepository.TransitionResult r = await(repo.transition(m.id(), null, MessageStatus.CANCELLED, NOW,
                "cancelled", null, null, true, null, Map.of()));
        assertThat(r.applied()).isTrue();
        assertThat(readAndClaim("sms", m.id()).kind()).isEqualTo(MessageRepository.Claim.Kind.SKIPPED);

        NewMessage sent = message("t1", null, null);
        await(repo.create(sent));
        readAndClaim("sms", sent.id());
        await(repo.accepted(sent.id(), QUEUE, lastEntry, List.of("D1"), NOW));
        MessageRepository.TransitionResult refused = await(repo.transition(sent.id(), null, MessageStatus.CANCELLED,
                NOW, "cancelled", null, null, true, null, Map.of()));
        assertThat(refused).isEqualTo(new MessageRepository.TransitionResult(false, "sent"));
    }

    @Test
    @DisplayName("a scheduled message waits in the due set and is queued exactly once when its time comes")
    void scheduled() {
        NewMessage m = message("t1", null, NOW.plusSeconds(60));
        await(repo.create(m));
        assertThat(status(m.id())).isEqualTo(MessageStatus.SCHEDULED);
        assertThat(await(repo.promoteDue(0, NOW.plusSeconds(59), 100))).isZero();
        assertThat(await(repo.promoteDue(0, NOW.plusSeconds(61), 100))).isEqualTo(1);
        assertThat(await(repo.promoteDue(0, NOW.plusSeconds(62), 100))).isZero();
        assertThat(status(m.id())).isEqualTo(MessageStatus.QUEUED);
        assertThat(readAndClaim("sms", m.id()).kind()).isEqualTo(MessageRepository.Claim.Kind.CLAIMED);
    }

    @Test
    @DisplayName("a message whose TTL ran out before sending is expired when taken, not sent")
    void expiresAtClaim() {
        NewMessage m = new NewMessage(Ids.next(), "t1", null, "sms", "+79161234567", "x", null, 1, NOW, null,
                NOW.plusSeconds(1), null, null, null, null, Priority.NORMAL, null, null, null, null);
        await(repo.create(m));
        String q = repo.keys().queue(0, "sms", Priority.NORMAL);
        await(fx.redis.call(c -> c.xgroupCreate(XReadArgs.StreamOffset.from(q, "0"), MessageRepository.GROUP,
                XGroupCreateArgs.Builder.mkstream())).recover(e -> io.vertx.core.Future.succeededFuture("OK")));
        List<StreamMessage<String, String>> entries = await(fx.redis.call(c -> c.xreadgroup(
                Consumer.from(MessageRepository.GROUP, "test"), XReadArgs.Builder.count(1000),
                XReadArgs.StreamOffset.lastConsumed(q))));
        StreamMessage<String, String> e = entries.stream().filter(x -> m.id().equals(x.getBody().get("id"))).findFirst().orElseThrow();
        assertThat(await(repo.claim(q, e.getId(), m.id(), false, NOW.plusSeconds(5))).kind())
                .isEqualTo(MessageRepository.Claim.Kind.EXPIRED);
        assertThat(await(repo.find(m.id())).orElseThrow().errorCode()).isEqualTo("ttl_expired");
    }

    @Test
    @DisplayName("the receipt index finds a part by the id's hex, decimal and zero-padded forms")
    void receiptIndex() {
        ReceiptIndex index = new ReceiptIndex(fx.redis, Duration.ofDays(1), Duration.ofHours(1));
        await(index.register("sms", "MSG1", List.of("6D5C7B1A", "6D5C7B1B")));
        assertThat(await(index.lookup("sms", "1834777371"))).contains(new ReceiptIndex.PartRef("MSG1", 2, 2));
        assertThat(await(index.lookup("sms", "006d5c7b1a"))).contains(new ReceiptIndex.PartRef("MSG1", 1, 2));
        assertThat(await(index.lookup("other", "6D5C7B1A"))).isEmpty();
    }

    private static MessageStatus status(String id) {
        return await(repo.find(id)).orElseThrow().status();
    }
}
