package vestnik.channels.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vestnik.channels.spi.MessageStatus;

class SmppStatusMapperTest {

    @ParameterizedTest(name = "stat:{0} -> {1}")
    @DisplayName("receipt words map to our statuses; non-final and unknown words are ignored")
    @CsvSource(nullValues = "IGNORED", value = {
            "DELIVRD, DELIVERED",
            "delivrd, DELIVERED",
            "UNDELIV, FAILED",
            "REJECTD, FAILED",
            "DELETED, FAILED",
            "UNKNOWN, FAILED",
            "EXPIRED, EXPIRED",
            "ACCEPTD, IGNORED",
            "ENROUTE, IGNORED",
            "SENT, IGNORED",
    })
    void stat(String stat, MessageStatus expected) {
        assertThat(SmppStatusMapper.fromStat(stat)).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest(name = "message_state {0} ({1}) -> {2}")
    @DisplayName("message_state TLV values follow the spec's numbering 1..8, not jSMPP's enum ordinal")
    @CsvSource(nullValues = "IGNORED", value = {
            "0, IGNORED, IGNORED",
            "1, ENROUTE, IGNORED",
            "2, DELIVRD, DELIVERED",
            "3, EXPIRED, EXPIRED",
            "4, DELETED, FAILED",
            "5, UNDELIV, FAILED",
            "6, ACCEPTD, IGNORED",
            "7, UNKNOWN, FAILED",
            "8, REJECTD, FAILED",
            "9, IGNORED, IGNORED",
    })
    void messageState(int state, String stat, MessageStatus expected) {
        assertThat(SmppStatusMapper.statOf(state)).isEqualTo(Optional.ofNullable(stat));
        assertThat(SmppStatusMapper.fromMessageState(state)).isEqualTo(Optional.ofNullable(expected));
    }
}
