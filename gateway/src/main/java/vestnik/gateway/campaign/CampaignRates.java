package vestnik.gateway.campaign;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vestnik.channels.spi.Channel;
import vestnik.gateway.ratelimit.RateLimiter;
import vestnik.gateway.store.RedisStore;
import vestnik.gateway.store.Scripts;

/**
 * A campaign's rate share: its messages get at most that share of the channel's rate, in a bucket of
 * their own shared by every gateway, so single reminders and other campaigns keep the rest.
 */
public final class CampaignRates {

    /** Campaigns are few a day; the caches are dropped whole if ever they grow past this. */
    private static final int MAX_CACHED = 10_000;

    private final Vertx vertx;
    private final RedisStore redis;
    private final Scripts scripts;
    private final CampaignStore campaigns;
    private final Map<String, Optional<Double>> shares = new ConcurrentHashMap<>();
    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();

    public CampaignRates(Vertx vertx, RedisStore redis, Scripts scripts, CampaignStore campaigns) {
        this.vertx = vertx;
        this.redis = redis;
        this.scripts = scripts;
        this.campaigns = campaigns;
    }

    /** Completes when the campaign's share allows {@code tokens} more sends on {@code channel}. */
    public Future<Void> acquire(String campaignId, Channel channel, int tokens) {
        if (campaignId == null || channel.ratePerSecond() <= 0) {
            return Future.succeededFuture();
        }
        return share(campaignId).compose(share -> {
            if (share.isEmpty() || share.get() >= 1.0) {
                return Future.succeededFuture();
            }
            if (limiters.size() > MAX_CACHED) {
                limiters.clear();
            }
            RateLimiter limiter = limiters.computeIfAbsent(campaignId + "|" + channel.id(), k -> new RateLimiter(vertx,
                    redis, scripts, redis.keys(), "campaign:" + k, channel.ratePerSecond() * share.get()));
            return limiter.acquire(tokens);
        });
    }

    /** The share is fixed when the campaign is created, so it is read once. */
    private Future<Optional<Double>> share(String campaignId) {
        Optional<Double> known = shares.get(campaignId);
        if (known != null) {
            return Future.succeededFuture(known);
        }
        return campaigns.find(campaignId).map(found -> {
            Optional<Double> share = found.map(h -> h.get("spec")).map(spec -> new JsonObject(spec).getDouble("rateShare"));
            if (shares.size() > MAX_CACHED) {
                shares.clear();
            }
            shares.put(campaignId, share);
            return share;
        });
    }
}
