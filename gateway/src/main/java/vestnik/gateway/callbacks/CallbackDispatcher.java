package vestnik.gateway.callbacks;

import io.lettuce.core.Consumer;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vestnik.gateway.config.CallbacksConfig;
import vestnik.gateway.store.RedisStore;

/**
 * Delivers one shard's status callbacks. It reads the shard's callback stream with a consumer group
 * (an entry stays pending until it is admitted to its message's queue, so a crash loses none) and sends
 * each message's events in order: the first at once, each next one only when the one before was
 * delivered or given up. A callback not answered 2xx waits in Redis for its retry, backing off, until
 * {@code maxAge} after the change, then it is given up; meanwhile other messages' callbacks keep flowing,
 * and sending messages never waits for any of this.
 */
public final class CallbackDispatcher {

    private static final Logger log = LoggerFactory.getLogger(CallbackDispatcher.class);
    private static final int BATCH = 128;
    private static final int DUE_BATCH = 256;
    private static final long BLOCK_MS = 1000;

    private final Vertx vertx;
    private final RedisStore redis;
    private final CallbackQueue queue;
    private final CallbackSender sender;
    private final CallbackTargets targets;
    private final CallbackMetrics metrics;
    private final CallbackBackoff backoff;
    private final CallbacksConfig config;
    private final Clock clock;
    private final int shard;
    private final String stream;
    private final String consumerName;
    private final Duration reclaimAfter;
    private final Duration lease;
    private final Set<String> admitting = new HashSet<>();

    private RedisClusterAsyncCommands<String, String> blocking;
    private Context context;
    private boolean running;
    private boolean reading;
    private boolean polling;
    /** While not null, the id after which this consumer's own pending entries are still to be admitted. */
    private String pendingCursor = "0";
    private long dueTimer = -1;
    private long reclaimTimer = -1;

    public CallbackDispatcher(Vertx vertx, RedisStore redis, CallbackQueue queue, CallbackSender sender,
                              CallbackTargets targets, CallbackMetrics metrics, CallbacksConfig config, Clock clock,
                              int shard, String consumerName, Duration reclaimAfter) {
        this.vertx = vertx;
        this.redis = redis;
        this.queue = queue;
        this.sender = sender;
        this.targets = targets;
        this.metrics = metrics;
        this.backoff = new CallbackBackoff(config.retryBase(), config.retryMax(), config.maxAge());
        this.config = config;
        this.clock = clock;
        this.shard = shard;
        this.stream = queue.keys().callbackEvents(shard);
        this.consumerName = consumerName;
        this.reclaimAfter = reclaimAfter;
        // a lease outlives any one POST (connecting and answering may each take the timeout), so a callback
        // is sent twice only when the gateway sending it really stopped
        this.lease = config.timeout().multipliedBy(2).plusSeconds(1);
    }

    /** Must be called on the Vert.x context that will run this dispatcher. */
    public Future<Void> start() {
        context = vertx.getOrCreateContext();
        running = true;
        blocking = redis.dedicatedCommands();
        return queue.createGroup(shard).onSuccess(v -> {
            dueTimer = vertx.setPeriodic(Math.max(10, config.pollInterval().toMillis()), id -> pollDue());
            reclaimTimer = vertx.setPeriodic(Math.max(1000, reclaimAfter.toMillis() / 2), id -> reclaimAbandoned());
            readLoop();
        });
    }

    public void stop() {
        running = false;
        if (dueTimer >= 0) {
            vertx.cancelTimer(dueTimer);
        }
        if (reclaimTimer >= 0) {
            vertx.cancelTimer(reclaimTimer);
        }
    }

    /** Own pending entries first (left by a previous run of this {@code instanceId}), then new ones, blocking. */
    private void readLoop() {
        if (!running || reading) {
            return;
        }
        reading = true;
        boolean recovering = pendingCursor != null;
        XReadArgs args = recovering ? XReadArgs.Builder.count(BATCH) : XReadArgs.Builder.block(BLOCK_MS).count(BATCH);
        XReadArgs.StreamOffset<String> offset = recovering
                ? XReadArgs.StreamOffset.from(stream, pendingCursor)
                : XReadArgs.StreamOffset.lastConsumed(stream);
        redis.on(blocking.xreadgroup(Consumer.from(CallbackQueue.GROUP, consumerName), args, offset))
                .onComplete(ar -> {
                    if (ar.failed()) {
                        reading = false;
                        if (running) {
                            log.warn("callbacks shard {}: reading the stream failed ({}); retrying in 1 s", shard,
                                    ar.cause().getMessage());
                            vertx.setTimer(1000, t -> readLoop());
                        }
                        return;
                    }
                    List<StreamMessage<String, String>> entries = ar.result() == null ? List.of() : ar.result();
                    if (recovering) {
                        pendingCursor = entries.isEmpty() ? null : entries.get(entries.size() - 1).getId();
                    }
                    List<Future<Void>> admitted = new ArrayList<>(entries.size());
                    entries.forEach(e -> admitted.add(admit(e)));
                    Future.join(admitted).onComplete(x -> {
                        reading = false;
                        readLoop();
                    });
                });
    }

    /** Takes over entries that a gateway which never came back left unadmitted. */
    private void reclaimAbandoned() {
        if (!running) {
            return;
        }
        redis.call(c -> c.xautoclaim(stream, XAutoClaimArgs.Builder
                        .xautoclaim(Consumer.from(CallbackQueue.GROUP, consumerName), reclaimAfter, "0-0")
                        .count(BATCH)))
                .onSuccess(claimed -> claimed.getMessages().forEach(this::admit))
                .onFailure(e -> log.warn("callbacks shard {}: reclaiming abandoned events failed: {}", shard, e.getMessage()));
    }

    private Future<Void> admit(StreamMessage<String, String> entry) {
        String entryId = entry.getId();
        if (!admitting.add(entryId)) {
            return Future.succeededFuture();
        }
        Optional<CallbackEvent> event = CallbackEvent.fromStream(entryId, entry.getBody());
        Future<Void> done;
        if (event.isEmpty()) {
            log.warn("callbacks shard {}: stream entry {} lacks what a callback needs; dropped", shard, entryId);
            done = queue.drop(shard, entryId);
        } else {
            done = queue.admit(shard, entryId, event.get(), leaseUntil()).map(a -> {
                if (a == CallbackQueue.Admission.LEASED) {
                    deliver(event.get());
                }
                return (Void) null;
            });
        }
        return done
                .onFailure(e -> log.warn("callbacks shard {}: event {} not admitted, it stays pending: {}", shard, entryId,
                        e.getMessage()))
                .onComplete(x -> admitting.remove(entryId));
    }

    /** Leases the messages whose callbacks are due (retries, and those whose sender stopped) and sends them. */
    private void pollDue() {
        if (!running || polling) {
            return;
        }
        polling = true;
        queue.claimDue(shard, clock.instant(), DUE_BATCH, leaseUntil()).onComplete(ar -> {
            polling = false;
            if (ar.failed()) {
                if (running) {
                    log.warn("callbacks shard {}: looking for due callbacks failed: {}", shard, ar.cause().getMessage());
                }
                return;
            }
            ar.result().forEach(this::deliver);
            if (ar.result().size() >= DUE_BATCH) {
                context.runOnContext(v -> pollDue());
            }
        });
    }

    /** Sends a message's first event, which this gateway holds the lease for. */
    private void deliver(CallbackEvent e) {
        if (!running) {
            // the lease runs out and whichever gateway runs then sends it
            return;
        }
        Instant started = clock.instant();
        if (started.isAfter(backoff.deadline(e.created()))) {
            giveUp(e, "not delivered within " + config.maxAge());
            return;
        }
        Optional<String> secret = targets.secretOf(e.tenantId());
        if (secret.isEmpty()) {
            giveUp(e, "the tenant has no callbacks.secret any more");
            return;
        }
        sender.post(e, secret.get()).onSuccess(outcome -> {
            if (!running) {
                // stopping aborted it; the lease runs out and it is sent again
                return;
            }
            Instant now = clock.instant();
            if (outcome instanceof CallbackSender.Outcome.Delivered) {
                metrics.sent(e.tenantId(), Duration.between(started, now), Duration.between(e.created(), now));
                finish(e);
            } else if (outcome instanceof CallbackSender.Outcome.HostBusy) {
                // not an attempt: the host's other callbacks hold its connections; look again shortly
                long pause = (long) (config.pollInterval().toMillis() * (1 + ThreadLocalRandom.current().nextDouble()));
                waitUntil(e, now.plusMillis(Math.max(10, pause)));
            } else if (outcome instanceof CallbackSender.Outcome.Refused refused) {
                failed(e, now, "answered HTTP " + refused.status());
            } else {
                failed(e, now, "no answer: " + ((CallbackSender.Outcome.NoAnswer) outcome).reason());
            }
        });
    }

    private void failed(CallbackEvent e, Instant now, String why) {
        metrics.failed(e.tenantId());
        CallbackEvent tried = e.withAttempts(e.attempts() + 1);
        Optional<Instant> next = backoff.next(tried.attempts(), now, e.created());
        if (next.isEmpty()) {
            giveUp(tried, why);
            return;
        }
        log.debug("callback {} to {} {}; attempt {} failed, next at {}", e.eventId(), CallbackUrls.origin(e.url()), why,
                tried.attempts(), next.get());
        waitUntil(tried, next.get());
    }

    private void giveUp(CallbackEvent e, String why) {
        metrics.givenUp(e.tenantId());
        log.warn("callback {} ({}) of tenant {} to {} given up after {} attempt(s): {}", e.eventId(), e.status(),
                e.tenantId(), CallbackUrls.origin(e.url()), e.attempts(), why);
        finish(e);
    }

    /** The event is finished with: the message's next one, if any, follows at once under a fresh lease. */
    private void finish(CallbackEvent e) {
        queue.done(e, leaseUntil())
                .onSuccess(next -> next.ifPresent(this::deliver))
                .onFailure(x -> log.warn("callback {}: recording its outcome failed ({}); it is sent again when its lease runs out",
                        e.eventId(), x.getMessage()));
    }

    private void waitUntil(CallbackEvent e, Instant at) {
        queue.retryAt(e, at).onFailure(x -> log.warn("callback {}: scheduling its retry failed ({}); it is sent again "
                + "when its lease runs out", e.eventId(), x.getMessage()));
    }

    private Instant leaseUntil() {
        return clock.instant().plus(lease);
    }
}
