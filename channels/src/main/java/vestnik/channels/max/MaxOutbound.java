package vestnik.channels.max;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vestnik.channels.common.JsonHttp;
import vestnik.channels.spi.OutboundMessage;

/**
 * The MAX request bodies we send and the ids we read back: pure functions, tested against the fixtures.
 * A recipient is a MAX {@code user_id} (what a bound debtor is), or {@code chat:<chat_id>} for a chat; both
 * are int64 and stay strings, never a double.
 */
final class MaxOutbound {

    /** The update types the subscription asks for; each is read by {@link MaxUpdates}. */
    static final List<String> UPDATE_TYPES = List.of(
            "message_created", "message_edited", "message_callback", "bot_started", "bot_stopped", "bot_removed");

    private static final Pattern USER = Pattern.compile("\\d{1,19}");
    private static final Pattern CHAT = Pattern.compile("chat:(-?\\d{1,19})");

    private MaxOutbound() {
    }

    /** {@code user_id=<id>} or {@code chat_id=<id>} for the send URL, or null when it is neither. */
    static String recipientQuery(String channelUserId) {
        if (channelUserId == null) {
            return null;
        }
        Matcher chat = CHAT.matcher(channelUserId);
        String id;
        String param;
        if (chat.matches()) {
            id = chat.group(1);
            param = "chat_id=";
        } else if (USER.matcher(channelUserId).matches()) {
            id = channelUserId;
            param = "user_id=";
        } else {
            return null;
        }
        try {
            Long.parseLong(id);
        } catch (NumberFormatException e) {
            return null;
        }
        return param + id;
    }

    /** The NewMessageBody of {@code POST /messages}. */
    static ObjectNode newMessage(OutboundMessage message) {
        ObjectNode body = JsonHttp.MAPPER.createObjectNode();
        body.put("text", message.text());
        if (message.payload() instanceof MaxPayload p) {
            if (p.format() != null) {
                body.put("format", p.format().wire());
            }
            if (p.silent() != null) {
                body.put("notify", !p.silent());
            }
            if (p.replyTo() != null) {
                body.putObject("link").put("type", "reply").put("mid", p.replyTo());
            }
            if (!p.buttons().isEmpty()) {
                ObjectNode keyboard = body.putArray("attachments").addObject();
                keyboard.put("type", "inline_keyboard");
                ArrayNode rows = keyboard.putObject("payload").putArray("buttons");
                for (List<MaxPayload.Button> row : p.buttons()) {
                    ArrayNode r = rows.addArray();
                    for (MaxPayload.Button b : row) {
                        ObjectNode button = r.addObject();
                        if (b.url() != null) {
                            button.put("type", "link").put("text", b.text()).put("url", b.url());
                        } else {
                            button.put("type", "callback").put("text", b.text()).put("payload", b.callbackPayload());
                        }
                    }
                }
            }
        }
        return body;
    }

    /** The {@code mid} of the sent message, or null when the answer is not a sent message. */
    static String acceptedId(JsonNode body) {
        JsonNode mid = body == null ? null : body.path("message").path("body").path("mid");
        return mid != null && mid.isTextual() && !mid.asText().isBlank() ? mid.asText() : null;
    }

    static ObjectNode subscription(String url, String secret) {
        ObjectNode body = JsonHttp.MAPPER.createObjectNode();
        body.put("url", url);
        ArrayNode types = body.putArray("update_types");
        UPDATE_TYPES.forEach(types::add);
        body.put("secret", secret);
        return body;
    }
}
