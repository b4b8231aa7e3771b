package vestnik.channels.max;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vestnik.channels.spi.ErrorClass;
import vestnik.channels.spi.FailureCodes;
import vestnik.channels.spi.OutboundMessage;
import vestnik.channels.spi.Recipient;
import vestnik.channels.spi.SendResult;
import vestnik.channels.spi.SendResult.Accepted;
import vestnik.channels.spi.SendResult.Failed;
import vestnik.channels.testing.Fixtures;
import vestnik.channels.testing.ProviderPeer;

/** The channel against a MAX Bot API on loopback (WireMock) answering with the fixtures' JSON. */
class MaxChannelTest {

    /** A sent Message as MAX returns it: {"message": Message}. */
    private static final String SENT = """
            {"message":{"sender":{"user_id":12345,"name":"Vestnik","is_bot":true},
             "recipient":{"chat_id":-100000000,"chat_type":"dialog","user_id":54321},"timestamp":1736951520000,
             "body":{"mid":"mid.0000000000000005","seq":4,"text":"Ваш заказ №12345 передан в доставку"}}}""";

    @RegisterExtension
    static final ProviderPeer max = new ProviderPeer();
    private MaxChannel channel;

    @BeforeEach
    void createChannel() {
        channel = channel(max.baseUrl(), "2s");
    }

    @AfterEach
    void stopChannel() {
        Fixtures.await(channel.stop());
    }

    private static MaxChannel channel(String baseUrl, String timeout) {
        return (MaxChannel) new MaxChannelFactory().create("mx", Fixtures.parse("""
                { "type": "max", "token": "tok", "webhookSecret": "s3cret", "baseUrl": "%s", "requestTimeout": "%s" }"""
                .formatted(baseUrl, timeout)), max.vertx(), new SimpleMeterRegistry());
    }

    private static OutboundMessage message(String user, String text, MaxPayload payload) {
        return new OutboundMessage("m-1", "t-1", new Recipient("+79161234567", null, user, "c-1"), text, null, payload, null, 1, null);
    }

    @Test
    @DisplayName("a send posts the fixture's body to /messages?user_id= with the token in Authorization, and returns the mid")
    void sendAccepted() {
        max.stubFor(post(urlPathEqualTo("/messages")).willReturn(okJson(SENT)));

        SendResult result = Fixtures.await(channel.send(message("54321", "Ваш заказ №12345 передан в доставку",
                new MaxPayload(null, null, MaxPayload.Format.MARKDOWN, false))));

        assertThat(result).isEqualTo(Accepted.of("mid.0000000000000005"));
        max.verify(1, postRequestedFor(urlEqualTo("/messages?user_id=54321"))
                .withHeader("Authorization", equalTo("tok"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(Fixtures.text("max-send-message-request.json"), false, false)));
    }

    @Test
    @DisplayName("chat:<id> is sent with chat_id")
    void sendToChat() {
        max.stubFor(post(urlPathEqualTo("/messages")).willReturn(okJson(SENT)));

        Fixtures.await(channel.send(message("chat:-100000000", "Напоминание", null)));

        max.verify(postRequestedFor(urlEqualTo("/messages?chat_id=-100000000")));
    }

    @Test
    @DisplayName("a user id beyond 2^53 goes into the URL with every digit")
    void bigUserId() {
        max.stubFor(post(urlPathEqualTo("/messages")).willReturn(okJson(SENT)));

        SendResult result = Fixtures.await(channel.send(message("9007199254740993", "Напоминание", null)));

        assertThat(result).isInstanceOf(Accepted.class);
        max.verify(postRequestedFor(urlEqualTo("/messages?user_id=9007199254740993")));
    }

    @Test
    @DisplayName("a contact with no MAX binding fails recipient_not_linked without any call")
    void notLinked() {
        SendResult result = Fixtures.await(channel.send(message(null, "Напоминание", null)));

        assertThat(result).isInstanceOfSatisfying(Failed.class, f -> {
            assertThat(f.errorClass()).isEqualTo(ErrorClass.PERMANENT_RECIPIENT);
            assertThat(f.code()).isEqualTo(FailureCodes.RECIPIENT_NOT_LINKED);
        });
        assertThat(max.getAllServeEvents()).isEmpty();
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(403, "{\"code\":\"chat.denied\",\"message\":\"Key: error.dialog.suspended, args: [54321,].\"}",
                        ErrorClass.PERMANENT_RECIPIENT, FailureCodes.RECIPIENT_OPTED_OUT),
                Arguments.of(404, "{\"code\":\"not.found\",\"message\":\"Chat not found\"}",
                        ErrorClass.PERMANENT_RECIPIENT, FailureCodes.INVALID_RECIPIENT),
                Arguments.of(401, "{\"code\":\"verify.token\",\"message\":\"Invalid access_token\"}",
                        ErrorClass.PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION),
                Arguments.of(503, "{\"code\":\"service.unavailable\",\"message\":\"Service unavailable\"}",
                        ErrorClass.TRANSIENT, FailureCodes.PROVIDER_ERROR));
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("each refusal comes back as its typed failure")
    @MethodSource("refusals")
    void refused(int status, String body, ErrorClass errorClass, String code) {
        max.stubFor(post(urlPathEqualTo("/messages")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));

        Failed f = (Failed) Fixtures.await(channel.send(message("54321", "Напоминание", null)));

        assertThat(f.errorClass()).isEqualTo(errorClass);
        assertThat(f.code()).isEqualTo(code);
    }

    @Test
    @DisplayName("a 429 with Retry-After tells the gateway how long to wait")
    void rateLimited() {
        max.stubFor(post(urlPathEqualTo("/messages")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"too.many.requests\",\"message\":\"Too many requests\"}")));

        Failed f = (Failed) Fixtures.await(channel.send(message("54321", "Напоминание", null)));

        assertThat(f.errorClass()).isEqualTo(ErrorClass.RATE_LIMITED);
        assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    @DisplayName("a timeout is transient and names no user id")
    void timeout() {
        MaxChannel slow = channel(max.baseUrl(), "200ms");
        max.stubFor(post(urlPathEqualTo("/messages")).willReturn(okJson(SENT).withFixedDelay(1500)));
        try {
            Failed f = (Failed) Fixtures.await(slow.send(message("54321987", "Напоминание", null)));

            assertThat(f.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
            assertThat(f.code()).isEqualTo(FailureCodes.PROVIDER_UNAVAILABLE);
            assertThat(f.message()).doesNotContain("54321987");
        } finally {
            Fixtures.await(slow.stop());
        }
    }

    @Test
    @DisplayName("text over 4000 characters is refused before any call")
    void tooLong() {
        assertThat(channel.checkContent("я".repeat(4000))).isEmpty();
        Failed f = (Failed) Fixtures.await(channel.send(message("54321", "я".repeat(4001), null)));

        assertThat(f.code()).isEqualTo(FailureCodes.TEXT_TOO_LONG);
        assertThat(max.getAllServeEvents()).isEmpty();
    }

    @Test
    @DisplayName("start checks the token with GET /me, learns the bot's name and makes the channel ready")
    void startReady() {
        max.stubFor(get("/me").withHeader("Authorization", equalTo("tok")).willReturn(okJson(
                "{\"user_id\":12345,\"name\":\"Vestnik\",\"username\":\"vestnik_bot\",\"is_bot\":true,\"last_activity_time\":1737500130100}")));

        Fixtures.await(channel.start(e -> null));

        assertThat(channel.isReady()).isTrue();
        assertThat(channel.deepLink("tok-42")).hasValue("https://max.ru/vestnik_bot?start=tok-42");
    }

    @Test
    @DisplayName("a refused token fails the start")
    void startRefused() {
        max.stubFor(get("/me").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":\"verify.token\",\"message\":\"Invalid access_token\"}")));

        assertThat(Fixtures.awaitFailure(channel.start(e -> null))).hasMessageContaining("refused the bot token");
        assertThat(channel.isReady()).isFalse();
    }

    @Test
    @DisplayName("an unreachable API at start leaves the channel started but not ready")
    void startWhileMaxDown() {
        max.stubFor(get("/me").willReturn(aResponse().withStatus(503)));

        Fixtures.await(channel.start(e -> null));

        assertThat(channel.isReady()).isFalse();
    }
}
