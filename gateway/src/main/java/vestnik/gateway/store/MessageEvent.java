package vestnik.gateway.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import vestnik.channels.spi.MessageStatus;

/** One line of a message's history: the status it reached, when, and why. */
public record MessageEvent(String status, String at, String detail) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static String json(MessageStatus status, Instant at, String detail) {
        ObjectNode n = JSON.createObjectNode();
        n.put("status", status.wireName());
        n.put("at", at.toString());
        if (detail != null && !detail.isEmpty()) {
            n.put("detail", detail);
        }
        return n.toString();
    }

    public static MessageEvent parse(String json) {
        try {
            ObjectNode n = (ObjectNode) JSON.readTree(json);
            return new MessageEvent(n.path("status").asText(), n.path("at").asText(),
                    n.hasNonNull("detail") ? n.get("detail").asText() : null);
        } catch (Exception e) {
            return new MessageEvent("unknown", null, "unreadable event");
        }
    }
}
