package vestnik.channels.viber;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vestnik.channels.ChannelRegistry;
import vestnik.channels.spi.Channel;
import vestnik.channels.spi.ChannelType;
import vestnik.channels.spi.ErrorClass;
import vestnik.channels.spi.FailureCodes;
import vestnik.channels.spi.OutboundMessage;
import vestnik.channels.spi.Recipient;
import vestnik.channels.spi.SendResult;
import vestnik.channels.spi.SendResult.Accepted;
import vestnik.channels.spi.SendResult.Failed;
import vestnik.channels.testing.Fixtures;
import vestnik.channels.testing.ProviderPeer;

class ViberChannelTest {

    private static final String TOKEN = "445da6az1s345z78-dazcczb2542zv51a-e0vc5fva17480im9";
    private static final String USER = "01234567890A=";
    private static final String TEXT = "Ваш заказ №12345 передан в доставку";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final ProviderPeer viber = new ProviderPeer();
    private ViberChannel channel;

    @BeforeEach
    void createChannel() throws Exception {
        channel = create(viber.baseUrl() + "/pa", 2000);
        await(channel.start(event -> Future.succeededFuture()));
    }

    @AfterEach
    void stopChannel() throws Exception {
        await(channel.stop());
    }

    private static ViberChannel create(String baseUrl, int timeoutMs) throws Exception {
        JsonNode section = JSON.readTree("{\"type\":\"viber\",\"authToken\":\"" + TOKEN + "\",\"senderName\":\"Demo\","
                + "\"baseUrl\":\"" + baseUrl + "\",\"requestTimeoutMs\":" + timeoutMs + "}");
        Channel created = ChannelRegistry.builtIn().create("vb", section, viber.vertx(), new SimpleMeterRegistry());
        return (ViberChannel) created;
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private static OutboundMessage message(String viberUser, String sender) {
        return new OutboundMessage("gw-msg-7f3c2a", "tenant-1", new Recipient(null, null, viberUser, "contact-1"),
                TEXT, sender, null, null, 1, Map.of());
    }

    private static void answer(String fixture) {
        viber.stubFor(post("/pa/send_message").willReturn(okJson(Fixtures.text(fixture))));
    }

    private static void answerStatus(int status, String name) {
        viber.stubFor(post("/pa/send_message").willReturn(okJson(
                "{\"status\":" + status + ",\"status_message\":\"" + name + "\",\"chat_hostname\":\"SN-CHAT-05_\"}")));
    }

    private static JsonNode onlyRequestBody() throws Exception {
        assertThat(viber.getAllServeEvents()).hasSize(1);
        return JSON.readTree(viber.getAllServeEvents().get(0).getRequest().getBodyAsString());
    }

    @Test
    @DisplayName("a text goes to the linked Viber user as the documented request, and the exact message_token comes back")
    void sendsText() throws Exception {
        answer("viber-send-message-response.json");

        SendResult result = await(channel.send(message(USER, "MyShop")));

        assertThat(result).isEqualTo(Accepted.of("5741311803571721087"));
        viber.verify(postRequestedFor(urlEqualTo("/pa/send_message"))
                .withHeader("X-Viber-Auth-Token", equalTo(TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(new String(Fixtures.http("viber-send-message.http").body(),
                        StandardCharsets.UTF_8))));
    }

    @Test
    @DisplayName("a message that names no sender goes under the configured sender name")
    void configuredSenderName() throws Exception {
        answer("viber-send-message-response.json");

        await(channel.send(message(USER, null)));

        assertThat(onlyRequestBody().path("sender").path("name").asText()).isEqualTo("Demo");
    }

    @Test
    @DisplayName("a contact with no linked Viber user fails at once with recipient_not_linked, and Viber is not called")
    void notLinked() throws Exception {
        SendResult result = await(channel.send(message(null, null)));

        assertThat(result).isInstanceOfSatisfying(Failed.class, f -> {
            assertThat(f.errorClass()).isEqualTo(ErrorClass.PERMANENT_RECIPIENT);
            assertThat(f.code()).isEqualTo(FailureCodes.RECIPIENT_NOT_LINKED);
        });
        assertThat(viber.getAllServeEvents()).isEmpty();
    }

    @Test
    @DisplayName("status 6 (not subscribed) is a permanent failure for this user and an opt-out")
    void notSubscribed() throws Exception {
        answer("viber-send-message-error-not-subscribed.json");

        Failed failed = (Failed) await(channel.send(message(USER, null)));

        assertThat(failed.errorClass()).isEqualTo(ErrorClass.PERMANENT_RECIPIENT);
        assertThat(failed.code()).isEqualTo(FailureCodes.RECIPIENT_OPTED_OUT);
        assertThat(failed.providerCode()).isEqualTo("6");
        assertThat(channel.isReady()).isTrue();
    }

    @Test
    @DisplayName("status 5 (receiver not registered) and 11 (no suitable device) are permanent for this user")
    void permanentRecipient() throws Exception {
        answerStatus(5, "receiverNotRegistered");
        Failed notRegistered = (Failed) await(channel.send(message(USER, null)));
        answerStatus(11, "receiverNoSuitableDevice");
        Failed noDevice = (Failed) await(channel.send(message(USER, null)));

        assertThat(List.of(notRegistered, noDevice)).allSatisfy(f -> {
            assertThat(f.errorClass()).isEqualTo(ErrorClass.PERMANENT_RECIPIENT);
            assertThat(f.code()).isEqualTo(FailureCodes.INVALID_RECIPIENT);
        });
    }

    @Test
    @DisplayName("status 12 asks to wait; the same message sent again later is accepted, with nothing lost or doubled")
    void rateLimitedThenRetried() throws Exception {
        viber.stubFor(post("/pa/send_message").inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(Fixtures.text("viber-send-message-error-too-many-requests.json")))
                .willSetStateTo("cooled down"));
        viber.stubFor(post("/pa/send_message").inScenario("limit").whenScenarioStateIs("cooled down")
                .willReturn(okJson(Fixtures.text("viber-send-message-response.json"))));

        SendResult first = await(channel.send(message(USER, null)));
        SendResult retry = await(channel.send(message(USER, null)));

        assertThat(first).isInstanceOfSatisfying(Failed.class, f -> {
            assertThat(f.errorClass()).isEqualTo(ErrorClass.RATE_LIMITED);
            assertThat(f.code()).isEqualTo(FailureCodes.THROTTLED);
            assertThat(f.retryAfter()).isEqualTo(Duration.ofMinutes(1));
        });
        assertThat(retry).isEqualTo(Accepted.of("5741311803571721087"));
        assertThat(viber.getAllServeEvents()).hasSize(2)
                .extracting(e -> e.getRequest().getBodyAsString()).containsOnly(
                        viber.getAllServeEvents().get(0).getRequest().getBodyAsString());
    }

    @Test
    @DisplayName("a refused auth token fails as configuration and leaves the channel not ready")
    void invalidToken() throws Exception {
        answerStatus(2, "invalidAuthToken");

        Failed failed = (Failed) await(channel.send(message(USER, null)));

        assertThat(failed.errorClass()).isEqualTo(ErrorClass.PERMANENT_CONFIG);
        assertThat(failed.code()).isEqualTo(FailureCodes.BAD_CONFIGURATION);
        assertThat(channel.isReady()).isFalse();
    }

    @Test
    @DisplayName("an outage (HTTP 503) is transient")
    void outage() throws Exception {
        viber.stubFor(post("/pa/send_message").willReturn(aResponse().withStatus(503)));

        Failed failed = (Failed) await(channel.send(message(USER, null)));

        assertThat(failed.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
        assertThat(failed.code()).isEqualTo(FailureCodes.PROVIDER_ERROR);
    }

    @Test
    @DisplayName("an answer slower than the request timeout is transient")
    void timeout() throws Exception {
        viber.stubFor(post("/pa/send_message").willReturn(okJson(Fixtures.text("viber-send-message-response.json"))
                .withFixedDelay(1500)));
        ViberChannel impatient = create(viber.baseUrl() + "/pa", 200);

        Failed failed = (Failed) await(impatient.send(message(USER, null)));
        await(impatient.stop());

        assertThat(failed.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
        assertThat(failed.code()).isEqualTo(FailureCodes.PROVIDER_UNAVAILABLE);
    }

    @Test
    @DisplayName("a refused connection is transient")
    void connectionRefused() throws Exception {
        ViberChannel unreachable = create("http://127.0.0.1:1/pa", 2000);

        Failed failed = (Failed) await(unreachable.send(message(USER, null)));
        await(unreachable.stop());

        assertThat(failed.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
    }

    @Test
    @DisplayName("registering the webhook calls set_webhook with our URL and the auth token")
    void registersWebhook() throws Exception {
        viber.stubFor(post("/pa/set_webhook").willReturn(okJson(Fixtures.text("viber-set-webhook-response.json"))));

        await(channel.webhooks().orElseThrow().register("https://gateway.example.com/webhooks/viber", "unused"));

        ObjectNode expected = (ObjectNode) Fixtures.json("viber-set-webhook-request.json");
        expected.put("send_photo", false);
        viber.verify(postRequestedFor(urlEqualTo("/pa/set_webhook"))
                .withHeader("X-Viber-Auth-Token", equalTo(TOKEN))
                .withRequestBody(equalToJson(expected.toString())));
    }

    @Test
    @DisplayName("a set_webhook that Viber refuses fails the registration, naming Viber's status")
    void webhookRefused() {
        viber.stubFor(post("/pa/set_webhook").willReturn(okJson(
                "{\"status\":1,\"status_message\":\"invalidUrl\",\"chat_hostname\":\"SN-CHAT-02_\"}")));

        assertThatThrownBy(() -> await(channel.webhooks().orElseThrow().register("https://bad.example/x", "s")))
                .isInstanceOf(ExecutionException.class).hasMessageContaining("invalidUrl");
    }

    @Test
    @DisplayName("the registry builds a ready Viber channel with webhooks from the issue's config section")
    void registry() throws Exception {
        assertThat(channel.type()).isEqualTo(ChannelType.VIBER);
        assertThat(channel.id()).isEqualTo("vb");
        assertThat(channel.isReady()).isTrue();
        assertThat(channel.webhooks()).isPresent();
        assertThat(channel.config().rate()).isEqualTo(30);
    }

    @Test
    @DisplayName("a deep link carries the bot's chatURI and the one-time token as context; without chatUri there is none")
    void deepLink() throws Exception {
        JsonNode section = JSON.readTree("{\"type\":\"viber\",\"authToken\":\"t\",\"senderName\":\"Demo\","
                + "\"chatUri\":\"vestnik-demo\"}");
        ViberChannel linked = (ViberChannel) new ViberChannelFactory().create("vb", section, viber.vertx(), new SimpleMeterRegistry());

        assertThat(linked.deepLink("k7Qz-1")).contains("viber://pa?chatURI=vestnik-demo&context=k7Qz-1");
        assertThat(channel.deepLink("k7Qz-1")).isEmpty();
        await(linked.stop());
    }

    @Test
    @DisplayName("texts up to 7000 characters pass the content check; longer or empty ones are refused up front")
    void contentCheck() {
        assertThat(channel.checkContent("я".repeat(7000))).isEmpty();
        assertThat(channel.checkContent("я".repeat(7001))).hasValueSatisfying(
                p -> assertThat(p.code()).isEqualTo(FailureCodes.TEXT_TOO_LONG));
        assertThat(channel.checkContent(" ")).hasValueSatisfying(
                p -> assertThat(p.code()).isEqualTo(FailureCodes.TEXT_EMPTY));
    }
}
