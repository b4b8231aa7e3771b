package vestnik.channels.common;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import vestnik.channels.spi.WebhookOutcome;
import vestnik.channels.spi.WebhookRequest;

/**
 * The shared secret a provider sends back in a header of every push (Telegram's
 * {@code X-Telegram-Bot-Api-Secret-Token}, MAX's {@code X-Max-Bot-Api-Secret}). It is compared in constant
 * time, and a request without it counts in {@code vestnik.webhook.rejected}; until a secret is set, every
 * request is refused. A new secret replaces the old atomically, so requests in flight on other threads see
 * one or the other, never a torn state.
 */
public final class SecretHeader {

    private final String header;
    private final AtomicReference<String> secret;
    private final Counter rejected;

    /** @param initialSecret the configured secret, or null until one is registered */
    public SecretHeader(String channelId, String header, String initialSecret, MeterRegistry metrics) {
        this.header = header;
        this.secret = new AtomicReference<>(initialSecret);
        this.rejected = Counter.builder("vestnik.webhook.rejected")
                .description("webhook requests refused because their secret or signature was wrong")
                .tag("channel", channelId)
                .register(metrics);
    }

    /** Whether the request carries the secret in force; a request that does not is counted. */
    public boolean admits(WebhookRequest request) {
        if (Hmac.constantTimeEquals(secret.get(), request.header(header))) {
            return true;
        }
        rejected.increment();
        return false;
    }

    /**
     * The answer to a push that goes no further: 401 without the secret, 405 for anything but a POST (both bot
     * APIs push updates by POST only); empty for a push to read.
     */
    public Optional<WebhookOutcome> refusal(WebhookRequest request) {
        if (!admits(request)) {
            return Optional.of(WebhookOutcome.unauthorized());
        }
        if (!"POST".equals(request.method())) {
            return Optional.of(new WebhookOutcome(405, "text/plain", "POST only", List.of()));
        }
        return Optional.empty();
    }

    /** Demands {@code newSecret} from now on; call it once the provider has taken it. */
    public void replace(String newSecret) {
        secret.set(newSecret);
    }
}
