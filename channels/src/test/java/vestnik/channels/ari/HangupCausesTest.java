package vestnik.channels.ari;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vestnik.channels.spi.CallResult;

class HangupCausesTest {

    @ParameterizedTest(name = "cause {0} unanswered -> {1}, permanent {2}")
    @CsvSource({
        "16, NO_ANSWER, false",
        "17, BUSY, false",
        "18, NO_ANSWER, false",
        "19, NO_ANSWER, false",
        "20, NO_ANSWER, false",
        "21, REJECTED, false",
        "1, FAILED, true",
        "3, FAILED, true",
        "22, FAILED, true",
        "28, FAILED, true",
        "27, FAILED, false",
        "34, FAILED, false",
        "38, FAILED, false",
        "41, FAILED, false",
        "42, FAILED, false",
        "127, FAILED, false",
    })
    @DisplayName("an unanswered call's result and permanence come from its Q.850 cause")
    void unanswered(int cause, CallResult result, boolean permanent) {
        assertThat(HangupCauses.result(cause, false, null)).isEqualTo(result);
        assertThat(HangupCauses.isPermanent(cause)).isEqualTo(permanent);
    }

    @ParameterizedTest(name = "answered, AMD {0} -> {1}")
    @CsvSource({
        "MACHINE, ANSWERING_MACHINE",
        "machine, ANSWERING_MACHINE",
        "HUMAN, ANSWERED_HUMAN",
        "NOTSURE, ANSWERED_HUMAN",
        "HANGUP, ANSWERED_HUMAN",
        "'', ANSWERED_HUMAN",
    })
    @DisplayName("an answered call is a machine only on the detector's MACHINE, whatever the cause")
    void answered(String amd, CallResult result) {
        assertThat(HangupCauses.result(16, true, amd.isEmpty() ? null : amd)).isEqualTo(result);
        assertThat(HangupCauses.result(17, true, amd.isEmpty() ? null : amd)).isEqualTo(result);
    }

    @Test
    @DisplayName("a missing cause is a transient failure, and known causes carry Asterisk's text")
    void missingAndTexts() {
        assertThat(HangupCauses.result(null, false, null)).isEqualTo(CallResult.FAILED);
        assertThat(HangupCauses.isPermanent(null)).isFalse();
        assertThat(HangupCauses.of(19).text()).isEqualTo("User alerting, no answer");
        assertThat(HangupCauses.of(21).text()).isEqualTo("Call Rejected");
        assertThat(HangupCauses.of(999).text()).isEqualTo("Cause 999");
    }
}
