package vestnik.channels.viber;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vestnik.channels.common.Hmac;
import vestnik.channels.spi.InboundEvent.StatusUpdate;
import vestnik.channels.spi.MessageStatus;
import vestnik.channels.spi.WebhookOutcome;
import vestnik.channels.spi.WebhookRequest;
import vestnik.channels.testing.Fixtures;

class ViberWebhookTest {

    private static final JsonNode VECTOR = Fixtures.json("viber-signature-vector.json");
    private static final String TOKEN = VECTOR.get("auth_token").asText();
    private static final byte[] BODY = VECTOR.get("raw_body").asText().getBytes(StandardCharsets.UTF_8);

    /** The API is never called while handling a callback, so the webhook is built without one. */
    private final ViberWebhook webhook = new ViberWebhook("vb", TOKEN, null);

    private static WebhookRequest post(byte[] body, String signature) {
        Map<String, List<String>> headers = signature == null
                ? Map.of("Content-Type", List.of("application/json"))
                : Map.of("Content-Type", List.of("application/json"), "x-viber-content-signature", List.of(signature));
        return new WebhookRequest("POST", headers, Map.of(), body);
    }

    @Test
    @DisplayName("the fixture's signature vector authenticates its body, and the receipt comes out")
    void signatureVector() {
        WebhookOutcome outcome = webhook.handle(post(BODY, VECTOR.get("expected_header_value").asText()));

        assertThat(outcome.status()).isEqualTo(200);
        assertThat(outcome.events()).singleElement().isInstanceOfSatisfying(StatusUpdate.class, s -> {
            assertThat(s.providerId()).isEqualTo("5741311803571721087");
            assertThat(s.status()).isEqualTo(MessageStatus.DELIVERED);
        });
    }

    @Test
    @DisplayName("the recorded signed request viber-callback-delivered.http is accepted as sent")
    void recordedRequest() {
        WebhookOutcome outcome = webhook.handle(Fixtures.http("viber-callback-delivered.http").toWebhookRequest());

        assertThat(outcome.status()).isEqualTo(200);
        assertThat(outcome.events()).hasSize(1);
    }

    @Test
    @DisplayName("an upper-case hex signature is the same signature")
    void upperCaseHex() {
        WebhookOutcome outcome = webhook.handle(post(BODY, VECTOR.get("expected_header_value").asText().toUpperCase()));

        assertThat(outcome.status()).isEqualTo(200);
    }

    @Test
    @DisplayName("a tampered body gets 401 and no events")
    void tamperedBody() {
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("delivered", "seen")
                .getBytes(StandardCharsets.UTF_8);

        WebhookOutcome outcome = webhook.handle(post(tampered, VECTOR.get("expected_header_value").asText()));

        assertThat(outcome).isEqualTo(WebhookOutcome.unauthorized());
        assertThat(outcome.events()).isEmpty();
    }

    @Test
    @DisplayName("a body signed with another token gets 401 and no events")
    void wrongSecret() {
        WebhookOutcome outcome = webhook.handle(post(BODY, Hmac.sha256Hex("another-bot-token", BODY)));

        assertThat(outcome.status()).isEqualTo(401);
        assertThat(outcome.events()).isEmpty();
    }

    @Test
    @DisplayName("a request without the signature header, or with an empty one, gets 401 and no events")
    void missingHeader() {
        assertThat(webhook.handle(post(BODY, null))).isEqualTo(WebhookOutcome.unauthorized());
        assertThat(webhook.handle(post(BODY, ""))).isEqualTo(WebhookOutcome.unauthorized());
    }

    @Test
    @DisplayName("set_webhook's probe, correctly signed, is answered 200 with nothing to store")
    void webhookProbe() {
        byte[] body = Fixtures.bytes("viber-callback-webhook.json");

        WebhookOutcome outcome = webhook.handle(post(body, Hmac.sha256Hex(TOKEN, body)));

        assertThat(outcome.status()).isEqualTo(200);
        assertThat(outcome.events()).isEmpty();
    }

    @Test
    @DisplayName("a callback Viber delivers twice gives events with the same dedup key")
    void replayedDuplicate() {
        String signature = VECTOR.get("expected_header_value").asText();

        WebhookOutcome first = webhook.handle(post(BODY, signature));
        WebhookOutcome replay = webhook.handle(post(BODY.clone(), signature));

        assertThat(replay.events().get(0).dedupKey()).isEqualTo(first.events().get(0).dedupKey());
    }

    @Test
    @DisplayName("a signed body that is not a Viber callback gets 400 and no events")
    void signedGarbage() {
        byte[] body = "not json".getBytes(StandardCharsets.UTF_8);

        WebhookOutcome outcome = webhook.handle(post(body, Hmac.sha256Hex(TOKEN, body)));

        assertThat(outcome.status()).isEqualTo(400);
        assertThat(outcome.events()).isEmpty();
    }

    @Test
    @DisplayName("Viber only POSTs: a GET is not allowed")
    void getIsNotAllowed() {
        assertThat(webhook.handle(new WebhookRequest("GET", Map.of(), Map.of(), new byte[0])).status()).isEqualTo(405);
    }
}
