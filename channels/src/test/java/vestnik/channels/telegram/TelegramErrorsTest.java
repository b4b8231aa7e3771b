package vestnik.channels.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vestnik.channels.spi.ErrorClass;
import vestnik.channels.spi.FailureCodes;
import vestnik.channels.spi.SendResult.Failed;
import vestnik.channels.testing.Fixtures;

class TelegramErrorsTest {

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("fixture 429", 429, Fixtures.text("telegram-error-429.json"),
                        ErrorClass.RATE_LIMITED, FailureCodes.THROTTLED),
                Arguments.of("fixture 403 blocked", 403, Fixtures.text("telegram-error-403-blocked.json"),
                        ErrorClass.PERMANENT_RECIPIENT, FailureCodes.RECIPIENT_OPTED_OUT),
                Arguments.of("fixture 400 chat not found", 400, Fixtures.text("telegram-error-400-chat-not-found.json"),
                        ErrorClass.PERMANENT_RECIPIENT, FailureCodes.INVALID_RECIPIENT),
                Arguments.of("403 user is deactivated", 403, envelope(403, "Forbidden: user is deactivated"),
                        ErrorClass.PERMANENT_RECIPIENT, FailureCodes.RECIPIENT_OPTED_OUT),
                Arguments.of("403 kicked from group", 403, envelope(403, "Forbidden: bot was kicked from the group chat"),
                        ErrorClass.PERMANENT_RECIPIENT, FailureCodes.RECIPIENT_OPTED_OUT),
                Arguments.of("403 never started", 403, envelope(403, "Forbidden: bot can't initiate conversation with a user"),
                        ErrorClass.PERMANENT_RECIPIENT, FailureCodes.INVALID_RECIPIENT),
                Arguments.of("400 supergroup migration", 400,
                        "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: group chat was upgraded to a supergroup chat\","
                                + "\"parameters\":{\"migrate_to_chat_id\":-1001234567890}}",
                        ErrorClass.PERMANENT_RECIPIENT, FailureCodes.INVALID_RECIPIENT),
                Arguments.of("400 too long", 400, envelope(400, "Bad Request: message is too long"),
                        ErrorClass.PERMANENT_RECIPIENT, FailureCodes.INVALID_CONTENT),
                Arguments.of("400 bad entities", 400,
                        envelope(400, "Bad Request: can't parse entities: Unsupported start tag \\\"x\\\" at byte offset 0"),
                        ErrorClass.PERMANENT_RECIPIENT, FailureCodes.INVALID_CONTENT),
                Arguments.of("400 anything else", 400, envelope(400, "Bad Request: wrong parameter"),
                        ErrorClass.PERMANENT_RECIPIENT, FailureCodes.REJECTED_BY_PROVIDER),
                Arguments.of("401 bad token", 401, envelope(401, "Unauthorized"),
                        ErrorClass.PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION),
                Arguments.of("404 unroutable token", 404, envelope(404, "Not Found"),
                        ErrorClass.PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION),
                Arguments.of("500 from Telegram", 500, envelope(500, "Internal Server Error"),
                        ErrorClass.TRANSIENT, FailureCodes.PROVIDER_ERROR),
                Arguments.of("502 from a proxy, no JSON", 502, null,
                        ErrorClass.TRANSIENT, FailureCodes.PROVIDER_ERROR),
                Arguments.of("200 without a result", 200, "{\"ok\":true}",
                        ErrorClass.TRANSIENT, FailureCodes.PROVIDER_ERROR));
    }

    private static String envelope(int code, String description) {
        return "{\"ok\":false,\"error_code\":" + code + ",\"description\":\"" + description + "\"}";
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("each Bot API refusal maps to its error class and our code")
    @MethodSource("refusals")
    void classify(String name, int status, String body, ErrorClass errorClass, String code) {
        Failed failed = TelegramErrors.classify(status, body == null ? null : Fixtures.parse(body));

        assertThat(failed.errorClass()).isEqualTo(errorClass);
        assertThat(failed.code()).isEqualTo(code);
        assertThat(failed.providerCode()).isEqualTo(String.valueOf(status));
    }

    @Test
    @DisplayName("a 429 carries the provider's retry_after as the wait")
    void retryAfter() {
        Failed failed = TelegramErrors.classify(429, Fixtures.json("telegram-error-429.json"));

        assertThat(failed.retryAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(failed.message()).isEqualTo("Too Many Requests: retry after 5");
        assertThat(failed.errorClass().isRetryable()).isTrue();
    }

    @Test
    @DisplayName("a 429 without parameters leaves the wait to the gateway")
    void retryAfterMissing() {
        assertThat(TelegramErrors.classify(429, null).retryAfter()).isNull();
    }

    @Test
    @DisplayName("ids quoted in a description do not reach the failure message")
    void noIdsInMessage() {
        Failed failed = TelegramErrors.classify(400, Fixtures.parse(envelope(400, "Bad Request: chat 1111111 not found")));

        assertThat(failed.message()).doesNotContain("1111111");
    }

    @Test
    @DisplayName("no answer at all is transient and says nothing of the token")
    void unreachable() {
        Failed failed = TelegramErrors.unreachable(new TelegramApi.Unreachable(
                new RuntimeException("timeout executing POST /bot123:ABC/sendMessage"), "123:ABC"));

        assertThat(failed.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
        assertThat(failed.code()).isEqualTo(FailureCodes.PROVIDER_UNAVAILABLE);
        assertThat(failed.message()).doesNotContain("123:ABC").contains("/bot***/sendMessage");
    }
}
