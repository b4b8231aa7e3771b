package vestnik.channels.viber;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vestnik.channels.spi.ErrorClass;
import vestnik.channels.spi.SendResult.Failed;

class ViberErrorsTest {

    @ParameterizedTest(name = "status {0} {1} is {2} / {3}")
    @CsvSource({
            "1,  invalidUrl,                 PERMANENT_CONFIG,    bad_configuration",
            "2,  invalidAuthToken,           PERMANENT_CONFIG,    bad_configuration",
            "3,  badData,                    PERMANENT_CONFIG,    invalid_content",
            "4,  missingData,                PERMANENT_CONFIG,    invalid_content",
            "5,  receiverNotRegistered,      PERMANENT_RECIPIENT, invalid_recipient",
            "6,  receiverNotSubscribed,      PERMANENT_RECIPIENT, recipient_opted_out",
            "7,  publicAccountBlocked,       PERMANENT_CONFIG,    bad_configuration",
            "8,  publicAccountNotFound,      PERMANENT_CONFIG,    bad_configuration",
            "9,  publicAccountSuspended,     PERMANENT_CONFIG,    bad_configuration",
            "10, webhookNotSet,              PERMANENT_CONFIG,    bad_configuration",
            "11, receiverNoSuitableDevice,   PERMANENT_RECIPIENT, invalid_recipient",
            "12, tooManyRequests,            RATE_LIMITED,        throttled",
            "13, apiVersionNotSupported,     PERMANENT_CONFIG,    invalid_content",
            "14, incompatibleWithVersion,    PERMANENT_RECIPIENT, invalid_recipient",
            "15, publicAccountNotAuthorized, PERMANENT_CONFIG,    bad_configuration",
            "16, somethingNew,               PERMANENT_RECIPIENT, rejected_by_provider",
            "99, ,                           PERMANENT_RECIPIENT, rejected_by_provider"})
    @DisplayName("every Viber status has one meaning, and an unknown one is a final refusal of this message")
    void statusTable(int status, String name, ErrorClass errorClass, String code) {
        Failed failed = ViberErrors.forStatus(status, name);

        assertThat(failed.errorClass()).isEqualTo(errorClass);
        assertThat(failed.code()).isEqualTo(code);
        assertThat(failed.providerCode()).isEqualTo(String.valueOf(status));
    }

    @Test
    @DisplayName("status 12 asks to come back after a while, the others give no hint")
    void tooManyRequestsWaits() {
        assertThat(ViberErrors.forStatus(12, "Too many requests").retryAfter()).isEqualTo(Duration.ofMinutes(1));
        assertThat(ViberErrors.forStatus(6, "receiverNotSubscribed").retryAfter()).isNull();
    }

    @ParameterizedTest(name = "HTTP {0} is {1} / {2}")
    @CsvSource({
            "429, RATE_LIMITED,     throttled",
            "500, TRANSIENT,        provider_error",
            "503, TRANSIENT,        provider_error",
            "401, PERMANENT_CONFIG, bad_configuration",
            "404, PERMANENT_CONFIG, bad_configuration"})
    @DisplayName("an HTTP error is the way to Viber failing: outages retry, a wrong URL or token does not")
    void httpTable(int httpStatus, ErrorClass errorClass, String code) {
        Failed failed = ViberErrors.forHttp(httpStatus, null);

        assertThat(failed.errorClass()).isEqualTo(errorClass);
        assertThat(failed.code()).isEqualTo(code);
        assertThat(failed.providerCode()).isEqualTo("http " + httpStatus);
    }

    @Test
    @DisplayName("a Retry-After on HTTP 429 is honoured")
    void retryAfterHeader() {
        assertThat(ViberErrors.forHttp(429, Duration.ofSeconds(7)).retryAfter()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    @DisplayName("no answer at all is transient")
    void transport() {
        Failed failed = ViberErrors.forTransport(new TimeoutException("timeout"));

        assertThat(failed.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
        assertThat(failed.code()).isEqualTo("provider_unavailable");
    }

    @Test
    @DisplayName("only a refused token makes the whole account unusable")
    void credentials() {
        assertThat(ViberErrors.refusesCredentials(ViberErrors.forStatus(2, "invalidAuthToken"))).isTrue();
        assertThat(ViberErrors.refusesCredentials(ViberErrors.forHttp(401, null))).isTrue();
        assertThat(ViberErrors.refusesCredentials(ViberErrors.forStatus(3, "badData"))).isFalse();
        assertThat(ViberErrors.refusesCredentials(ViberErrors.forStatus(6, "receiverNotSubscribed"))).isFalse();
    }
}
