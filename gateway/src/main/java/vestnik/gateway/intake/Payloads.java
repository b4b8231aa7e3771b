package vestnik.gateway.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vestnik.channels.spi.ChannelPayload;
import vestnik.channels.spi.ChannelType;
import vestnik.channels.whatsapp.WhatsAppTemplate;
import vestnik.gateway.api.ApiError;
import vestnik.gateway.api.ErrorCode;

/**
 * Channel-specific content carried by a job, stored as the JSON the caller sent and turned into the
 * channel's payload record when the message is sent.
 */
public final class Payloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Payloads() {
    }

    /** Validates a job's {@code whatsappTemplate} and answers the JSON to store. */
    static String checkWhatsAppTemplate(JsonNode node) {
        try {
            JSON.treeToValue(node, WhatsAppTemplate.class);
            return node.toString();
        } catch (Exception e) {
            throw new ApiError(ErrorCode.INVALID_CONTENT,
                    "whatsappTemplate must be {\"name\",\"language\",\"components\"?} as approved at Meta: " + rootMessage(e));
        }
    }

    /** The payload a channel of {@code type} reads from the stored JSON, or null. */
    public static ChannelPayload forChannel(ChannelType type, String json) {
        if (json == null || json.isEmpty()) {
            return null;
        }
        try {
            if (type == ChannelType.WHATSAPP) {
                return JSON.readValue(json, WhatsAppTemplate.class);
            }
            return null;
        } catch (Exception e) {
            throw new IllegalStateException("stored payload unreadable for " + type, e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.split("\n")[0];
    }
}
