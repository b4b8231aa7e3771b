package vestnik.gateway.schedule;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vestnik.gateway.store.MessageRepository;

/**
 * Moves messages whose send time (or retry time) has come from the due set to their queues. Every
 * gateway runs one; the Lua step removes each id from the set before queueing it, so two schedulers
 * never queue the same message twice.
 */
public final class DueScheduler {

    private static final Logger log = LoggerFactory.getLogger(DueScheduler.class);
    private static final int BATCH = 1000;

    private final Vertx vertx;
    private final MessageRepository messages;
    private final Clock clock;
    private final Duration interval;
    private long timer = -1;
    private boolean busy;

    public DueScheduler(Vertx vertx, MessageRepository messages, Clock clock, Duration interval) {
        this.vertx = vertx;
        this.messages = messages;
        this.clock = clock;
        this.interval = interval;
    }

    public void start() {
        timer = vertx.setPeriodic(Math.max(10, interval.toMillis()), id -> tick());
    }

    public void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void tick() {
        if (busy) {
            return;
        }
        busy = true;
        promoteAll(0).onComplete(ar -> {
            busy = false;
            if (ar.failed()) {
                log.warn("moving due messages failed: {}", ar.cause().getMessage());
            }
        });
    }

    private Future<Void> promoteAll(int shard) {
        if (shard >= messages.keys().shards()) {
            return Future.succeededFuture();
        }
        return messages.promoteDue(shard, clock.instant(), BATCH)
                .compose(moved -> moved >= BATCH ? promoteAll(shard) : promoteAll(shard + 1));
    }
}
