package vestnik.channels.max;

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

class MaxErrorsTest {

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("429", 429, "{\"code\":\"too.many.requests\",\"message\":\"Too many requests\"}",
                        ErrorClass.RATE_LIMITED, FailureCodes.THROTTLED, "too.many.requests"),
                Arguments.of("429 without a body", 429, null, ErrorClass.RATE_LIMITED, FailureCodes.THROTTLED, "429"),
                Arguments.of("403 dialog suspended (user stopped the bot)", 403,
                        "{\"code\":\"chat.denied\",\"message\":\"Key: error.dialog.suspended, args: [228532008,].\"}",
                        ErrorClass.PERMANENT_RECIPIENT, FailureCodes.RECIPIENT_OPTED_OUT, "chat.denied"),
                Arguments.of("403 other denial", 403, "{\"code\":\"chat.denied\",\"message\":\"Bot is not a member\"}",
                        ErrorClass.PERMANENT_RECIPIENT, FailureCodes.INVALID_RECIPIENT, "chat.denied"),
                Arguments.of("404 chat not found", 404, "{\"code\":\"not.found\",\"message\":\"Chat 123456789 not found\"}",
                        ErrorClass.PERMANENT_RECIPIENT, FailureCodes.INVALID_RECIPIENT, "not.found"),
                Arguments.of("400 dialog not found", 400, "{\"code\":\"proto.payload\",\"message\":\"error.dialog.notfound\"}",
                        ErrorClass.PERMANENT_RECIPIENT, FailureCodes.INVALID_RECIPIENT, "proto.payload"),
                Arguments.of("400 text too long", 400, "{\"code\":\"proto.payload\",\"message\":\"text: size must be between 0 and 4000\"}",
                        ErrorClass.PERMANENT_RECIPIENT, FailureCodes.INVALID_CONTENT, "proto.payload"),
                Arguments.of("400 attachment not ready", 400, "{\"code\":\"attachment.not.ready\",\"message\":\"Key: errors.process.attachment.file.not.processed\"}",
                        ErrorClass.TRANSIENT, FailureCodes.PROVIDER_ERROR, "attachment.not.ready"),
                Arguments.of("400 anything else", 400, "{\"code\":\"proto.payload\",\"message\":\"invalid request\"}",
                        ErrorClass.PERMANENT_RECIPIENT, FailureCodes.REJECTED_BY_PROVIDER, "proto.payload"),
                Arguments.of("401 bad token", 401, "{\"code\":\"verify.token\",\"message\":\"Invalid access_token\"}",
                        ErrorClass.PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION, "verify.token"),
                Arguments.of("405 wrong base URL", 405, null, ErrorClass.PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION, "405"),
                Arguments.of("503 unavailable", 503, "{\"code\":\"service.unavailable\",\"message\":\"Service unavailable\"}",
                        ErrorClass.TRANSIENT, FailureCodes.PROVIDER_ERROR, "service.unavailable"),
                Arguments.of("200 without a message", 200, "{}", ErrorClass.TRANSIENT, FailureCodes.PROVIDER_ERROR, "200"));
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("each MAX refusal maps to its error class and our code, keeping MAX's own code")
    @MethodSource("refusals")
    void classify(String name, int status, String body, ErrorClass errorClass, String code, String providerCode) {
        Failed failed = MaxErrors.classify(status, body == null ? null : Fixtures.parse(body), null);

        assertThat(failed.errorClass()).isEqualTo(errorClass);
        assertThat(failed.code()).isEqualTo(code);
        assertThat(failed.providerCode()).isEqualTo(providerCode);
    }

    @Test
    @DisplayName("a 429 carries the Retry-After header as the wait")
    void retryAfter() {
        assertThat(MaxErrors.classify(429, null, Duration.ofSeconds(7)).retryAfter()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    @DisplayName("user ids quoted in MAX's message do not reach the failure message")
    void noIdsInMessage() {
        Failed failed = MaxErrors.classify(403, Fixtures.parse(
                "{\"code\":\"chat.denied\",\"message\":\"Key: error.dialog.suspended, args: [228532008,].\"}"), null);

        assertThat(failed.message()).doesNotContain("228532008").contains("error.dialog.suspended");
    }

    @Test
    @DisplayName("no answer at all is transient")
    void unreachable() {
        Failed failed = MaxErrors.unreachable(new RuntimeException("timeout executing POST /messages?user_id=54321987"));

        assertThat(failed.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
        assertThat(failed.code()).isEqualTo(FailureCodes.PROVIDER_UNAVAILABLE);
        assertThat(failed.message()).doesNotContain("54321987");
    }
}
