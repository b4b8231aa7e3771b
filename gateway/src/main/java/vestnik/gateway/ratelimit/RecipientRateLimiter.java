package vestnik.gateway.ratelimit;

import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import vestnik.gateway.store.Keys;
import vestnik.gateway.store.RedisStore;
import vestnik.gateway.store.Scripts;

/**
 * Limits where a provider counts per recipient (Telegram one message a second per chat, WhatsApp's
 * pair limit), shared across gateways through Redis. A short wait is waited out; a long one is not
 * reserved at all, so a burst to one debtor goes back to the due set instead of holding a send slot
 * that other debtors' messages could use.
 */
public final class RecipientRateLimiter {

    /** Go now (after any short wait), or come back after {@code after}. */
    public sealed interface Outcome {
        record Granted() implements Outcome {
        }

        record Later(Duration after) implements Outcome {
        }
    }

    private static final Duration LONGEST_WAIT = Duration.ofSeconds(1);

    private final Vertx vertx;
    private final RedisStore redis;
    private final Scripts scripts;
    private final Keys keys;

    public RecipientRateLimiter(Vertx vertx, RedisStore redis, Scripts scripts) {
        this.vertx = vertx;
        this.redis = redis;
        this.scripts = scripts;
        this.keys = redis.keys();
    }

    public Future<Outcome> acquire(String channelId, String address, double ratePerSecond) {
        String key = keys.rateBucket("rcpt:" + channelId + ":" + address);
        // one message of credit: a recipient's limit is about spacing, not bursts
        return redis.<Long>on(scripts.tokenBucket.run(redis.commands(), ScriptOutputType.INTEGER, new String[]{key},
                        Double.toString(ratePerSecond), "1", "1", Long.toString(LONGEST_WAIT.toMillis())))
                .compose(waitMs -> {
                    if (waitMs < 0) {
                        return Future.succeededFuture(new Outcome.Later(Duration.ofMillis(-waitMs)));
                    }
                    if (waitMs == 0) {
                        return Future.succeededFuture(new Outcome.Granted());
                    }
                    Promise<Outcome> p = Promise.promise();
                    vertx.setTimer(waitMs, t -> p.complete(new Outcome.Granted()));
                    return p.future();
                });
    }
}
