package vestnik.channels.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vestnik.channels.common.JsonHttp;
import vestnik.channels.common.SecretHeader;
import vestnik.channels.spi.InboundEvent;
import vestnik.channels.spi.WebhookOutcome;
import vestnik.channels.spi.WebhookReceiver;
import vestnik.channels.spi.WebhookRequest;

/**
 * Telegram's pushes to {@code /hooks/{channelId}}. Telegram sends the {@code secret_token} given to
 * {@code setWebhook} back in {@code X-Telegram-Bot-Api-Secret-Token}; a request without the right one gets
 * 401 and leaves nothing but a counter — its body is not even parsed. The secret in force is swapped
 * atomically when {@link #register} succeeds, so requests in flight on other threads see either the old
 * or the new one, never a torn state. Telegram delivers updates in order and retries a refused one, so an
 * authentic push that is not an update is answered 200 (and logged by its size only) instead of blocking
 * the ones behind it.
 */
public final class TelegramWebhook implements WebhookReceiver {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private static final Logger log = LoggerFactory.getLogger(TelegramWebhook.class);

    private final String channelId;
    private final TelegramUpdates updates;
    private final TelegramApi api;
    private final SecretHeader secret;

    TelegramWebhook(String channelId, String initialSecret, TelegramUpdates updates, TelegramApi api, MeterRegistry metrics) {
        this.channelId = channelId;
        this.updates = updates;
        this.api = api;
        this.secret = new SecretHeader(channelId, SECRET_HEADER, initialSecret, metrics);
    }

    @Override
    public WebhookOutcome handle(WebhookRequest request) {
        Optional<WebhookOutcome> refused = secret.refusal(request);
        if (refused.isPresent()) {
            return refused.get();
        }
        JsonNode update = JsonHttp.readOrNull(request.body());
        if (update == null || !update.isObject() || !update.path("update_id").canConvertToLong()) {
            log.warn("channel {}: authenticated Telegram push of {} bytes is not an update; dropped", channelId,
                    request.body().length);
            return WebhookOutcome.ok(List.of());
        }
        List<InboundEvent> events = updates.parse(update);
        return TelegramUpdates.callbackAnswer(update)
                .map(answer -> new WebhookOutcome(200, "application/json", answer, events))
                .orElseGet(() -> WebhookOutcome.ok(events));
    }

    /**
     * Calls {@code setWebhook} with {@code secret} as {@code secret_token}; only once Telegram has taken it
     * does this receiver start to demand it (Telegram retries anything refused in between).
     */
    @Override
    public Future<Void> register(String publicUrl, String newSecret) {
        if (publicUrl == null || publicUrl.isBlank()) {
            return Future.failedFuture(new IllegalArgumentException("a webhook needs a public URL"));
        }
        if (newSecret == null || !TelegramConfig.SECRET.matcher(newSecret).matches()) {
            return Future.failedFuture(new IllegalArgumentException(
                    "Telegram accepts a secret_token of 1-256 characters A-Z a-z 0-9 _ -"));
        }
        return api.setWebhook(TelegramOutbound.setWebhook(publicUrl, newSecret)).compose(reply -> {
            if (reply.ok() && reply.json() != null && reply.json().path("ok").asBoolean(false)) {
                secret.replace(newSecret);
                return Future.succeededFuture();
            }
            var failed = TelegramErrors.classify(reply.status(), reply.json());
            return Future.failedFuture(new IllegalStateException(
                    "Telegram refused setWebhook (" + failed.providerCode() + "): " + failed.message()));
        });
    }
}
