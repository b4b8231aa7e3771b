package vestnik.channels.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vestnik.channels.ChannelRegistry;
import vestnik.channels.spi.ChannelPayload;
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

class WhatsAppChannelTest {

    private static final String TOKEN = "EAAGtest";
    private static final String PHONE_NUMBER_ID = "106540352242922";
    private static final String MESSAGES = "/v21.0/" + PHONE_NUMBER_ID + "/messages";
    private static final String WAMID = "wamid.HBgLNzkxNjEyMzQ1NjcVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA";
    private static final String TEXT = "Ваш заказ №12345 передан в доставку";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final ProviderPeer meta = new ProviderPeer();
    private WhatsAppChannel channel;

    @BeforeEach
    void createChannel() throws Exception {
        channel = create(meta.baseUrl() + "/v21.0", 2000);
        await(channel.start(event -> Future.succeededFuture()));
    }

    @AfterEach
    void stopChannel() throws Exception {
        await(channel.stop());
    }

    private static WhatsAppChannel create(String baseUrl, int timeoutMs) throws Exception {
        JsonNode section = JSON.readTree("{\"type\":\"whatsapp\",\"accessToken\":\"" + TOKEN + "\",\"phoneNumberId\":\""
                + PHONE_NUMBER_ID + "\",\"appSecret\":\"abc\",\"verifyToken\":\"vt\",\"baseUrl\":\"" + baseUrl
                + "\",\"requestTimeoutMs\":" + timeoutMs + "}");
        return (WhatsAppChannel) ChannelRegistry.builtIn().create("wa", section, meta.vertx(), new SimpleMeterRegistry());
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private static OutboundMessage message(String phone, String text, ChannelPayload payload) {
        return new OutboundMessage("msg-1", "tenant-1", Recipient.phone(phone), text, null, payload, null, 1, Map.of());
    }

    private static OutboundMessage text() {
        return message("+79161234567", TEXT, null);
    }

    private static void answer(int status, String fixture) {
        meta.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(Fixtures.text(fixture))));
    }

    private static void answerError(int status, int code) {
        meta.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":\"(#" + code
                        + ") Error\",\"type\":\"OAuthException\",\"code\":" + code + ",\"fbtrace_id\":\"A\"}}")));
    }

    private Failed sendFailing() throws Exception {
        return (Failed) await(channel.send(text()));
    }

    @Test
    @DisplayName("a free text goes to the phone's digits as the documented request, with the bearer token; the wamid comes back")
    void sendsText() throws Exception {
        answer(200, "whatsapp-send-response.json");

        SendResult result = await(channel.send(text()));

        assertThat(result).isEqualTo(Accepted.of(WAMID));
        meta.verify(postRequestedFor(urlEqualTo(MESSAGES))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(Fixtures.text("whatsapp-send-text-request.json"))));
    }

    @Test
    @DisplayName("a template payload sends the approved template as documented, whatever the text")
    void sendsTemplate() throws Exception {
        answer(200, "whatsapp-send-response.json");

        SendResult result = await(channel.send(message("+79161234567", "ignored for a template",
                WhatsAppTemplate.body("order_shipped", "ru", "Иван", "12345"))));

        assertThat(result).isEqualTo(Accepted.of(WAMID));
        meta.verify(postRequestedFor(urlEqualTo(MESSAGES))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(equalToJson(Fixtures.text("whatsapp-send-template-request.json"))));
    }

    @Test
    @DisplayName("131047 (re-engagement) fails the message for this recipient with window_closed")
    void windowClosed() throws Exception {
        answer(400, "whatsapp-error-131047-reengagement.json");

        Failed failed = sendFailing();

        assertThat(failed.errorClass()).isEqualTo(ErrorClass.PERMANENT_RECIPIENT);
        assertThat(failed.code()).isEqualTo(FailureCodes.WINDOW_CLOSED);
        assertThat(failed.providerCode()).isEqualTo("131047");
    }

    @Test
    @DisplayName("131026 (undeliverable) is permanent for this recipient, 131050 an opt-out")
    void permanentRecipient() throws Exception {
        answerError(400, 131026);
        Failed undeliverable = sendFailing();
        answerError(400, 131050);
        Failed optedOut = sendFailing();

        assertThat(undeliverable.errorClass()).isEqualTo(ErrorClass.PERMANENT_RECIPIENT);
        assertThat(undeliverable.code()).isEqualTo(FailureCodes.INVALID_RECIPIENT);
        assertThat(optedOut.errorClass()).isEqualTo(ErrorClass.PERMANENT_RECIPIENT);
        assertThat(optedOut.code()).isEqualTo(FailureCodes.RECIPIENT_OPTED_OUT);
    }

    @Test
    @DisplayName("the pair rate limit (131056) asks to wait before writing to the same user again")
    void pairRateLimit() throws Exception {
        answer(400, "whatsapp-error-131056-pair-rate-limit.json");

        Failed failed = sendFailing();

        assertThat(failed.errorClass()).isEqualTo(ErrorClass.RATE_LIMITED);
        assertThat(failed.retryAfter()).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    @DisplayName("130429 with a Retry-After is honoured; the same message sent again is accepted, once, and identical")
    void rateLimitedThenRetried() throws Exception {
        meta.stubFor(post(MESSAGES).inScenario("throughput").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withHeader("Retry-After", "3").withBody(Fixtures.text("whatsapp-error-130429-rate-limit.json")))
                .willSetStateTo("cooled down"));
        meta.stubFor(post(MESSAGES).inScenario("throughput").whenScenarioStateIs("cooled down")
                .willReturn(okJson(Fixtures.text("whatsapp-send-response.json"))));

        SendResult first = await(channel.send(text()));
        SendResult retry = await(channel.send(text()));

        assertThat(first).isInstanceOfSatisfying(Failed.class, f -> {
            assertThat(f.errorClass()).isEqualTo(ErrorClass.RATE_LIMITED);
            assertThat(f.code()).isEqualTo(FailureCodes.THROTTLED);
            assertThat(f.providerCode()).isEqualTo("130429");
            assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(3));
        });
        assertThat(retry).isEqualTo(Accepted.of(WAMID));
        assertThat(meta.getAllServeEvents()).hasSize(2)
                .extracting(e -> e.getRequest().getBodyAsString())
                .containsOnly(meta.getAllServeEvents().get(0).getRequest().getBodyAsString());
    }

    @Test
    @DisplayName("an invalid token (190, HTTP 401) fails as configuration and leaves the channel not ready")
    void invalidToken() throws Exception {
        answerError(401, 190);

        Failed failed = sendFailing();

        assertThat(failed.errorClass()).isEqualTo(ErrorClass.PERMANENT_CONFIG);
        assertThat(failed.code()).isEqualTo(FailureCodes.BAD_CONFIGURATION);
        assertThat(channel.isReady()).isFalse();
    }

    @Test
    @DisplayName("a template Meta does not know (132001) is a content failure that leaves the channel ready")
    void unknownTemplate() throws Exception {
        answerError(404, 132001);

        Failed failed = (Failed) await(channel.send(message("+79161234567", null,
                WhatsAppTemplate.body("no_such_template", "ru"))));

        assertThat(failed.errorClass()).isEqualTo(ErrorClass.PERMANENT_CONFIG);
        assertThat(failed.code()).isEqualTo(FailureCodes.INVALID_CONTENT);
        assertThat(channel.isReady()).isTrue();
    }

    @Test
    @DisplayName("Meta's server errors (HTTP 500, code 131000) are transient")
    void serverError() throws Exception {
        answerError(500, 131000);

        Failed failed = sendFailing();

        assertThat(failed.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
        assertThat(failed.code()).isEqualTo(FailureCodes.PROVIDER_ERROR);
    }

    @Test
    @DisplayName("an answer slower than the request timeout is transient")
    void timeout() throws Exception {
        meta.stubFor(post(MESSAGES).willReturn(okJson(Fixtures.text("whatsapp-send-response.json")).withFixedDelay(1500)));
        WhatsAppChannel impatient = create(meta.baseUrl() + "/v21.0", 200);

        Failed failed = (Failed) await(impatient.send(text()));
        await(impatient.stop());

        assertThat(failed.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
        assertThat(failed.code()).isEqualTo(FailureCodes.PROVIDER_UNAVAILABLE);
    }

    @Test
    @DisplayName("a recipient without a phone, or a free text without text, fails at once and Meta is not called")
    void refusedWithoutCall() throws Exception {
        Failed noPhone = (Failed) await(channel.send(new OutboundMessage("msg-1", "t",
                new Recipient(null, null, "viber-user", "c-1"), TEXT, null, null, null, 1, Map.of())));
        Failed noText = (Failed) await(channel.send(message("+79161234567", " ", null)));

        assertThat(noPhone.errorClass()).isEqualTo(ErrorClass.PERMANENT_RECIPIENT);
        assertThat(noPhone.code()).isEqualTo(FailureCodes.INVALID_RECIPIENT);
        assertThat(noText.code()).isEqualTo(FailureCodes.TEXT_EMPTY);
        assertThat(meta.getAllServeEvents()).isEmpty();
    }

    @Test
    @DisplayName("the registry builds a ready WhatsApp channel with webhooks from the issue's config section")
    void registry() {
        assertThat(channel.type()).isEqualTo(ChannelType.WHATSAPP);
        assertThat(channel.id()).isEqualTo("wa");
        assertThat(channel.isReady()).isTrue();
        assertThat(channel.webhooks()).isPresent();
        assertThat(channel.config().rate()).isEqualTo(80);
    }

    @Test
    @DisplayName("texts up to 4096 characters pass the content check; an empty one may carry a template")
    void contentCheck() {
        assertThat(channel.checkContent("я".repeat(4096))).isEmpty();
        assertThat(channel.checkContent("я".repeat(4097))).hasValueSatisfying(
                p -> assertThat(p.code()).isEqualTo(FailureCodes.TEXT_TOO_LONG));
        assertThat(channel.checkContent("")).isEmpty();
    }
}
