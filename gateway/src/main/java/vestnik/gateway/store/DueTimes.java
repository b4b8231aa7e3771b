package vestnik.gateway.store;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;

/** When a waiting message is due: its score in its shard's due set (absent once it is being sent). */
public final class DueTimes {

    private final RedisStore redis;

    public DueTimes(RedisStore redis) {
        this.redis = redis;
    }

    public Future<Optional<Instant>> of(String messageId) {
        Keys keys = redis.keys();
        return redis.<Double>call(c -> c.zscore(keys.due(keys.shardOf(messageId)), messageId))
                .map(score -> Optional.ofNullable(score).map(s -> Instant.ofEpochMilli(s.longValue())));
    }
}
