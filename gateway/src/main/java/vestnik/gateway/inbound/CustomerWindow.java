package vestnik.gateway.inbound;

import io.lettuce.core.SetArgs;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import vestnik.gateway.store.Keys;
import vestnik.gateway.store.RedisStore;

/**
 * WhatsApp's customer-service window: free text may go to a user only within 24 hours of their last
 * message to us; outside it only an approved template. The key expires with the window, so its
 * presence is the answer.
 */
public final class CustomerWindow {

    public static final Duration WHATSAPP = Duration.ofHours(24);

    private final RedisStore redis;
    private final Keys keys;

    public CustomerWindow(RedisStore redis) {
        this.redis = redis;
        this.keys = redis.keys();
    }

    public Future<Void> opened(String channelId, String address, Instant at, Instant now) {
        long left = Duration.between(now, at.plus(WHATSAPP)).toMillis();
        if (address == null || left <= 0) {
            return Future.succeededFuture();
        }
        return redis.call(r -> r.set(keys.customerWindow(channelId, address), at.toString(), SetArgs.Builder.px(left)))
                .mapEmpty();
    }

    public Future<Boolean> isOpen(String channelId, String address) {
        if (address == null) {
            return Future.succeededFuture(false);
        }
        return redis.call(r -> r.exists(keys.customerWindow(channelId, address))).map(n -> n != null && n > 0);
    }
}
