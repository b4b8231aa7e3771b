package vestnik.channels.ari;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vestnik.channels.spi.ErrorClass;
import vestnik.channels.spi.SendResult.Failed;
import vestnik.channels.testing.Fixtures;

class AriErrorsTest {

    @ParameterizedTest(name = "HTTP {0} -> {1} {2}")
    @CsvSource({
        "400, PERMANENT_CONFIG, bad_configuration",
        "401, PERMANENT_CONFIG, bad_configuration",
        "403, PERMANENT_CONFIG, bad_configuration",
        "404, PERMANENT_CONFIG, bad_configuration",
        "422, PERMANENT_CONFIG, bad_configuration",
        "409, TRANSIENT, provider_error",
        "429, RATE_LIMITED, throttled",
        "500, TRANSIENT, provider_error",
        "502, TRANSIENT, provider_error",
        "503, RATE_LIMITED, throttled",
        "200, TRANSIENT, provider_error",
    })
    @DisplayName("a refused originate is classed by its HTTP status")
    void table(int status, ErrorClass errorClass, String code) {
        Failed f = AriErrors.classify(status, Fixtures.parse("{\"message\":\"Invalid endpoint PJSIP/79161234567@trunk\"}"));

        assertThat(f.errorClass()).isEqualTo(errorClass);
        assertThat(f.code()).isEqualTo(code);
        assertThat(f.providerCode()).isEqualTo(String.valueOf(status));
        assertThat(f.message()).doesNotContain("79161234567");
    }

    @Test
    @DisplayName("no answer at all is transient; all lines busy is rate-limited with a short pause")
    void unreachableAndBusy() {
        assertThat(AriErrors.unreachable(new java.net.ConnectException("Connection refused")).errorClass())
                .isEqualTo(ErrorClass.TRANSIENT);
        Failed busy = AriErrors.linesBusy(30);
        assertThat(busy.errorClass()).isEqualTo(ErrorClass.RATE_LIMITED);
        assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(busy.message()).isEqualTo("all 30 lines of the channel are in use");
    }
}
