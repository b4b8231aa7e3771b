package vestnik.channels.max;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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

class MaxWebhookTest {

    @RegisterExtension
    static final ProviderPeer max = new ProviderPeer();
    private SimpleMeterRegistry metrics;
    private MaxChannel channel;
    private WebhookReceiver receiver;

    @BeforeEach
    void createChannel() {
        metrics = new SimpleMeterRegistry();
        channel = (MaxChannel) new MaxChannelFactory().create("mx", Fixtures.parse("""
                { "type": "max", "token": "tok", "webhookSecret": "Ab3-secret-Token", "baseUrl": "%s" }"""
                .formatted(max.baseUrl())), max.vertx(), metrics);
        receiver = channel.webhooks().orElseThrow();
    }

    @AfterEach
    void stopChannel() {
        Fixtures.await(channel.stop());
    }

    private static WebhookRequest request(String secret, byte[] body) {
        return WebhookRequests.jsonPost("x-max-bot-api-secret", secret, body);
    }

    private double rejected() {
        return WebhookRequests.rejected(metrics, "mx");
    }

    @Test
    @DisplayName("a push with the right X-Max-Bot-Api-Secret (any header case) is parsed into its events")
    void accepted() {
        WebhookOutcome outcome = receiver.handle(request("Ab3-secret-Token", Fixtures.bytes("max-update-message-created-reply.json")));

        assertThat(outcome.status()).isEqualTo(200);
        assertThat(outcome.events()).singleElement().isInstanceOfSatisfying(InboundMessage.class,
                m -> assertThat(m.inReplyToProviderId()).isEqualTo("mid.0000000000000000"));
        assertThat(rejected()).isZero();
    }

    @Test
    @DisplayName("a wrong secret gets 401, no events, and counts in the metric")
    void wrongSecret() {
        WebhookOutcome outcome = receiver.handle(request("Ab3-secret-Tokem", Fixtures.bytes("max-update-bot-started.json")));

        assertThat(outcome.status()).isEqualTo(401);
        assertThat(outcome.events()).isEmpty();
        assertThat(rejected()).isEqualTo(1);
    }

    @Test
    @DisplayName("a missing secret gets 401 and its body is never parsed")
    void missingSecret() {
        WebhookOutcome outcome = receiver.handle(request(null, "{not json".getBytes(StandardCharsets.UTF_8)));

        assertThat(outcome.status()).isEqualTo(401);
        assertThat(outcome.events()).isEmpty();
    }

    @Test
    @DisplayName("each fixture update becomes its event")
    void fixtures() {
        assertThat(receiver.handle(request("Ab3-secret-Token", Fixtures.bytes("max-update-message-created.json"))).events())
                .singleElement().isInstanceOf(InboundMessage.class);
        assertThat(receiver.handle(request("Ab3-secret-Token", Fixtures.bytes("max-update-bot-started.json"))).events())
                .singleElement().isInstanceOfSatisfying(LinkRequest.class, l -> assertThat(l.token()).isEqualTo("promo-qr-01"));
        assertThat(receiver.handle(request("Ab3-secret-Token", Fixtures.bytes("max-update-message-callback.json"))).events())
                .singleElement().isInstanceOfSatisfying(InboundMessage.class,
                        m -> assertThat(m.attributes()).containsEntry("callback", "confirm:7f3c2a"));
    }

    @Test
    @DisplayName("a redelivered update yields an event with the same dedup key")
    void duplicate() {
        String first = receiver.handle(request("Ab3-secret-Token", Fixtures.bytes("max-update-message-created.json"))).events().get(0).dedupKey();
        String again = receiver.handle(request("Ab3-secret-Token", Fixtures.bytes("max-update-message-created.json"))).events().get(0).dedupKey();

        assertThat(again).isEqualTo(first).isEqualTo("mo:mid.0000000000000001");
    }

    @Test
    @DisplayName("an authentic push that is not an update is acknowledged, so MAX does not drop the subscription")
    void garbageAuthenticated() {
        WebhookOutcome outcome = receiver.handle(request("Ab3-secret-Token", "[]".getBytes(StandardCharsets.UTF_8)));

        assertThat(outcome.status()).isEqualTo(200);
        assertThat(outcome.events()).isEmpty();
    }

    @Test
    @DisplayName("register posts /subscriptions with the token header, then only the new secret is accepted")
    void register() {
        max.stubFor(post("/subscriptions").willReturn(okJson("{\"success\":true}")));

        Fixtures.await(receiver.register("https://gateway.example.com/webhooks/max", "New-secret-2"));

        max.verify(1, postRequestedFor(urlEqualTo("/subscriptions"))
                .withHeader("Authorization", equalTo("tok"))
                .withRequestBody(equalToJson("""
                        {"url":"https://gateway.example.com/webhooks/max",
                         "update_types":["message_created","message_edited","message_callback","bot_started","bot_stopped","bot_removed"],
                         "secret":"New-secret-2"}""", false, false)));
        assertThat(receiver.handle(request("New-secret-2", Fixtures.bytes("max-update-bot-started.json"))).status()).isEqualTo(200);
        assertThat(receiver.handle(request("Ab3-secret-Token", Fixtures.bytes("max-update-bot-started.json"))).status()).isEqualTo(401);
    }

    @Test
    @DisplayName("when MAX refuses the subscription the old secret stays in force")
    void registerRefused() {
        max.stubFor(post("/subscriptions").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":\"verify.token\",\"message\":\"Invalid access_token\"}")));

        Throwable failure = Fixtures.awaitFailure(receiver.register("https://gateway.example.com/webhooks/max", "New-secret-2"));

        assertThat(failure).hasMessageContaining("verify.token");
        assertThat(receiver.handle(request("Ab3-secret-Token", Fixtures.bytes("max-update-bot-started.json"))).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("a 200 with success=false is a refusal too")
    void registerNotSuccessful() {
        max.stubFor(post("/subscriptions").willReturn(okJson("{\"success\":false,\"message\":\"url must be https\"}")));

        assertThat(Fixtures.awaitFailure(receiver.register("http://gateway.example.com/webhooks/max", "New-secret-2")))
                .hasMessageContaining("url must be https");
        assertThat(receiver.handle(request("New-secret-2", Fixtures.bytes("max-update-bot-started.json"))).status()).isEqualTo(401);
    }

    @Test
    @DisplayName("a secret MAX would refuse is refused before any call")
    void registerBadSecret() {
        assertThat(Fixtures.awaitFailure(receiver.register("https://gateway.example.com/webhooks/max", "abc")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(max.getAllServeEvents()).isEmpty();
    }
}
