package vestnik.gateway.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** The caller's metadata as channels see it. */
final class OutboundMessages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OutboundMessages() {
    }

    /** Top-level scalar values of the caller's metadata, as strings; nested values stay in the store only. */
    static Map<String, String> metadata(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        if (json == null || json.isEmpty()) {
            return out;
        }
        try {
            JsonNode n = JSON.readTree(json);
            n.fields().forEachRemaining(e -> {
                if (e.getValue().isValueNode()) {
                    out.put(e.getKey(), e.getValue().asText());
                }
            });
        } catch (Exception e) {
            // metadata was validated as a JSON object at intake; anything else is ignored here
        }
        return out;
    }
}
