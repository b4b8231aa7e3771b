package vestnik.gateway.config;

import java.nio.file.Path;

/**
 * {@code uri} is {@code embedded} (a bundled redis-server persisting to {@code dataDir} with AOF) or a
 * {@code redis://} / {@code rediss://} URI; {@code cluster} says the URI points at a Redis Cluster.
 * {@code shards} is how many hash-tag groups the keys are spread over: 1 suits one Redis; a cluster
 * wants at least as many as it has masters.
 */
public record RedisConfig(String uri, Path dataDir, boolean cluster, int shards, String appendfsync) {

    public boolean embedded() {
        return "embedded".equalsIgnoreCase(uri);
    }
}
