package vestnik.gateway.inbox;

import io.lettuce.core.Consumer;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vestnik.gateway.inbound.InboundStore;
import vestnik.gateway.store.RedisStore;

/**
 * Reads the inbound stream in a consumer group of its own (each entry goes to one gateway) and threads each
 * message. An entry is acknowledged once threaded; threading is idempotent, so an entry that a stopped
 * gateway left pending is simply threaded again by whoever claims it.
 */
public final class InboundConsumer {

    public static final String GROUP = "inbox";
    private static final Logger log = LoggerFactory.getLogger(InboundConsumer.class);
    private static final int BATCH = 50;
    private static final long BLOCK_MS = 1000;

    private final Vertx vertx;
    private final RedisStore redis;
    private final InboundStore inbound;
    private final Inbox inbox;
    private final String consumerName;
    private final Duration reclaimAfter;
    private final String stream;
    private RedisClusterAsyncCommands<String, String> blocking;
    private boolean running;
    private String pendingCursor = "0-0";
    private long reclaimTimer = -1;

    public InboundConsumer(Vertx vertx, RedisStore redis, InboundStore inbound, Inbox inbox, String consumerName,
                           Duration reclaimAfter) {
        this.vertx = vertx;
        this.redis = redis;
        this.inbound = inbound;
        this.inbox = inbox;
        this.consumerName = consumerName;
        this.reclaimAfter = reclaimAfter;
        this.stream = redis.keys().inboundStream();
    }

    public Future<Void> start() {
        running = true;
        blocking = redis.dedicatedCommands();
        // from the stream's start: messages that came before the inbox existed get their conversations too
        return redis.call(c -> c.xgroupCreate(XReadArgs.StreamOffset.from(stream, "0-0"), GROUP,
                        XGroupCreateArgs.Builder.mkstream()))
                .<Void>mapEmpty()
                .recover(e -> e.getMessage() != null && e.getMessage().contains("BUSYGROUP")
                        ? Future.succeededFuture() : Future.failedFuture(e))
                .onSuccess(v -> {
                    reclaimTimer = vertx.setPeriodic(Math.max(1000, reclaimAfter.toMillis() / 2), id -> reclaim());
                    readLoop();
                });
    }

    public void stop() {
        running = false;
        if (reclaimTimer >= 0) {
            vertx.cancelTimer(reclaimTimer);
        }
    }

    /** This consumer's own pending entries first (left by its previous run), then new ones. */
    private void readLoop() {
        if (!running) {
            return;
        }
        boolean recovering = pendingCursor != null;
        XReadArgs args = recovering ? XReadArgs.Builder.count(BATCH) : XReadArgs.Builder.block(BLOCK_MS).count(BATCH);
        XReadArgs.StreamOffset<String> offset = recovering
                ? XReadArgs.StreamOffset.from(stream, pendingCursor)
                : XReadArgs.StreamOffset.lastConsumed(stream);
        redis.on(blocking.xreadgroup(Consumer.from(GROUP, consumerName), args, offset)).onComplete(ar -> {
            if (ar.failed()) {
                if (running) {
                    log.warn("inbox: reading the inbound stream failed ({}); retrying in 1 s", ar.cause().getMessage());
                    vertx.setTimer(1000, t -> readLoop());
                }
                return;
            }
            List<StreamMessage<String, String>> entries = ar.result() == null ? List.of() : ar.result();
            if (recovering) {
                pendingCursor = entries.isEmpty() ? null : entries.get(entries.size() - 1).getId();
            }
            List<Future<Void>> done = new ArrayList<>(entries.size());
            entries.forEach(e -> done.add(handle(e)));
            Future.join(done).onComplete(x -> readLoop());
        });
    }

    private void reclaim() {
        if (!running) {
            return;
        }
        redis.call(c -> c.xautoclaim(stream, XAutoClaimArgs.Builder
                        .xautoclaim(Consumer.from(GROUP, consumerName), reclaimAfter, "0-0").count(BATCH)))
                .onSuccess(claimed -> claimed.getMessages().forEach(this::handle))
                .onFailure(e -> log.warn("inbox: reclaiming abandoned entries failed: {}", e.getMessage()));
    }

    private Future<Void> handle(StreamMessage<String, String> entry) {
        String id = entry.getBody().get("id");
        if (id == null) {
            return ack(entry);
        }
        return inbound.find(id)
                .compose(record -> record == null || record.isEmpty() ? Future.succeededFuture() : inbox.threadInbound(id, record))
                .compose(v -> ack(entry))
                .onFailure(e -> log.warn("inbox: inbound record {} not threaded yet: {}", id, e.getMessage()));
    }

    private Future<Void> ack(StreamMessage<String, String> entry) {
        return redis.call(c -> c.xack(stream, GROUP, entry.getId())).mapEmpty();
    }
}
