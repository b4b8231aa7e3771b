package vestnik.channels.viber;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vestnik.channels.common.Hmac;
import vestnik.channels.spi.InboundEvent;
import vestnik.channels.spi.WebhookOutcome;
import vestnik.channels.spi.WebhookReceiver;
import vestnik.channels.spi.WebhookRequest;

/**
 * Viber's callbacks at {@code /hooks/{channelId}}. The raw body is authenticated first: its
 * {@code X-Viber-Content-Signature} must be the hex HMAC-SHA256 of the exact bytes keyed by the bot's auth
 * token. Nothing is parsed before that.
 */
final class ViberWebhook implements WebhookReceiver {

    static final String SIGNATURE_HEADER = "X-Viber-Content-Signature";
    private static final Logger LOG = LoggerFactory.getLogger(ViberWebhook.class);

    private final String channelId;
    private final String authToken;
    private final ViberApi api;

    ViberWebhook(String channelId, String authToken, ViberApi api) {
        this.channelId = channelId;
        this.authToken = authToken;
        this.api = api;
    }

    @Override
    public WebhookOutcome handle(WebhookRequest request) {
        if (!"POST".equals(request.method())) {
            return new WebhookOutcome(405, "text/plain", "", List.of());
        }
        String signature = request.header(SIGNATURE_HEADER);
        if (!Hmac.hexEquals(Hmac.sha256Hex(authToken, request.body()), signature)) {
            return WebhookOutcome.unauthorized();
        }
        List<InboundEvent> events;
        try {
            JsonNode root = ViberJson.read(request.body());
            events = ViberCallbacks.parse(channelId, root);
        } catch (IOException | IllegalArgumentException e) {
            // Signed by Viber yet unreadable: a 400 tells its retries there is no point.
            LOG.warn("viber channel {}: a signed callback that is not a Viber callback ({} bytes)", channelId,
                    request.body().length);
            return new WebhookOutcome(400, "text/plain", "not a Viber callback", List.of());
        }
        return WebhookOutcome.ok(events);
    }

    /**
     * Calls {@code set_webhook} with {@code publicUrl}. Viber signs callbacks with the auth token and has
     * no field for a secret of ours, so {@code secret} is not used: the auth token stays the key.
     */
    @Override
    public Future<Void> register(String publicUrl, String secret) {
        return api.setWebhook(publicUrl)
                .onSuccess(v -> LOG.info("viber channel {}: webhook set to {}", channelId, publicUrl));
    }
}
