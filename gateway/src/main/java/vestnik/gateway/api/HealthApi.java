package vestnik.gateway.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Collection;
import vestnik.channels.spi.Channel;
import vestnik.gateway.store.RedisStore;

/** Liveness (the process answers) and readiness (Redis answers and every channel can send). */
public final class HealthApi {

    private final RedisStore redis;
    private final Collection<Channel> channels;

    public HealthApi(RedisStore redis, Collection<Channel> channels) {
        this.redis = redis;
        this.channels = channels;
    }

    public void live(RoutingContext ctx) {
        Responses.json(ctx, 200, new JsonObject().put("status", "up"));
    }

    public void ready(RoutingContext ctx) {
        redis.ping().otherwise(false).onComplete(ar -> {
            boolean redisUp = ar.succeeded() && Boolean.TRUE.equals(ar.result());
            JsonObject channelStates = new JsonObject();
            boolean allReady = true;
            for (Channel c : channels) {
                boolean ready = c.isReady();
                allReady &= ready;
                channelStates.put(c.id(), ready ? "up" : "down");
            }
            boolean ready = redisUp && allReady;
            Responses.json(ctx, ready ? 200 : 503, new JsonObject()
                    .put("status", ready ? "up" : "down")
                    .put("redis", redisUp ? "up" : "down")
                    .put("channels", channelStates));
        });
    }
}
