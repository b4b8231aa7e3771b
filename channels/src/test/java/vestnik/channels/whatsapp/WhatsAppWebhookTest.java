package vestnik.channels.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vestnik.channels.common.Hmac;
import vestnik.channels.spi.InboundEvent.InboundMessage;
import vestnik.channels.spi.WebhookOutcome;
import vestnik.channels.spi.WebhookRequest;
import vestnik.channels.testing.Fixtures;

class WhatsAppWebhookTest {

    private static final JsonNode VECTOR = Fixtures.json("whatsapp-signature-vector.json");
    private static final String APP_SECRET = VECTOR.get("app_secret").asText();
    private static final byte[] BODY = VECTOR.get("raw_body").asText().getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = VECTOR.get("expected_header_value").asText();

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final WhatsAppWebhook webhook = new WhatsAppWebhook("wa", config("vibecoding"), metrics);

    private static WhatsAppConfig config(String verifyToken) {
        try {
            return WhatsAppConfig.from("wa", new ObjectMapper().readTree("{\"type\":\"whatsapp\",\"accessToken\":\"EAAG\","
                    + "\"phoneNumberId\":\"106540352242922\",\"appSecret\":\"" + APP_SECRET + "\""
                    + (verifyToken == null ? "" : ",\"verifyToken\":\"" + verifyToken + "\"") + "}"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static WebhookRequest post(byte[] body, String signature) {
        Map<String, List<String>> headers = signature == null
                ? Map.of("Content-Type", List.of("application/json"))
                : Map.of("Content-Type", List.of("application/json"), "x-hub-signature-256", List.of(signature));
        return new WebhookRequest("POST", headers, Map.of(), body);
    }

    private static WebhookRequest get(Map<String, String> query) {
        return new WebhookRequest("GET", Map.of(), query, null);
    }

    @Test
    @DisplayName("Meta's escaped-unicode body with the vector's signature is accepted and decoded")
    void signatureVector() {
        WebhookOutcome outcome = webhook.handle(post(BODY, SIGNATURE));

        assertThat(outcome.status()).isEqualTo(200);
        assertThat(outcome.events()).singleElement().isInstanceOfSatisfying(InboundMessage.class, m -> {
            assertThat(m.providerMessageId()).isEqualTo("wamid.TEST0001");
            assertThat(m.from().displayName()).isEqualTo("Иван");
            assertThat(m.text()).isEqualTo("Привет");
        });
    }

    @Test
    @DisplayName("the recorded signed POST whatsapp-webhook-post.http is accepted as sent")
    void recordedRequest() {
        WebhookOutcome outcome = webhook.handle(Fixtures.http("whatsapp-webhook-post.http").toWebhookRequest());

        assertThat(outcome.status()).isEqualTo(200);
        assertThat(outcome.events()).hasSize(1);
    }

    @Test
    @DisplayName("the same JSON re-serialised as UTF-8 does not match the signature: 401, nothing parsed")
    void reSerialisedBody() {
        byte[] reSerialised = VECTOR.at("/negative_case/re_serialised_body").asText().getBytes(StandardCharsets.UTF_8);

        WebhookOutcome outcome = webhook.handle(post(reSerialised, SIGNATURE));

        assertThat(outcome).isEqualTo(WebhookOutcome.unauthorized());
        assertThat(Hmac.sha256Hex(APP_SECRET, reSerialised))
                .isEqualTo(VECTOR.at("/negative_case/hmac_of_re_serialised_body").asText().substring("sha256=".length()));
    }

    @Test
    @DisplayName("a tampered body gets 401 and no events")
    void tamperedBody() {
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("TEST0001", "TEST0002")
                .getBytes(StandardCharsets.UTF_8);

        WebhookOutcome outcome = webhook.handle(post(tampered, SIGNATURE));

        assertThat(outcome.status()).isEqualTo(401);
        assertThat(outcome.events()).isEmpty();
    }

    @Test
    @DisplayName("a body signed with another app secret gets 401 and no events")
    void wrongSecret() {
        WebhookOutcome outcome = webhook.handle(post(BODY, "sha256=" + Hmac.sha256Hex("another-app-secret", BODY)));

        assertThat(outcome).isEqualTo(WebhookOutcome.unauthorized());
    }

    @Test
    @DisplayName("no signature header, a bare hex without 'sha256=', or an empty one: 401 and no events")
    void missingOrMalformedHeader() {
        assertThat(webhook.handle(post(BODY, null))).isEqualTo(WebhookOutcome.unauthorized());
        assertThat(webhook.handle(post(BODY, SIGNATURE.substring("sha256=".length()))))
                .isEqualTo(WebhookOutcome.unauthorized());
        assertThat(webhook.handle(post(BODY, "sha256="))).isEqualTo(WebhookOutcome.unauthorized());
    }

    @Test
    @DisplayName("a notification Meta delivers twice gives events with the same dedup key")
    void replayedDuplicate() {
        WebhookOutcome first = webhook.handle(post(BODY, SIGNATURE));
        WebhookOutcome replay = webhook.handle(post(BODY.clone(), SIGNATURE));

        assertThat(replay.events().get(0).dedupKey()).isEqualTo(first.events().get(0).dedupKey())
                .isEqualTo("mo:wamid.TEST0001");
    }

    @Test
    @DisplayName("a signed errors notification is answered 200, stores nothing, and is counted")
    void systemErrorsCounted() {
        byte[] body = Fixtures.bytes("whatsapp-webhook-value-errors-rate-limit.json");

        WebhookOutcome outcome = webhook.handle(post(body, "sha256=" + Hmac.sha256Hex(APP_SECRET, body)));

        assertThat(outcome.status()).isEqualTo(200);
        assertThat(outcome.events()).isEmpty();
        assertThat(metrics.counter("vestnik.whatsapp.system.errors", "channel", "wa").count()).isEqualTo(1.0);
    }

    @Test
    @DisplayName("a signed body that is not a WhatsApp notification gets 400 and no events")
    void signedGarbage() {
        byte[] body = "[1,2,3]".getBytes(StandardCharsets.UTF_8);

        WebhookOutcome outcome = webhook.handle(post(body, "sha256=" + Hmac.sha256Hex(APP_SECRET, body)));

        assertThat(outcome.status()).isEqualTo(400);
        assertThat(outcome.events()).isEmpty();
    }

    @Test
    @DisplayName("the recorded verification GET with our verify token is answered with the challenge as plain text")
    void verification() {
        WebhookOutcome outcome = webhook.handle(Fixtures.http("whatsapp-webhook-verification.http").toWebhookRequest());

        assertThat(outcome).isEqualTo(new WebhookOutcome(200, "text/plain", "1158201444", List.of()));
    }

    @Test
    @DisplayName("a verification GET with a wrong token, another mode or no challenge gets 403 and no challenge")
    void verificationRefused() {
        WebhookOutcome wrongToken = webhook.handle(get(Map.of("hub.mode", "subscribe", "hub.challenge", "1158201444",
                "hub.verify_token", "guess")));
        WebhookOutcome wrongMode = webhook.handle(get(Map.of("hub.mode", "unsubscribe", "hub.challenge", "1158201444",
                "hub.verify_token", "vibecoding")));
        WebhookOutcome noToken = webhook.handle(get(Map.of("hub.mode", "subscribe", "hub.challenge", "1158201444")));

        assertThat(List.of(wrongToken, wrongMode, noToken)).allSatisfy(o -> {
            assertThat(o.status()).isEqualTo(403);
            assertThat(o.body()).doesNotContain("1158201444");
        });
    }

    @Test
    @DisplayName("register records the issued secret as a verify token, besides the configured one")
    void registerRecordsVerifyToken() throws Exception {
        WhatsAppWebhook unconfigured = new WhatsAppWebhook("wa", config(null), metrics);
        Map<String, String> query = Map.of("hub.mode", "subscribe", "hub.challenge", "42", "hub.verify_token", "fresh-secret");

        WebhookOutcome before = unconfigured.handle(get(query));
        unconfigured.register("https://gateway.example.com/hooks/wa", "fresh-secret")
                .toCompletionStage().toCompletableFuture().get();
        WebhookOutcome after = unconfigured.handle(get(query));

        assertThat(before.status()).isEqualTo(403);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body()).isEqualTo("42");
    }
}
