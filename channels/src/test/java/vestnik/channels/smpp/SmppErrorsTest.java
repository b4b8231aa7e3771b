package vestnik.channels.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vestnik.channels.spi.ErrorClass;
import vestnik.channels.spi.SendResult;

class SmppErrorsTest {

    private static final Duration RETRY = Duration.ofMillis(1500);

    @ParameterizedTest(name = "command_status {0} is {1} / {2}")
    @DisplayName("every command_status of the §1.10 table maps to its error class and our failure code")
    @CsvSource({
            "0x58, RATE_LIMITED, throttled",
            "0x14, RATE_LIMITED, throttled",
            "0x08, TRANSIENT, provider_error",
            "0x45, TRANSIENT, provider_error",
            "0x64, TRANSIENT, provider_error",
            "0xFE, TRANSIENT, provider_error",
            "0xFF, TRANSIENT, provider_error",
            "0x04, TRANSIENT, provider_unavailable",
            "0x0A, PERMANENT_CONFIG, bad_configuration",
            "0x48, PERMANENT_CONFIG, bad_configuration",
            "0x49, PERMANENT_CONFIG, bad_configuration",
            "0x0B, PERMANENT_RECIPIENT, invalid_recipient",
            "0x50, PERMANENT_RECIPIENT, invalid_recipient",
            "0x51, PERMANENT_RECIPIENT, invalid_recipient",
            "0x01, PERMANENT_CONFIG, invalid_content",
            "0x03, PERMANENT_CONFIG, bad_configuration",
            "0x15, PERMANENT_CONFIG, bad_configuration",
            "0x43, PERMANENT_CONFIG, bad_configuration",
            "0x61, PERMANENT_CONFIG, bad_configuration",
            "0x62, PERMANENT_CONFIG, bad_configuration",
            "0x65, PERMANENT_RECIPIENT, rejected_by_provider",
            "0x66, PERMANENT_RECIPIENT, rejected_by_provider",
            "0xC0, PERMANENT_CONFIG, bad_configuration",
            "0xC1, PERMANENT_CONFIG, bad_configuration",
            "0xC2, PERMANENT_CONFIG, bad_configuration",
            "0xC3, PERMANENT_CONFIG, bad_configuration",
            "0xC4, PERMANENT_CONFIG, bad_configuration",
            "0x0E, PERMANENT_CONFIG, bad_configuration",
            "0x1234, TRANSIENT, provider_error",
    })
    void table(String status, ErrorClass errorClass, String code) {
        int commandStatus = Integer.decode(status);
        SmppError error = SmppErrors.classify(commandStatus, RETRY);

        assertThat(error.errorClass()).isEqualTo(errorClass);
        assertThat(error.code()).isEqualTo(code);
        assertThat(error.providerCode()).isEqualTo(String.format("0x%08X", commandStatus));
        assertThat(error.retryAfter()).isEqualTo(errorClass == ErrorClass.RATE_LIMITED ? RETRY : null);
    }

    @Test
    @DisplayName("an invalid destination becomes a permanent recipient failure carrying 0x0000000B and the spec's name")
    void invalidDestinationFailure() {
        SendResult.Failed failed = SmppErrors.classify(0x0B, RETRY).toFailed();

        assertThat(failed.errorClass()).isEqualTo(ErrorClass.PERMANENT_RECIPIENT);
        assertThat(failed.code()).isEqualTo("invalid_recipient");
        assertThat(failed.providerCode()).isEqualTo("0x0000000B");
        assertThat(failed.message()).contains("ESME_RINVDSTADR");
        assertThat(failed.retryAfter()).isNull();
    }

    @Test
    @DisplayName("throttling asks for the same message again after the configured pause")
    void throttledFailure() {
        SendResult.Failed failed = SmppErrors.classify(0x58, RETRY).toFailed();

        assertThat(failed.errorClass()).isEqualTo(ErrorClass.RATE_LIMITED);
        assertThat(failed.providerCode()).isEqualTo("0x00000058");
        assertThat(failed.retryAfter()).isEqualTo(RETRY);
    }

    @Test
    @DisplayName("ESME_ROK is not an error, and names come from the spec")
    void okIsNotAnError() {
        assertThatThrownBy(() -> SmppErrors.classify(0, RETRY)).isInstanceOf(IllegalArgumentException.class);
        assertThat(SmppErrors.name(0)).isEqualTo("ESME_ROK");
        assertThat(SmppErrors.name(0x58)).isEqualTo("ESME_RTHROTTLED");
        assertThat(SmppErrors.name(0x777)).isEqualTo("0x00000777");
    }
}
