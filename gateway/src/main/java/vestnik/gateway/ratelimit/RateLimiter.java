package vestnik.gateway.ratelimit;

import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
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

    public Future<Void> acquire(int tokens) {
        return redis.<Long>on(scripts.tokenBucket.run(redis.commands(), ScriptOutputType.INTEGER, new String[]{key},
                        Double.toString(ratePerSecond), Double.toString(burst), Integer.toString(tokens)))
                .compose(waitMs -> {
                    if (waitMs == null || waitMs <= 0) {
                        return Future.succeededFuture();
                    }
                    Promise<Void> p = Promise.promise();
                    vertx.setTimer(waitMs, t -> p.complete());
                    return p.future();
                });
    }
}
