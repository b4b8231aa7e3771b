package vestnik.gateway.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vestnik.channels.spi.ChannelPayload;
import vestnik.channels.spi.ChannelType;
import vestnik.channels.ari.IvrScript;
import vestnik.channels.email.EmailContent;
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

    /** Validates a job's {@code email} ({@code subject}, {@code html}) and answers the JSON to store. */
    static String checkEmail(JsonNode node) {
        if (!node.isObject()) {
            throw new ApiError(ErrorCode.INVALID_CONTENT, "email must be {\"subject\",\"html\"?}");
        }
        JsonNode subject = node.get("subject");
        JsonNode html = node.get("html");
        if (subject != null && !subject.isNull() && (!subject.isTextual() || subject.asText().length() > 998)) {
            throw new ApiError(ErrorCode.INVALID_CONTENT, "email.subject must be a string of at most 998 characters");
        }
        if (html != null && !html.isNull() && !html.isTextual()) {
            throw new ApiError(ErrorCode.INVALID_CONTENT, "email.html must be a string");
        }
        node.fieldNames().forEachRemaining(n -> {
            if (!n.equals("subject") && !n.equals("html")) {
                throw new ApiError(ErrorCode.UNKNOWN_FIELD, "unknown field 'email." + n + "'");
            }
        });
        return node.toString();
    }

    /** Validates a job's {@code ivr} call script and answers the JSON to store. */
    static String checkIvr(JsonNode node) {
        try {
            IvrScript.fromJson(node);
            return node.toString();
        } catch (RuntimeException e) {
            throw new ApiError(ErrorCode.INVALID_CONTENT, "ivr is not a valid call script: " + rootMessage(e));
        }
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
            return switch (type) {
                case WHATSAPP -> JSON.readValue(json, WhatsAppTemplate.class);
                case EMAIL -> {
                    JsonNode n = JSON.readTree(json);
                    yield new EmailContent(n.hasNonNull("subject") ? n.get("subject").asText() : null,
                            n.hasNonNull("html") ? n.get("html").asText() : null, null);
                }
                case ARI -> IvrScript.fromJson(JSON.readTree(json));
                default -> null;
            };
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
