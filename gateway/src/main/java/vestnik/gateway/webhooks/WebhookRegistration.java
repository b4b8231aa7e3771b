package vestnik.gateway.webhooks;

import io.vertx.core.Future;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vestnik.channels.spi.Channel;
import vestnik.channels.spi.WebhookReceiver;
import vestnik.gateway.store.Keys;
import vestnik.gateway.store.RedisStore;

/**
 * Tells a provider where to push events ({@code <publicUrl>/hooks/<channelId>}) with a fresh secret, and
 * keeps the secret in Redis so that after a restart the same registration is renewed with it (providers
 * keep pushing with the secret they were given).
 */
public final class WebhookRegistration {

    private static final Logger log = LoggerFactory.getLogger(WebhookRegistration.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RedisStore redis;
    private final Keys keys;

    public WebhookRegistration(RedisStore redis) {
        this.redis = redis;
        this.keys = redis.keys();
    }

    /** Registers with a new secret; answers the URL the provider now calls. */
    public Future<String> register(Channel channel, String publicUrl) {
        WebhookReceiver receiver = channel.webhooks().orElseThrow(() ->
                new IllegalArgumentException("channel " + channel.id() + " receives no webhooks"));
        String url = hookUrl(publicUrl, channel.id());
        String secret = newSecret();
        return receiver.register(url, secret)
                .compose(v -> redis.call(r -> r.set(keys.webhookSecret(channel.id()), secret)))
                .map(v -> {
                    log.info("channel {}: webhook registered at {}", channel.id(), url);
                    return url;
                });
    }

    /** At start-up: renews an earlier registration with its stored secret, or makes a first one. */
    public Future<String> renewOrRegister(Channel channel, String publicUrl) {
        WebhookReceiver receiver = channel.webhooks().orElseThrow(() ->
                new IllegalArgumentException("channel " + channel.id() + " receives no webhooks"));
        return redis.call(r -> r.get(keys.webhookSecret(channel.id()))).compose(stored -> {
            if (stored == null) {
                return register(channel, publicUrl);
            }
            String url = hookUrl(publicUrl, channel.id());
            return receiver.register(url, stored).map(url);
        });
    }

    static String hookUrl(String publicUrl, String channelId) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return base + "/hooks/" + channelId;
    }

    /** Letters, digits and '-' only: the one alphabet every provider's secret header accepts. */
    private static String newSecret() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
