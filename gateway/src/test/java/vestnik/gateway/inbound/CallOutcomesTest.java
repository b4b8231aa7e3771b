package vestnik.gateway.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vestnik.channels.spi.CallResult;
import vestnik.channels.spi.InboundEvent;
import vestnik.channels.spi.MessageStatus;

class CallOutcomesTest {

    @ParameterizedTest(name = "{0} → {1}")
    @DisplayName("a robocall is delivered only when a person answered; every other outcome fails with its cause")
    @CsvSource({
            "ANSWERED_HUMAN, DELIVERED, 16",
            "ANSWERING_MACHINE, FAILED, 16",
            "NO_ANSWER, FAILED, 19",
            "BUSY, FAILED, 17",
            "REJECTED, FAILED, 21",
            "FAILED, FAILED, 38"
    })
    void mapping(CallResult result, MessageStatus status, int cause) {
        InboundEvent.CallOutcome call = new InboundEvent.CallOutcome("ivr", "vn-1", result, cause, "Normal Clearing",
                Duration.ofMillis(12_561), List.of("2"), "HUMAN", null, "+74950000000", Instant.EPOCH);
        InboundEvent.StatusUpdate u = CallOutcomes.asStatusUpdate(call);
        assertThat(u.status()).isEqualTo(status);
        assertThat(u.providerId()).isEqualTo("vn-1");
        assertThat(u.errorCode()).isEqualTo(Integer.toString(cause));
        assertThat(u.detail()).startsWith(result.wireName()).contains("cause=" + cause).contains("talk=12.561s").contains("dtmf=2");
    }
}
