package vestnik.channels.viber;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;
import vestnik.channels.spi.MessageStatus;

class ViberStatusMapperTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "delivered, DELIVERED",
            "seen,      READ",
            "failed,    FAILED"})
    @DisplayName("Viber's three receipts map to ours, seen being read")
    void receipts(String event, MessageStatus status) {
        assertThat(ViberStatusMapper.map(event)).contains(status);
    }

    @ParameterizedTest(name = "{0} is not a receipt")
    @CsvSource({"message", "subscribed", "unsubscribed", "conversation_started", "webhook", "client_status", "action",
            "Delivered", "read", "''"})
    @DisplayName("every other event, and any other spelling, is explicitly ignored")
    void others(String event) {
        assertThat(ViberStatusMapper.map(event)).isEmpty();
        assertThat(ViberStatusMapper.map(null)).isEmpty();
    }
}
