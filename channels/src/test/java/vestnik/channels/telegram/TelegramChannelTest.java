package vestnik.channels.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
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

/** The channel against a Bot API on loopback (WireMock) answering with the fixtures' JSON. */
class TelegramChannelTest {

    private static final String SEND_PATH = "/bot123:ABC/sendMessage";
    @RegisterExtension
    static final ProviderPeer telegram = new ProviderPeer();
    private TelegramChannel channel;

    @BeforeEach
    void createChannel() {
        channel = channel(telegram.baseUrl(), "2s");
    }

    @AfterEach
    void stopChannel() {
        Fixtures.await(channel.stop());
    }

    private static TelegramChannel channel(String baseUrl, String timeout) {
        return (TelegramChannel) new TelegramChannelFactory().create("tg", Fixtures.parse("""
                { "type": "telegram", "token": "123:ABC", "botUsername": "vestnik_demo_bot", "webhookSecret": "s3cret",
                  "baseUrl": "%s", "requestTimeout": "%s" }""".formatted(baseUrl, timeout)), telegram.vertx(), new SimpleMeterRegistry());
    }

    private static OutboundMessage message(String chat, String text) {
        return new OutboundMessage("m-1", "t-1", new Recipient("+79161234567", null, chat, "c-1"), text, null, null, null, 1, null);
    }

    @Test
    @DisplayName("a send posts the exact sendMessage JSON to /bot<token>/sendMessage and returns <chat>:<message_id>")
    void sendAccepted() {
        telegram.stubFor(post(SEND_PATH).willReturn(okJson(Fixtures.text("telegram-sendmessage-response.json"))));
        TelegramPayload payload = new TelegramPayload(null, "1111111:1366", TelegramPayload.ParseMode.HTML, false);
        OutboundMessage m = new OutboundMessage("m-1", "t-1", new Recipient(null, null, "1111111", "c-1"),
                "Ваш заказ №12345 передан в доставку", null, payload, null, 1, null);

        SendResult result = Fixtures.await(channel.send(m));

        assertThat(result).isEqualTo(Accepted.of("1111111:1368"));
        ObjectNode expected = (ObjectNode) Fixtures.json("telegram-sendmessage-request.json");
        ((ObjectNode) expected.get("reply_parameters")).put("allow_sending_without_reply", true);
        telegram.verify(1, postRequestedFor(urlEqualTo(SEND_PATH))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(expected.toString(), false, false)));
    }

    @Test
    @DisplayName("a contact with no Telegram binding fails recipient_not_linked without any call")
    void notLinked() {
        SendResult result = Fixtures.await(channel.send(message(null, "Напоминание")));

        assertThat(result).isInstanceOfSatisfying(Failed.class, f -> {
            assertThat(f.errorClass()).isEqualTo(ErrorClass.PERMANENT_RECIPIENT);
            assertThat(f.code()).isEqualTo(FailureCodes.RECIPIENT_NOT_LINKED);
        });
        assertThat(telegram.getAllServeEvents()).isEmpty();
    }

    @Test
    @DisplayName("a chat id beyond 2^53 goes out and comes back in the provider id with every digit")
    void bigChatId() {
        String chat = "-1009007199254740993";
        telegram.stubFor(post(SEND_PATH).willReturn(okJson(
                Fixtures.text("telegram-sendmessage-response.json").replace("\"id\": 1111111", "\"id\": " + chat))));

        SendResult result = Fixtures.await(channel.send(message(chat, "Напоминание")));

        assertThat(result).isEqualTo(Accepted.of(chat + ":1368"));
        telegram.verify(postRequestedFor(urlEqualTo(SEND_PATH))
                .withRequestBody(equalToJson("{\"chat_id\":" + chat + ",\"text\":\"Напоминание\"}", false, false)));
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(403, "telegram-error-403-blocked.json", ErrorClass.PERMANENT_RECIPIENT, FailureCodes.RECIPIENT_OPTED_OUT),
                Arguments.of(400, "telegram-error-400-chat-not-found.json", ErrorClass.PERMANENT_RECIPIENT, FailureCodes.INVALID_RECIPIENT),
                Arguments.of(429, "telegram-error-429.json", ErrorClass.RATE_LIMITED, FailureCodes.THROTTLED));
    }

    @ParameterizedTest(name = "{0} {1}")
    @DisplayName("each refusal fixture comes back as its typed failure")
    @MethodSource("refusals")
    void refused(int status, String fixture, ErrorClass errorClass, String code) {
        telegram.stubFor(post(SEND_PATH).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(Fixtures.text(fixture))));

        SendResult result = Fixtures.await(channel.send(message("1111111", "Напоминание")));

        assertThat(result).isInstanceOfSatisfying(Failed.class, f -> {
            assertThat(f.errorClass()).isEqualTo(errorClass);
            assertThat(f.code()).isEqualTo(code);
            assertThat(f.providerCode()).isEqualTo(String.valueOf(status));
        });
        telegram.verify(1, postRequestedFor(urlEqualTo(SEND_PATH)));
    }

    @Test
    @DisplayName("a 429 tells the gateway to wait retry_after seconds")
    void rateLimited() {
        telegram.stubFor(post(SEND_PATH).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withBody(Fixtures.text("telegram-error-429.json"))));

        Failed f = (Failed) Fixtures.await(channel.send(message("1111111", "Напоминание")));

        assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    @DisplayName("a 401 is a configuration fault and the channel stops being ready")
    void badToken() {
        telegram.stubFor(get("/bot123:ABC/getMe").willReturn(okJson(
                "{\"ok\":true,\"result\":{\"id\":7000000001,\"is_bot\":true,\"first_name\":\"Gateway\",\"username\":\"vestnik_demo_bot\"}}")));
        Fixtures.await(channel.start(e -> null));
        telegram.stubFor(post(SEND_PATH).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}")));

        Failed f = (Failed) Fixtures.await(channel.send(message("1111111", "Напоминание")));

        assertThat(f.errorClass()).isEqualTo(ErrorClass.PERMANENT_CONFIG);
        assertThat(f.code()).isEqualTo(FailureCodes.BAD_CONFIGURATION);
        assertThat(channel.isReady()).isFalse();
    }

    @Test
    @DisplayName("a 5xx is transient")
    void serverError() {
        telegram.stubFor(post(SEND_PATH).willReturn(aResponse().withStatus(502).withBody("Bad Gateway")));

        Failed f = (Failed) Fixtures.await(channel.send(message("1111111", "Напоминание")));

        assertThat(f.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
        assertThat(f.code()).isEqualTo(FailureCodes.PROVIDER_ERROR);
    }

    @Test
    @DisplayName("a timeout is transient, and its message does not carry the token from the URL")
    void timeout() {
        TelegramChannel slow = channel(telegram.baseUrl(), "200ms");
        telegram.stubFor(post(SEND_PATH).willReturn(okJson(Fixtures.text("telegram-sendmessage-response.json"))
                .withFixedDelay(1500)));
        try {
            Failed f = (Failed) Fixtures.await(slow.send(message("1111111", "Напоминание")));

            assertThat(f.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
            assertThat(f.code()).isEqualTo(FailureCodes.PROVIDER_UNAVAILABLE);
            assertThat(f.message()).doesNotContain("123:ABC");
        } finally {
            Fixtures.await(slow.stop());
        }
    }

    @Test
    @DisplayName("a refused connection is transient")
    void refusedConnection() {
        TelegramChannel nowhere = channel("http://127.0.0.1:1", "1s");
        try {
            Failed f = (Failed) Fixtures.await(nowhere.send(message("1111111", "Напоминание")));

            assertThat(f.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
            assertThat(f.code()).isEqualTo(FailureCodes.PROVIDER_UNAVAILABLE);
        } finally {
            Fixtures.await(nowhere.stop());
        }
    }

    @Test
    @DisplayName("text over 4096 characters is refused before any call")
    void tooLong() {
        assertThat(channel.checkContent("я".repeat(4096))).isEmpty();
        assertThat(channel.checkContent("я".repeat(4097))).hasValueSatisfying(p ->
                assertThat(p.code()).isEqualTo(FailureCodes.TEXT_TOO_LONG));
        assertThat(channel.checkContent(" ")).hasValueSatisfying(p -> assertThat(p.code()).isEqualTo(FailureCodes.TEXT_EMPTY));

        Failed f = (Failed) Fixtures.await(channel.send(message("1111111", "я".repeat(4097))));

        assertThat(f.code()).isEqualTo(FailureCodes.TEXT_TOO_LONG);
        assertThat(telegram.getAllServeEvents()).isEmpty();
    }

    @Test
    @DisplayName("start checks the token with getMe and makes the channel ready")
    void startReady() {
        telegram.stubFor(get("/bot123:ABC/getMe").willReturn(okJson(
                "{\"ok\":true,\"result\":{\"id\":7000000001,\"is_bot\":true,\"first_name\":\"Gateway\",\"username\":\"vestnik_demo_bot\"}}")));

        Fixtures.await(channel.start(e -> null));

        assertThat(channel.isReady()).isTrue();
        telegram.verify(getRequestedFor(urlEqualTo("/bot123:ABC/getMe")));
        assertThat(channel.deepLink("Zx9_k-42")).hasValue("https://t.me/vestnik_demo_bot?start=Zx9_k-42");
    }

    @Test
    @DisplayName("a refused token fails the start")
    void startRefused() {
        telegram.stubFor(get("/bot123:ABC/getMe").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}")));

        assertThat(Fixtures.awaitFailure(channel.start(e -> null))).hasMessageContaining("refused the bot token")
                .hasMessageNotContaining("123:ABC");
        assertThat(channel.isReady()).isFalse();
    }

    @Test
    @DisplayName("an unreachable Bot API at start leaves the channel started but not ready")
    void startWhileTelegramDown() {
        telegram.stubFor(get("/bot123:ABC/getMe").willReturn(aResponse().withStatus(503)));

        Fixtures.await(channel.start(e -> null));

        assertThat(channel.isReady()).isFalse();
    }
}
