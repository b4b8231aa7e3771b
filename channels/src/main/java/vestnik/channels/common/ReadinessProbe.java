package vestnik.channels.common;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import vestnik.channels.spi.ErrorClass;
import vestnik.channels.spi.SendResult;

/**
 * Whether a bot's token works, for providers with a call that checks it and changes nothing (Telegram's
 * {@code getMe}, MAX's {@code GET /me}). A token the provider refuses fails the start; an unreachable
 * provider does not: the channel starts not ready and checks again every {@link #RECHECK_EVERY} until a
 * check passes, so that an outage at one provider does not stop the gateway. Sends keep the answer
 * current: an accepted message proves the token, a refusal of our configuration (a revoked token)
 * disproves it.
 */
public final class ReadinessProbe {

    public static final Duration RECHECK_EVERY = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final Supplier<Future<ErrorClass>> check;
    private final long recheckMs;
    private final AtomicLong recheckTimer = new AtomicLong(-1);
    private volatile boolean ready;

    /**
     * @param check one call to the provider; completes with null when the token works, else with the class of
     *              the failure (an unreachable provider being {@link ErrorClass#TRANSIENT}); never fails
     */
    public ReadinessProbe(Vertx vertx, Supplier<Future<ErrorClass>> check) {
        this(vertx, check, RECHECK_EVERY);
    }

    ReadinessProbe(Vertx vertx, Supplier<Future<ErrorClass>> check, Duration recheckEvery) {
        this.vertx = vertx;
        this.check = check;
        this.recheckMs = recheckEvery.toMillis();
    }

    /**
     * Checks once; fails with {@code refusal} when the provider refuses the token, else succeeds, ready or
     * checking again in the background.
     */
    public Future<Void> start(String refusal) {
        return check().compose(outcome -> {
            if (outcome == ErrorClass.PERMANENT_CONFIG) {
                return Future.failedFuture(new IllegalStateException(refusal));
            }
            if (outcome != null) {
                scheduleRecheck();
            }
            return Future.succeededFuture();
        });
    }

    public boolean isReady() {
        return ready;
    }

    /** What a send tells about the token; other failures (a blocked user, an outage) tell nothing. */
    public void observe(SendResult result) {
        if (result instanceof SendResult.Accepted) {
            ready = true;
        } else if (result instanceof SendResult.Failed failed && failed.errorClass() == ErrorClass.PERMANENT_CONFIG) {
            ready = false;
        }
    }

    public void stop() {
        long timer = recheckTimer.getAndSet(-1);
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        ready = false;
    }

    private Future<ErrorClass> check() {
        return check.get().map(outcome -> {
            ready = outcome == null;
            return outcome;
        });
    }

    private void scheduleRecheck() {
        long timer = vertx.setPeriodic(recheckMs, t -> check().onSuccess(outcome -> {
            if (outcome == null) {
                vertx.cancelTimer(t);
                recheckTimer.compareAndSet(t, -1);
            }
        }));
        long previous = recheckTimer.getAndSet(timer);
        if (previous >= 0) {
            vertx.cancelTimer(previous);
        }
    }
}
