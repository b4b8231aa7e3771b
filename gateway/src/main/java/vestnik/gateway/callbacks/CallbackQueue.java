package vestnik.gateway.callbacks;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vestnik.gateway.store.Keys;
import vestnik.gateway.store.LuaScript;
import vestnik.gateway.store.RedisStore;

/**
 * The Redis side of callback delivery. Events arrive in each shard's callback stream (written by the
 * status scripts); admission moves each into its message's own queue, ordered by the event's number,
 * and a due set per shard says when each message's first event is to be sent: now, after a backoff,
 * or — while one gateway is sending it — when that gateway's lease runs out. The message hash records
 * how far its callbacks are finished, so an event is sent only after the one before it, whichever
 * gateways admitted them in whichever order; and a retry survives a restart because it lives in Redis,
 * not in memory.
 */
public final class CallbackQueue {

    public static final String GROUP = "callbacks";

    /** What admission did with a stream entry. */
    public enum Admission {
        /** The event is the message's next one and nothing of the message is under way: leased to the caller, to send now. */
        LEASED,
        /** It waits for the message's earlier events. */
        QUEUED,
        /** Already admitted (a reclaimed or re-read entry). */
        SEEN
    }

    private static final Map<String, String> NO_PLACEHOLDERS = Map.of();

    private final RedisStore redis;
    private final Keys keys;
    private final long queueTtlSeconds;
    private final LuaScript admit = LuaScript.load("callback_admit", NO_PLACEHOLDERS);
    private final LuaScript done = LuaScript.load("callback_done", NO_PLACEHOLDERS);
    private final LuaScript retry = LuaScript.load("callback_retry", NO_PLACEHOLDERS);
    private final LuaScript claim = LuaScript.load("callback_claim", NO_PLACEHOLDERS);

    /** {@code maxAge}: events are given up by then, so a queue left behind by a bug is dropped after twice that. */
    public CallbackQueue(RedisStore redis, Duration maxAge) {
        this.redis = redis;
        this.keys = redis.keys();
        this.queueTtlSeconds = Math.max(3600, maxAge.multipliedBy(2).toSeconds());
    }

    public Keys keys() {
        return keys;
    }

    public Future<Void> createGroup(int shard) {
        return redis.call(c -> c.xgroupCreate(XReadArgs.StreamOffset.from(keys.callbackEvents(shard), "0"), GROUP,
                        XGroupCreateArgs.Builder.mkstream()))
                .recover(e -> String.valueOf(e.getMessage()).contains("BUSYGROUP")
                        ? Future.succeededFuture("OK") : Future.failedFuture(e))
                .mapEmpty();
    }

    public Future<Admission> admit(int shard, String entryId, CallbackEvent e, Instant leaseUntil) {
        String[] k = {keys.callbackEvents(shard), keys.callbackQueue(e.messageId()), keys.callbackDue(shard),
                keys.message(e.messageId())};
        return redis.<String>on(admit.run(redis.commands(), ScriptOutputType.STATUS, k, entryId, GROUP, e.stored(),
                        e.messageId(), Long.toString(leaseUntil.toEpochMilli()), Long.toString(queueTtlSeconds),
                        Long.toString(e.seq())))
                .map(r -> switch (r) {
                    case "lease" -> Admission.LEASED;
                    case "queued" -> Admission.QUEUED;
                    default -> Admission.SEEN;
                });
    }

    /** Acknowledges and deletes a stream entry that cannot become a callback. */
    public Future<Void> drop(int shard, String entryId) {
        String stream = keys.callbackEvents(shard);
        return redis.call(c -> c.xack(stream, GROUP, entryId))
                .compose(n -> redis.call(c -> c.xdel(stream, entryId)))
                .mapEmpty();
    }

    /**
     * The message's first event is finished with (delivered or given up); answers its next event, leased
     * to the caller until {@code leaseUntil}, if there is one.
     */
    public Future<Optional<CallbackEvent>> done(CallbackEvent e, Instant leaseUntil) {
        int shard = keys.shardOf(e.messageId());
        String[] k = {keys.callbackQueue(e.messageId()), keys.callbackDue(shard), keys.message(e.messageId())};
        return redis.<List<Object>>on(done.run(redis.commands(), ScriptOutputType.MULTI, k, e.messageId(), e.eventId(),
                        Long.toString(leaseUntil.toEpochMilli()), Long.toString(e.seq())))
                .map(r -> "next".equals(r.get(0)) ? CallbackEvent.fromStored((String) r.get(1)) : Optional.empty());
    }

    /** Puts the message's first event (with its attempt count) back to wait until {@code at}. */
    public Future<Boolean> retryAt(CallbackEvent e, Instant at) {
        int shard = keys.shardOf(e.messageId());
        String[] k = {keys.callbackQueue(e.messageId()), keys.callbackDue(shard)};
        return redis.<Long>on(retry.run(redis.commands(), ScriptOutputType.INTEGER, k, e.messageId(), e.eventId(),
                        e.stored(), Long.toString(at.toEpochMilli()), Long.toString(e.seq())))
                .map(n -> n == 1L);
    }

    /** Leases up to {@code limit} messages of the shard whose callbacks are due, answering their first events. */
    public Future<List<CallbackEvent>> claimDue(int shard, Instant now, int limit, Instant leaseUntil) {
        String[] k = {keys.callbackDue(shard)};
        return redis.<List<Object>>on(claim.run(redis.commands(), ScriptOutputType.MULTI, k,
                        Long.toString(now.toEpochMilli()), Integer.toString(limit),
                        Long.toString(leaseUntil.toEpochMilli()), keys.callbackQueuePrefix(shard)))
                .map(r -> {
                    List<CallbackEvent> events = new ArrayList<>(r.size());
                    for (Object o : r) {
                        CallbackEvent.fromStored((String) o).ifPresent(events::add);
                    }
                    return events;
                });
    }
}
