package vestnik.channels.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vestnik.channels.spi.MessageStatus;

class WhatsAppStatusMapperTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "sent,      SENT",
            "delivered, DELIVERED",
            "read,      READ",
            "failed,    FAILED"})
    @DisplayName("Meta's four statuses map to ours")
    void statuses(String status, MessageStatus ours) {
        assertThat(WhatsAppStatusMapper.map(status)).contains(ours);
    }

    @ParameterizedTest(name = "{0} is ignored")
    @CsvSource({"deleted", "warning", "played", "accepted", "READ", "''"})
    @DisplayName("legacy, unknown and differently spelt statuses are explicitly ignored")
    void ignored(String status) {
        assertThat(WhatsAppStatusMapper.map(status)).isEmpty();
        assertThat(WhatsAppStatusMapper.map(null)).isEmpty();
    }
}
