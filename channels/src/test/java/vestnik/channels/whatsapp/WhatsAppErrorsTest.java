package vestnik.channels.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vestnik.channels.spi.ErrorClass;
import vestnik.channels.spi.SendResult.Failed;
import vestnik.channels.testing.Fixtures;

class WhatsAppErrorsTest {

    private static JsonNode envelope(int code) throws Exception {
        return new ObjectMapper().readTree("{\"error\":{\"message\":\"(#" + code + ") Something\",\"type\":\"OAuthException\","
                + "\"code\":" + code + ",\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"...\"},"
                + "\"fbtrace_id\":\"A\"}}");
    }

    @ParameterizedTest(name = "code {0} (HTTP {1}) is {2} / {3}")
    @CsvSource({
            "130429, 400, RATE_LIMITED,        throttled",
            "131056, 400, RATE_LIMITED,        throttled",
            "131048, 400, RATE_LIMITED,        throttled",
            "131049, 400, RATE_LIMITED,        throttled",
            "4,      400, RATE_LIMITED,        throttled",
            "80007,  400, RATE_LIMITED,        throttled",
            "131026, 400, PERMANENT_RECIPIENT, invalid_recipient",
            "131021, 400, PERMANENT_RECIPIENT, invalid_recipient",
            "131047, 400, PERMANENT_RECIPIENT, window_closed",
            "131051, 400, PERMANENT_RECIPIENT, invalid_content",
            "131050, 400, PERMANENT_RECIPIENT, recipient_opted_out",
            "190,    401, PERMANENT_CONFIG,    bad_configuration",
            "10,     403, PERMANENT_CONFIG,    bad_configuration",
            "200,    403, PERMANENT_CONFIG,    bad_configuration",
            "131031, 400, PERMANENT_CONFIG,    bad_configuration",
            "131042, 400, PERMANENT_CONFIG,    bad_configuration",
            "368,    403, PERMANENT_CONFIG,    bad_configuration",
            "100,    400, PERMANENT_CONFIG,    invalid_content",
            "131008, 400, PERMANENT_CONFIG,    invalid_content",
            "131009, 400, PERMANENT_CONFIG,    invalid_content",
            "131053, 400, PERMANENT_CONFIG,    invalid_content",
            "132000, 400, PERMANENT_CONFIG,    invalid_content",
            "132001, 404, PERMANENT_CONFIG,    invalid_content",
            "1,      500, TRANSIENT,           provider_error",
            "2,      503, TRANSIENT,           provider_error",
            "131000, 500, TRANSIENT,           provider_error",
            "131016, 503, TRANSIENT,           provider_error",
            "131057, 503, TRANSIENT,           provider_unavailable",
            "999999, 400, PERMANENT_RECIPIENT, rejected_by_provider",
            "999999, 500, TRANSIENT,           provider_error",
            "999999, 401, PERMANENT_CONFIG,    bad_configuration",
            "999999, 429, RATE_LIMITED,        throttled"})
    @DisplayName("Meta's code decides the meaning; an unknown code falls back on the HTTP status")
    void codeTable(int code, int httpStatus, ErrorClass errorClass, String ourCode) throws Exception {
        Failed failed = WhatsAppErrors.forReply(httpStatus, envelope(code), null);

        assertThat(failed.errorClass()).isEqualTo(errorClass);
        assertThat(failed.code()).isEqualTo(ourCode);
        assertThat(failed.providerCode()).isEqualTo(String.valueOf(code));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "whatsapp-error-130429-rate-limit.json,      RATE_LIMITED,        throttled,     PT1S",
            "whatsapp-error-131056-pair-rate-limit.json, RATE_LIMITED,        throttled,     PT6S",
            "whatsapp-error-131047-reengagement.json,    PERMANENT_RECIPIENT, window_closed, "})
    @DisplayName("the recorded Graph error envelopes are classified, with a wait suited to each limit")
    void fixtures(String fixture, ErrorClass errorClass, String ourCode, Duration retryAfter) {
        Failed failed = WhatsAppErrors.forReply(400, Fixtures.json(fixture), null);

        assertThat(failed.errorClass()).isEqualTo(errorClass);
        assertThat(failed.code()).isEqualTo(ourCode);
        assertThat(failed.retryAfter()).isEqualTo(retryAfter);
        assertThat(failed.message()).doesNotContain("(#");
    }

    @Test
    @DisplayName("a Retry-After header wins over our default wait, but never makes a permanent failure retryable")
    void retryAfterHeader() {
        assertThat(WhatsAppErrors.forReply(400, Fixtures.json("whatsapp-error-130429-rate-limit.json"),
                Duration.ofSeconds(9)).retryAfter()).isEqualTo(Duration.ofSeconds(9));
        assertThat(WhatsAppErrors.forReply(400, Fixtures.json("whatsapp-error-131047-reengagement.json"),
                Duration.ofSeconds(9)).retryAfter()).isNull();
    }

    @ParameterizedTest(name = "HTTP {0} without a Graph envelope is {1}")
    @CsvSource({
            "401, PERMANENT_CONFIG,    bad_configuration",
            "502, TRANSIENT,           provider_error",
            "429, RATE_LIMITED,        throttled",
            "404, PERMANENT_RECIPIENT, rejected_by_provider"})
    @DisplayName("a bare HTTP error is classified by its status")
    void bareHttp(int httpStatus, ErrorClass errorClass, String ourCode) {
        Failed failed = WhatsAppErrors.forReply(httpStatus, null, null);

        assertThat(failed.errorClass()).isEqualTo(errorClass);
        assertThat(failed.code()).isEqualTo(ourCode);
        assertThat(failed.providerCode()).isEqualTo("http " + httpStatus);
    }

    @Test
    @DisplayName("timeouts and lost connections are transient")
    void transport() {
        Failed failed = WhatsAppErrors.forTransport(new TimeoutException());

        assertThat(failed.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
        assertThat(failed.code()).isEqualTo("provider_unavailable");
    }

    @Test
    @DisplayName("a code from a status webhook alone is classified the same way")
    void codeAlone() {
        assertThat(WhatsAppErrors.forCode(131047).code()).isEqualTo("window_closed");
        assertThat(WhatsAppErrors.forCode(131050).code()).isEqualTo("recipient_opted_out");
        assertThat(WhatsAppErrors.forCode(123).errorClass()).isEqualTo(ErrorClass.PERMANENT_RECIPIENT);
    }

    @Test
    @DisplayName("only a refused token (190 or HTTP 401) makes the whole number unusable")
    void credentials() throws Exception {
        assertThat(WhatsAppErrors.refusesCredentials(WhatsAppErrors.forReply(401, envelope(190), null))).isTrue();
        assertThat(WhatsAppErrors.refusesCredentials(WhatsAppErrors.forReply(401, null, null))).isTrue();
        assertThat(WhatsAppErrors.refusesCredentials(WhatsAppErrors.forReply(400, envelope(132001), null))).isFalse();
    }
}
