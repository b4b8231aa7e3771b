package vestnik.gateway.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import vestnik.channels.spi.MessageStatus;

/** One line of a message's history: the status it reached, when, and why. */
public record MessageEvent(String status, String at, String detail) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** Written by hand (one per status change, on the hot path); the same text Jackson writes. */
    public static String json(MessageStatus status, Instant at, String detail) {
        StringBuilder b = new StringBuilder(64 + (detail == null ? 0 : detail.length()));
        b.append("{\"status\":");
        quote(b, status.wireName());
        b.append(",\"at\":");
        quote(b, at.toString());
        if (detail != null && !detail.isEmpty()) {
            b.append(",\"detail\":");
            quote(b, detail);
        }
        return b.append('}').toString();
    }

    /** A JSON string as Jackson escapes it: quote, backslash and control characters; the rest as is. */
    static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20) {
                        b.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
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
