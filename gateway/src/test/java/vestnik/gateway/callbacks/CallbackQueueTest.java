package vestnik.gateway.callbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static vestnik.gateway.store.RedisFixture.await;

import io.lettuce.core.Consumer;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vestnik.gateway.store.Ids;
import vestnik.gateway.store.Keys;
import vestnik.gateway.store.RedisFixture;

/** The Lua steps that keep one message's callbacks in order, whichever gateway sends them. */
class CallbackQueueTest {

    @TempDir
    static Path dir;
    static RedisFixture fx;
    static CallbackQueue queue;
    static Keys keys;

    @BeforeAll
    static void start() throws Exception {
        fx = new RedisFixture(dir);
        queue = new CallbackQueue(fx.redis, Duration.ofHours(24));
        keys = fx.redis.keys();
        await(queue.createGroup(0));
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    /** Writes an event to the stream as the status scripts do and reads it as a consumer; answers the entry. */
    private static StreamMessage<String, String> produce(String messageId, int seq, String status) {
        await(fx.redis.call(c -> c.xadd(keys.callbackEvents(0), "id", messageId, "n", Integer.toString(seq), "t", "demo",
                "u", "https://crm.example.org/cb", "st", status, "at", Instant.now().toString())));
        List<StreamMessage<String, String>> read = await(fx.redis.call(c -> c.xreadgroup(
                Consumer.from(CallbackQueue.GROUP, "test"), XReadArgs.Builder.count(1),
                XReadArgs.StreamOffset.lastConsumed(keys.callbackEvents(0)))));
        return read.get(0);
    }

    private static CallbackEvent event(StreamMessage<String, String> entry) {
        return CallbackEvent.fromStream(entry.getId(), entry.getBody()).orElseThrow();
    }

    private static Instant later() {
        return Instant.now().plusSeconds(30);
    }

    @Test
    @DisplayName("a message's first event is leased to whoever admits it; later ones wait; a re-admitted entry is not queued twice")
    void admission() {
        String id = Ids.next();
        StreamMessage<String, String> e1 = produce(id, 1, "queued");
        StreamMessage<String, String> e2 = produce(id, 2, "sending");
        assertThat(await(queue.admit(0, e1.getId(), event(e1), later()))).isEqualTo(CallbackQueue.Admission.LEASED);
        assertThat(await(queue.admit(0, e2.getId(), event(e2), later()))).isEqualTo(CallbackQueue.Admission.QUEUED);
        assertThat(await(queue.admit(0, e2.getId(), event(e2), later()))).isEqualTo(CallbackQueue.Admission.SEEN);

        Long queued = await(fx.redis.call(c -> c.zcard(keys.callbackQueue(id))));
        Long streamLength = await(fx.redis.call(c -> c.xlen(keys.callbackEvents(0))));
        assertThat(queued).isEqualTo(2L);
        assertThat(streamLength).as("admitted entries leave the stream").isZero();
    }

    @Test
    @DisplayName("events admitted out of order (two gateways read them) are still leased strictly by their number")
    void outOfOrderAdmission() {
        String id = Ids.next();
        // the message exists, so its hash keeps count of the callbacks finished
        await(fx.redis.call(c -> c.hset(keys.message(id), "t", "demo")));
        StreamMessage<String, String> e1 = produce(id, 1, "queued");
        StreamMessage<String, String> e2 = produce(id, 2, "sending");
        StreamMessage<String, String> e3 = produce(id, 3, "sent");

        assertThat(await(queue.admit(0, e2.getId(), event(e2), later()))).isEqualTo(CallbackQueue.Admission.QUEUED);
        assertThat(await(queue.admit(0, e1.getId(), event(e1), later()))).isEqualTo(CallbackQueue.Admission.LEASED);
        assertThat(await(queue.admit(0, e3.getId(), event(e3), later()))).isEqualTo(CallbackQueue.Admission.QUEUED);
        assertThat(await(queue.done(event(e1), later()))).map(CallbackEvent::eventId).contains(id + ":2");
        assertThat(await(queue.done(event(e2), later()))).map(CallbackEvent::eventId).contains(id + ":3");
        String finished = await(fx.redis.call(c -> c.hget(keys.message(id), "cbf")));
        assertThat(finished).isEqualTo("2");

        StreamMessage<String, String> e5 = produce(id, 5, "read");
        StreamMessage<String, String> e4 = produce(id, 4, "delivered");
        assertThat(await(queue.done(event(e3), later()))).as("4 is not admitted yet").isEmpty();
        assertThat(await(queue.admit(0, e5.getId(), event(e5), later()))).isEqualTo(CallbackQueue.Admission.QUEUED);
        assertThat(await(queue.admit(0, e4.getId(), event(e4), later()))).isEqualTo(CallbackQueue.Admission.LEASED);
    }

    @Test
    @DisplayName("finishing the first event hands over the next under a fresh lease; a late second finish changes nothing")
    void finishHandsOverNext() {
        String other = Ids.next();
        StreamMessage<String, String> a = produce(other, 1, "queued");
        StreamMessage<String, String> b = produce(other, 2, "sending");
        await(queue.admit(0, a.getId(), event(a), later()));
        await(queue.admit(0, b.getId(), event(b), later()));

        Optional<CallbackEvent> next = await(queue.done(event(a), later()));
        assertThat(next).map(CallbackEvent::eventId).contains(other + ":2");
        assertThat(await(queue.done(event(a), later()))).as("a stale holder finishing the same event").isEmpty();
        assertThat(await(queue.retryAt(event(a), Instant.now()))).as("a stale holder's retry").isFalse();
        assertThat(await(queue.done(event(b), later()))).isEmpty();
        Long left = await(fx.redis.call(c -> c.exists(keys.callbackQueue(other))));
        Double due = await(fx.redis.call(c -> c.zscore(keys.callbackDue(0), other)));
        assertThat(left).isZero();
        assertThat(due).isNull();
    }

    @Test
    @DisplayName("a retry waits until its time with its attempt count; a lease that runs out makes the event due again")
    void retryAndLeaseExpiry() {
        String id = Ids.next();
        StreamMessage<String, String> e1 = produce(id, 1, "queued");
        Instant leaseEnds = Instant.now().plusMillis(200);
        await(queue.admit(0, e1.getId(), event(e1), leaseEnds));
        assertThat(await(queue.claimDue(0, Instant.now(), 100, later()))).extracting(CallbackEvent::messageId).doesNotContain(id);

        List<CallbackEvent> afterLease = await(queue.claimDue(0, leaseEnds.plusMillis(1), 100, later()));
        assertThat(afterLease).extracting(CallbackEvent::eventId).contains(id + ":1");

        Instant retryAt = Instant.now().plusSeconds(5);
        assertThat(await(queue.retryAt(event(e1).withAttempts(3), retryAt))).isTrue();
        assertThat(await(queue.claimDue(0, retryAt.minusMillis(1), 100, later()))).extracting(CallbackEvent::messageId)
                .doesNotContain(id);
        List<CallbackEvent> due = await(queue.claimDue(0, retryAt, 100, later()));
        assertThat(due).filteredOn(e -> e.messageId().equals(id)).singleElement()
                .satisfies(e -> assertThat(e.attempts()).isEqualTo(3));
    }
}
