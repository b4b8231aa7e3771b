package vestnik.channels.viber;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Reads Viber's JSON so that a {@code message_token} never passes through a double: tokens exceed 2^53
 * (5741311803571721087), and a double would silently round them, so receipts would match no message.
 */
final class ViberJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private ViberJson() {
    }

    static JsonNode read(byte[] body) throws IOException {
        return MAPPER.readTree(body);
    }

    static JsonNode read(String body) throws IOException {
        return MAPPER.readTree(body);
    }

    /** The exact decimal form of an id given as a JSON number or string; null when absent or not a whole number. */
    static String exactId(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return node.asText().isBlank() ? null : node.asText();
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        if (node.isBigDecimal()) {
            BigDecimal d = node.decimalValue();
            try {
                return d.toBigIntegerExact().toString();
            } catch (ArithmeticException notWhole) {
                return null;
            }
        }
        return null;
    }

    /** A text field, or null when absent, null or not text. */
    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }
}
