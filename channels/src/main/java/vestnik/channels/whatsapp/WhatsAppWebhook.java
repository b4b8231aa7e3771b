package vestnik.channels.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vestnik.channels.common.Hmac;
import vestnik.channels.common.JsonHttp;
import vestnik.channels.spi.WebhookOutcome;
import vestnik.channels.spi.WebhookReceiver;
import vestnik.channels.spi.WebhookRequest;

/**
 * Meta's webhook at {@code /hooks/{channelId}}: the verification GET the App Dashboard sends when the
 * callback URL is saved, and the signed notification POSTs. A POST is authenticated on its raw bytes
 * before anything is parsed: {@code X-Hub-Signature-256} must be {@code sha256=} and the hex HMAC-SHA256
 * of the exact body keyed by the app secret (Meta signs its escaped-unicode bytes; a re-serialised body
 * would not match).
 */
final class WhatsAppWebhook implements WebhookReceiver {

    static final String SIGNATURE_HEADER = "X-Hub-Signature-256";
    static final String SIGNATURE_PREFIX = "sha256=";
    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppWebhook.class);

    private final String channelId;
    private final String appSecret;
    private final String configuredVerifyToken;
    private final Counter systemErrors;
    /** The secret {@link #register} recorded, accepted as a verify token besides the configured one. */
    private volatile String registeredVerifyToken;

    WhatsAppWebhook(String channelId, WhatsAppConfig config, MeterRegistry metrics) {
        this.channelId = channelId;
        this.appSecret = config.appSecret();
        this.configuredVerifyToken = config.verifyToken();
        this.systemErrors = Counter.builder("vestnik.whatsapp.system.errors")
                .description("errors Meta reported in webhooks outside any message")
                .tag("channel", channelId)
                .register(metrics);
    }

    @Override
    public WebhookOutcome handle(WebhookRequest request) {
        return switch (request.method()) {
            case "GET" -> verify(request);
            case "POST" -> notification(request);
            default -> new WebhookOutcome(405, "text/plain", "", List.of());
        };
    }

    /** Answers Meta's {@code hub.challenge} only to a subscribe that presents our verify token. */
    private WebhookOutcome verify(WebhookRequest request) {
        String mode = request.query().get("hub.mode");
        String token = request.query().get("hub.verify_token");
        String challenge = request.query().get("hub.challenge");
        boolean tokenMatches = Hmac.constantTimeEquals(configuredVerifyToken, token)
                | Hmac.constantTimeEquals(registeredVerifyToken, token);
        if (!"subscribe".equals(mode) || !tokenMatches || challenge == null) {
            return new WebhookOutcome(403, "text/plain", "", List.of());
        }
        return new WebhookOutcome(200, "text/plain", challenge, List.of());
    }

    private WebhookOutcome notification(WebhookRequest request) {
        String header = request.header(SIGNATURE_HEADER);
        if (header == null || !header.regionMatches(true, 0, SIGNATURE_PREFIX, 0, SIGNATURE_PREFIX.length())) {
            return WebhookOutcome.unauthorized();
        }
        String presented = header.substring(SIGNATURE_PREFIX.length());
        if (!Hmac.hexEquals(Hmac.sha256Hex(appSecret, request.body()), presented)) {
            return WebhookOutcome.unauthorized();
        }
        WhatsAppNotifications.Parsed parsed;
        try {
            JsonNode root = JsonHttp.MAPPER.readTree(request.body());
            parsed = WhatsAppNotifications.parse(channelId, root);
        } catch (IOException | IllegalArgumentException e) {
            // Signed by Meta yet unreadable: a 400 rather than 7 days of retries of the same bytes.
            LOG.warn("whatsapp {}: a signed notification that is not a WhatsApp one ({} bytes)", channelId,
                    request.body().length);
            return new WebhookOutcome(400, "text/plain", "not a WhatsApp notification", List.of());
        }
        // System errors carry no message id (nothing to move) and no personal data: a log line and a count.
        for (WhatsAppNotifications.SystemError error : parsed.systemErrors()) {
            systemErrors.increment();
            LOG.warn("whatsapp {}: Meta reported error {} ({})", channelId, error.code(), error.title());
        }
        return WebhookOutcome.ok(parsed.events());
    }

    /**
     * Meta has no API call that registers this webhook for a phone number: the callback URL and verify
     * token are entered in the App Dashboard, and notifications are signed with the app secret, which we
     * cannot choose. So this only records {@code secret} as a verify token the verification GET may present
     * (besides the configured {@code verifyToken}) and says what to enter where.
     */
    @Override
    public Future<Void> register(String publicUrl, String secret) {
        if (secret != null && !secret.isBlank()) {
            registeredVerifyToken = secret;
        }
        LOG.info("whatsapp {}: Meta takes webhooks only from the App Dashboard: set the Callback URL to {} and the "
                + "Verify token to the configured verifyToken or the secret just issued", channelId, publicUrl);
        return Future.succeededFuture();
    }
}
