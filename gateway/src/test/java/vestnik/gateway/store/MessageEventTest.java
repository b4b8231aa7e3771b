package vestnik.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vestnik.channels.spi.MessageStatus;

class MessageEventTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @DisplayName("a history event is written exactly as Jackson writes it, whatever the detail holds")
    void sameTextAsJackson() {
        Instant at = Instant.parse("2026-11-24T00:41:07.123456789Z");
        String[] details = {null, "", "accepted", "provider id 6d5c7b1a", "retry at 2026-11-24T00:42:00Z after \"throttled\"",
                "back\\slash", "lines\nand\ttabs\r", "bell\u0007 nul\u0000 del\u007f esc\u001b", "Иванова: долг 1 200 ₽ 😀",
                "\u2028separator\u2029", "form\ffeed\bback"};
        for (String detail : details) {
            ObjectNode n = JSON.createObjectNode();
            n.put("status", MessageStatus.SENT.wireName());
            n.put("at", at.toString());
            if (detail != null && !detail.isEmpty()) {
                n.put("detail", detail);
            }
            String written = MessageEvent.json(MessageStatus.SENT, at, detail);
            assertThat(written).as(String.valueOf(detail)).isEqualTo(n.toString());
            assertThat(MessageEvent.parse(written)).isEqualTo(new MessageEvent("sent", at.toString(),
                    detail == null || detail.isEmpty() ? null : detail));
        }
    }
}
