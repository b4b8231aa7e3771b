package vestnik.channels.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vestnik.channels.spi.InboundEvent.InboundMessage;
import vestnik.channels.spi.InboundEvent.LinkRequest;
import vestnik.channels.spi.WebhookOutcome;
import vestnik.channels.spi.WebhookReceiver;
import vestnik.channels.spi.WebhookRequest;
import vestnik.channels.testing.Fixtures;
import vestnik.channels.testing.ProviderPeer;
import vestnik.channels.testing.WebhookRequests;

class TelegramWebhookTest {

    @RegisterExtension
    static final ProviderPeer telegram = new ProviderPeer();
    private SimpleMeterRegistry metrics;
    private TelegramChannel channel;
    private WebhookReceiver receiver;

    @BeforeEach
    void createChannel() {
        metrics = new SimpleMeterRegistry();
        channel = (TelegramChannel) new TelegramChannelFactory().create("tg", Fixtures.parse("""
                { "type": "telegram", "token": "123:ABC", "webhookSecret": "Ab3_secret-Token", "baseUrl": "%s" }"""
                .formatted(telegram.baseUrl())), telegram.vertx(), metrics);
        receiver = channel.webhooks().orElseThrow();
    }

    @AfterEach
    void stopChannel() {
        Fixtures.await(channel.stop());
    }

    private static WebhookRequest request(String secret, byte[] body) {
        return WebhookRequests.jsonPost("X-Telegram-Bot-Api-Secret-Token", secret, body);
    }

    private double rejected() {
        return WebhookRequests.rejected(metrics, "tg");
    }

    @Test
    @DisplayName("the fixture's webhook request, with its secret header, is accepted and parsed")
    void fixtureRequestAccepted() {
        WebhookOutcome outcome = receiver.handle(Fixtures.http("telegram-webhook-request.http").toWebhookRequest());

        assertThat(outcome.status()).isEqualTo(200);
        assertThat(outcome.events()).singleElement().isInstanceOfSatisfying(InboundMessage.class, m -> {
            assertThat(m.text()).isEqualTo("/start");
            assertThat(m.providerMessageId()).isEqualTo("1111111:1365");
        });
        assertThat(rejected()).isZero();
    }

    @Test
    @DisplayName("a wrong secret gets 401, no events, and counts in the metric")
    void wrongSecret() {
        WebhookOutcome outcome = receiver.handle(request("Ab3_secret-Tokem", Fixtures.bytes("telegram-update-text.json")));

        assertThat(outcome.status()).isEqualTo(401);
        assertThat(outcome.events()).isEmpty();
        assertThat(rejected()).isEqualTo(1);
    }

    @Test
    @DisplayName("a missing secret gets 401 and its body is never parsed")
    void missingSecret() {
        WebhookOutcome outcome = receiver.handle(request(null, "not json at all".getBytes(StandardCharsets.UTF_8)));

        assertThat(outcome.status()).isEqualTo(401);
        assertThat(outcome.events()).isEmpty();
    }

    @Test
    @DisplayName("with no secret configured or registered, every request is refused")
    void noSecretConfigured() {
        TelegramChannel open = (TelegramChannel) new TelegramChannelFactory().create("tg2",
                Fixtures.parse("{\"type\":\"telegram\",\"token\":\"123:ABC\"}"), telegram.vertx(), metrics);
        try {
            assertThat(open.webhooks().orElseThrow().handle(request("", Fixtures.bytes("telegram-update-text.json"))).status())
                    .isEqualTo(401);
        } finally {
            Fixtures.await(open.stop());
        }
    }

    @Test
    @DisplayName("each fixture update becomes its event")
    void fixtures() {
        assertThat(receiver.handle(request("Ab3_secret-Token", Fixtures.bytes("telegram-update-reply.json"))).events())
                .singleElement().isInstanceOfSatisfying(InboundMessage.class,
                        m -> assertThat(m.inReplyToProviderId()).isEqualTo("1111111:1334"));
        assertThat(receiver.handle(request("Ab3_secret-Token", Fixtures.bytes("telegram-update-contact.json"))).events())
                .singleElement().isInstanceOfSatisfying(LinkRequest.class,
                        l -> assertThat(l.phone()).isEqualTo("+79161234567"));
        assertThat(receiver.handle(request("Ab3_secret-Token", Fixtures.bytes("telegram-update-edited-message.json"))).events())
                .singleElement().isInstanceOfSatisfying(InboundMessage.class,
                        m -> assertThat(m.attributes()).containsEntry("edited", "true"));
    }

    @Test
    @DisplayName("a redelivered update yields an event with the same dedup key")
    void duplicate() {
        String first = receiver.handle(request("Ab3_secret-Token", Fixtures.bytes("telegram-update-reply.json"))).events().get(0).dedupKey();
        String again = receiver.handle(request("Ab3_secret-Token", Fixtures.bytes("telegram-update-reply.json"))).events().get(0).dedupKey();

        assertThat(again).isEqualTo(first).isEqualTo("mo:1111111:1366");
    }

    @Test
    @DisplayName("a button press is answered in the webhook reply with answerCallbackQuery")
    void callbackAnswered() {
        WebhookOutcome outcome = receiver.handle(request("Ab3_secret-Token", """
                {"update_id":10007,"callback_query":{"id":"4382bfdwdsb323b2d9","from":{"id":1111111,"first_name":"Test"},
                 "message":{"message_id":1368,"chat":{"id":1111111,"type":"private"},"date":1441645700},"data":"promise:1"}}"""
                .getBytes(StandardCharsets.UTF_8)));

        assertThat(outcome.status()).isEqualTo(200);
        assertThat(outcome.contentType()).isEqualTo("application/json");
        assertThat(Fixtures.parse(outcome.body())).isEqualTo(Fixtures.parse(
                "{\"method\":\"answerCallbackQuery\",\"callback_query_id\":\"4382bfdwdsb323b2d9\"}"));
        assertThat(outcome.events()).hasSize(1);
    }

    @Test
    @DisplayName("an authentic push that is not an update is acknowledged without events, so it does not block the queue")
    void garbageAuthenticated() {
        WebhookOutcome outcome = receiver.handle(request("Ab3_secret-Token", "{oops".getBytes(StandardCharsets.UTF_8)));

        assertThat(outcome.status()).isEqualTo(200);
        assertThat(outcome.events()).isEmpty();
    }

    @Test
    @DisplayName("register calls setWebhook with the new secret, then only the new secret is accepted")
    void register() {
        telegram.stubFor(post("/bot123:ABC/setWebhook").willReturn(okJson(Fixtures.text("telegram-setwebhook-response.json"))));

        Fixtures.await(receiver.register("https://gateway.example.com/hooks/tg", "New_Secret-2"));

        telegram.verify(1, postRequestedFor(urlEqualTo("/bot123:ABC/setWebhook")).withRequestBody(equalToJson("""
                {"url":"https://gateway.example.com/hooks/tg","secret_token":"New_Secret-2",
                 "allowed_updates":["message","edited_message","callback_query","my_chat_member"],
                 "max_connections":40,"drop_pending_updates":false}""", false, false)));
        assertThat(receiver.handle(request("New_Secret-2", Fixtures.bytes("telegram-update-text.json"))).status()).isEqualTo(200);
        assertThat(receiver.handle(request("Ab3_secret-Token", Fixtures.bytes("telegram-update-text.json"))).status()).isEqualTo(401);
    }

    @Test
    @DisplayName("when Telegram refuses setWebhook the old secret stays in force")
    void registerRefused() {
        telegram.stubFor(post("/bot123:ABC/setWebhook").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: bad webhook: HTTPS url must be provided for webhook\"}")));

        Throwable failure = Fixtures.awaitFailure(receiver.register("http://gateway.example.com/hooks/tg", "New_Secret-2"));

        assertThat(failure).hasMessageContaining("HTTPS url must be provided");
        assertThat(receiver.handle(request("Ab3_secret-Token", Fixtures.bytes("telegram-update-text.json"))).status()).isEqualTo(200);
        assertThat(receiver.handle(request("New_Secret-2", Fixtures.bytes("telegram-update-text.json"))).status()).isEqualTo(401);
    }

    @Test
    @DisplayName("a secret Telegram would refuse is refused before any call")
    void registerBadSecret() {
        assertThat(Fixtures.awaitFailure(receiver.register("https://gateway.example.com/hooks/tg", "has space")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(telegram.getAllServeEvents()).isEmpty();
    }
}
