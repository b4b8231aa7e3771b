package vestnik.gateway.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The DTMF choice a call's menu recorded on an inbound message ("1" = connect me, ...), if any. */
final class Dtmf {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Dtmf() {
    }

    /** {@code attributes} is the inbound record's attribute map as JSON, or null. */
    static String choice(String attributes) {
        if (attributes == null) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(attributes).get("dtmf");
            return n == null || n.isNull() ? null : n.asText();
        } catch (Exception e) {
            return null;
        }
    }
}
