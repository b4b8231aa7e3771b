package vestnik.gateway.store;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vestnik.gateway.config.RedisConfig;

/**
 * The one store: Lettuce on a standalone Redis, a cluster, or the embedded server. Code elsewhere sees
 * only {@link RedisClusterAsyncCommands}, which both client kinds implement; futures come back on the
 * caller's Vert.x context.
 */
public final class RedisStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisStore.class);

    private final Vertx vertx;
    private final Keys keys;
    private final EmbeddedRedis embedded;
    private final RedisClient client;
    private final RedisClusterClient clusterClient;
    private final StatefulConnection<String, String> shared;
    private final RedisClusterAsyncCommands<String, String> commands;
    private final List<StatefulConnection<String, String>> dedicated = new ArrayList<>();

    private RedisStore(Vertx vertx, Keys keys, EmbeddedRedis embedded, RedisClient client,
                       RedisClusterClient clusterClient) {
        this.vertx = vertx;
        this.keys = keys;
        this.embedded = embedded;
        this.client = client;
        this.clusterClient = clusterClient;
        this.shared = connect();
        this.commands = commandsOf(shared);
    }

    /** Blocking: starts the embedded server if configured and connects; call from a worker or at start-up. */
    public static RedisStore open(Vertx vertx, RedisConfig config) throws IOException {
        EmbeddedRedis embedded = null;
        String uri = config.uri();
        if (config.embedded()) {
            embedded = EmbeddedRedis.start(config.dataDir(), config.appendfsync());
            uri = embedded.uri();
        }
        RedisURI redisUri = RedisURI.create(uri);
        redisUri.setTimeout(Duration.ofSeconds(10));
        try {
            if (config.cluster()) {
                RedisClusterClient cc = RedisClusterClient.create(redisUri);
                cc.setOptions(ClusterClientOptions.builder()
                        .autoReconnect(true)
                        .timeoutOptions(TimeoutOptions.enabled(Duration.ofSeconds(10)))
                        .build());
                return new RedisStore(vertx, new Keys(config.shards()), embedded, null, cc);
            }
            RedisClient c = RedisClient.create(redisUri);
            c.setOptions(ClientOptions.builder()
                    .autoReconnect(true)
                    .timeoutOptions(TimeoutOptions.enabled(Duration.ofSeconds(10)))
                    .build());
            return new RedisStore(vertx, new Keys(config.shards()), embedded, c, null);
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    private StatefulConnection<String, String> connect() {
        if (clusterClient != null) {
            return clusterClient.connect();
        }
        return client.connect();
    }

    @SuppressWarnings("unchecked")
    private static RedisClusterAsyncCommands<String, String> commandsOf(StatefulConnection<String, String> c) {
        if (c instanceof StatefulRedisClusterConnection<?, ?> cc) {
            return ((StatefulRedisClusterConnection<String, String>) cc).async();
        }
        return ((StatefulRedisConnection<String, String>) c).async();
    }

    /** The embedded server's address, for a second gateway (or a tool) that shares it; empty for an external Redis. */
    public java.util.Optional<String> embeddedUri() {
        return java.util.Optional.ofNullable(embedded).map(EmbeddedRedis::uri);
    }

    public Keys keys() {
        return keys;
    }

    public RedisClusterAsyncCommands<String, String> commands() {
        return commands;
    }

    /**
     * A connection of its own, for commands that block it (XREADGROUP with BLOCK) and must not hold up
     * everyone else's commands on the shared, pipelined connection. Without a command timeout: a blocking
     * read waits as long as it asked to.
     */
    public synchronized RedisClusterAsyncCommands<String, String> dedicatedCommands() {
        StatefulConnection<String, String> c = connect();
        c.setTimeout(Duration.ofSeconds(60));
        dedicated.add(c);
        return commandsOf(c);
    }

    /** A connection for SUBSCRIBE (a subscribed connection can do nothing else); closed with the store. */
    public synchronized io.lettuce.core.pubsub.StatefulRedisPubSubConnection<String, String> pubSub() {
        io.lettuce.core.pubsub.StatefulRedisPubSubConnection<String, String> c =
                clusterClient != null ? clusterClient.connectPubSub() : client.connectPubSub();
        dedicated.add(c);
        return c;
    }

    /** Runs a Lettuce call and brings its result back onto the current Vert.x context. */
    public <T> Future<T> call(Function<RedisClusterAsyncCommands<String, String>, CompletionStage<T>> command) {
        return on(command.apply(commands));
    }

    public <T> Future<T> on(CompletionStage<T> stage) {
        Context context = vertx.getOrCreateContext();
        return Future.fromCompletionStage(stage, context);
    }

    public Future<Boolean> ping() {
        return call(RedisClusterAsyncCommands::ping).map("PONG"::equals);
    }

    @Override
    public synchronized void close() {
        for (StatefulConnection<String, String> c : dedicated) {
            c.closeAsync();
        }
        shared.close();
        if (client != null) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
        if (clusterClient != null) {
            clusterClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
        if (embedded != null) {
            log.info("stopping embedded Redis");
            embedded.close();
        }
    }
}
