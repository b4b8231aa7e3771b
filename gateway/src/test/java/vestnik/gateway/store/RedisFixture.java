package vestnik.gateway.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import vestnik.gateway.config.RedisConfig;

/** A real embedded Redis (the one the gateway ships) in a temporary folder, for one test class. */
public final class RedisFixture implements AutoCloseable {

    public final Vertx vertx = Vertx.vertx();
    public final RedisStore redis;

    public RedisFixture(Path dataDir) throws Exception {
        this(dataDir, 1);
    }

    public RedisFixture(Path dataDir, int shards) throws Exception {
        redis = RedisStore.open(vertx, new RedisConfig("embedded", dataDir, false, shards, "everysec"));
    }

    public static <T> T await(Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("future did not complete: " + e, e);
        }
    }

    @Override
    public void close() {
        redis.close();
        await(vertx.close());
    }
}
