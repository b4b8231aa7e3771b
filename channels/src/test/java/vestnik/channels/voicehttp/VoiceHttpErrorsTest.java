package vestnik.channels.voicehttp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vestnik.channels.spi.ErrorClass;
import vestnik.channels.spi.SendResult.Failed;
import vestnik.channels.testing.Fixtures;

class VoiceHttpErrorsTest {

    @ParameterizedTest(name = "HTTP {0} -> {1} {2}")
    @CsvSource({
        "400, PERMANENT_RECIPIENT, rejected_by_provider",
        "422, PERMANENT_RECIPIENT, rejected_by_provider",
        "401, PERMANENT_CONFIG, bad_configuration",
        "403, PERMANENT_CONFIG, bad_configuration",
        "404, PERMANENT_CONFIG, bad_configuration",
        "429, RATE_LIMITED, throttled",
        "500, TRANSIENT, provider_error",
        "503, TRANSIENT, provider_error",
        "200, TRANSIENT, provider_error",
    })
    @DisplayName("a refused call is classed by its HTTP status")
    void table(int status, ErrorClass errorClass, String code) {
        Failed f = VoiceHttpErrors.classify(status, Fixtures.parse("{\"error\":{\"message\":\"bad destination 79161234567\"}}"), null);

        assertThat(f.errorClass()).isEqualTo(errorClass);
        assertThat(f.code()).isEqualTo(code);
        assertThat(f.providerCode()).isEqualTo(String.valueOf(status));
    }

    @Test
    @DisplayName("the body's text is kept without numbers, Retry-After is honoured, no answer is transient")
    void details() {
        Failed f = VoiceHttpErrors.classify(400, Fixtures.parse("{\"message\":\"bad destination 79161234567\"}"), null);
        assertThat(f.message()).isEqualTo("voice API: bad destination ***");
        assertThat(VoiceHttpErrors.classify(429, null, Duration.ofSeconds(7)).retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(VoiceHttpErrors.classify(502, null, null).message()).isEqualTo("voice API answered HTTP 502");
        assertThat(VoiceHttpErrors.unreachable(new java.net.ConnectException("refused")).errorClass())
                .isEqualTo(ErrorClass.TRANSIENT);
    }
}
