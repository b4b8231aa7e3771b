package vestnik.channels.max;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vestnik.channels.common.JsonHttp;
import vestnik.channels.common.SecretHeader;
import vestnik.channels.spi.WebhookOutcome;
import vestnik.channels.spi.WebhookReceiver;
import vestnik.channels.spi.WebhookRequest;

/**
 * MAX's pushes to {@code /hooks/{channelId}}. MAX sends the subscription's {@code secret} back in
 * {@code X-Max-Bot-Api-Secret}; a request without the right one gets 401 and leaves nothing but a counter —
 * its body is not even parsed. The secret in force is swapped atomically when {@link #register} succeeds.
 * MAX retries a failed push for about 8 hours and then drops the subscription, so an authentic push that
 * is not an update is answered 200 (and logged by its size only) rather than refused.
 */
public final class MaxWebhook implements WebhookReceiver {

    static final String SECRET_HEADER = "X-Max-Bot-Api-Secret";

    private static final Logger log = LoggerFactory.getLogger(MaxWebhook.class);

    private final String channelId;
    private final MaxUpdates updates;
    private final MaxApi api;
    private final SecretHeader secret;

    MaxWebhook(String channelId, String initialSecret, MaxUpdates updates, MaxApi api, MeterRegistry metrics) {
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
        if (update == null || !update.isObject() || !update.path("update_type").isTextual()) {
            log.warn("channel {}: authenticated MAX push of {} bytes is not an update; dropped", channelId,
                    request.body().length);
            return WebhookOutcome.ok(List.of());
        }
        return WebhookOutcome.ok(updates.parse(update));
    }

    /**
     * Subscribes {@code publicUrl} with {@code POST /subscriptions}; only once MAX has taken the new secret
     * does this receiver start to demand it (MAX retries anything refused in between).
     */
    @Override
    public Future<Void> register(String publicUrl, String newSecret) {
        if (publicUrl == null || publicUrl.isBlank()) {
            return Future.failedFuture(new IllegalArgumentException("a webhook needs a public URL"));
        }
        if (newSecret == null || !MaxConfig.SECRET.matcher(newSecret).matches()) {
            return Future.failedFuture(new IllegalArgumentException(
                    "MAX accepts a secret of 5-256 characters A-Z a-z 0-9 -"));
        }
        return api.subscribe(MaxOutbound.subscription(publicUrl, newSecret)).compose(reply -> {
            if (reply.ok() && reply.json() != null && reply.json().path("success").asBoolean(false)) {
                secret.replace(newSecret);
                return Future.succeededFuture();
            }
            if (reply.ok()) {
                String why = reply.json() == null ? "" : MaxErrors.withoutIds(reply.json().path("message").asText(""));
                return Future.failedFuture(new IllegalStateException("MAX did not take the subscription: " + why));
            }
            var failed = MaxErrors.classify(reply.status(), reply.json(), reply.retryAfterHeader());
            return Future.failedFuture(new IllegalStateException("MAX refused the subscription (" + reply.status() + " "
                    + failed.providerCode() + "): " + failed.message()));
        });
    }
}
