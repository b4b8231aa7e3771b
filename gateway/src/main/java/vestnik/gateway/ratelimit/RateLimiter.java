package vestnik.gateway.ratelimit;

import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.List;
import vestnik.gateway.store.ContextBatchers;
import vestnik.gateway.store.Keys;
import vestnik.gateway.store.RedisStore;
import vestnik.gateway.store.Scripts;

/**
 * A rate shared by every gateway on the same Redis (a token bucket in Lua). {@link #acquire} reserves
 * the tokens at once and completes when their time has come; the wait is a timer, not a parked thread.
 */
public final class RateLimiter {

    private final Vertx vertx;
    private final RedisStore redis;
    private final Scripts scripts;
    private final String key;
    private final double ratePerSecond;
    private final double burst;

    public RateLimiter(Vertx vertx, RedisStore redis, Scripts scripts, Keys keys, String name, double ratePerSecond) {
        if (ratePerSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive");
        }
        this.vertx = vertx;
        this.redis = redis;
        this.scripts = scripts;
        this.key = keys.rateBucket(name);
        this.ratePerSecond = ratePerSecond;
        // a tenth of a second's worth of burst keeps bursts short while letting batches through
        this.burst = Math.max(1, ratePerSecond / 10);
    }

    /**
     * The provider throttled us (retry-after, ESME_RTHROTTLED): the rate is halved for {@code length}, for
     * every gateway sharing this Redis, and comes back by itself afterwards.
     */
    public Future<Void> slowDown(java.time.Duration length) {
        return redis.<Long>on(scripts.ratePenalty.run(redis.commands(), ScriptOutputType.INTEGER, new String[]{key},
                Long.toString(Math.max(1000, length.toMillis())))).mapEmpty();
    }

    /** Requests made together on one event loop (a dispatcher's read) go to Redis in one call. */
    private final ContextBatchers<Integer, Long> requests = new ContextBatchers<>(64, this::reserveAll);

    public Future<Void> acquire(int tokens) {
        return requests.submit(tokens)
                .compose(waitMs -> {
                    if (waitMs == null || waitMs <= 0) {
                        return Future.succeededFuture();
                    }
                    Promise<Void> p = Promise.promise();
                    vertx.setTimer(waitMs, t -> p.complete());
                    return p.future();
                });
    }

    /** Each request's wait in ms, in order, as if each had been made alone right after the one before. */
    private Future<List<Long>> reserveAll(List<Integer> tokens) {
        String[] args = new String[2 + tokens.size()];
        args[0] = Double.toString(ratePerSecond);
        args[1] = Double.toString(burst);
        for (int i = 0; i < tokens.size(); i++) {
            args[2 + i] = Integer.toString(tokens.get(i));
        }
        return redis.<List<Object>>on(scripts.tokenBucketMany.run(redis.commands(), ScriptOutputType.MULTI,
                        new String[]{key}, args))
                .map(all -> all.stream().map(w -> (Long) w).toList());
    }
}
