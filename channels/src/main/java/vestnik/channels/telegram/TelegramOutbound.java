package vestnik.channels.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import vestnik.channels.common.JsonHttp;
import vestnik.channels.spi.OutboundMessage;

/** The Bot API request bodies we send and the ids we read back: pure functions, tested against the fixtures. */
final class TelegramOutbound {

    /**
     * The updates the bot asks for. {@code my_chat_member} is how Telegram says the user blocked the bot;
     * {@code callback_query} carries presses of inline buttons.
     */
    static final List<String> ALLOWED_UPDATES = List.of("message", "edited_message", "callback_query", "my_chat_member");
    static final int MAX_CONNECTIONS = 40;

    private TelegramOutbound() {
    }

    /**
     * The {@code sendMessage} body. A numeric chat id is written as a JSON integer from a {@code long}, so it
     * is exact; a reply to a message that has since been deleted is still sent, without the quote.
     */
    static ObjectNode sendMessage(String chatId, OutboundMessage message) {
        ObjectNode body = JsonHttp.MAPPER.createObjectNode();
        if (chatId.startsWith("@")) {
            body.put("chat_id", chatId);
        } else {
            body.put("chat_id", Long.parseLong(chatId));
        }
        body.put("text", message.text());
        if (message.payload() instanceof TelegramPayload p) {
            if (p.parseMode() != null) {
                body.put("parse_mode", p.parseMode().wire());
            }
            if (p.replyTo() != null) {
                ObjectNode reply = body.putObject("reply_parameters");
                reply.put("message_id", Long.parseLong(TelegramIds.messageId(p.replyTo())));
                reply.put("allow_sending_without_reply", true);
            }
            if (p.silent() != null) {
                body.put("disable_notification", p.silent());
            }
            if (!p.buttons().isEmpty()) {
                ArrayNode rows = body.putObject("reply_markup").putArray("inline_keyboard");
                for (List<TelegramPayload.Button> row : p.buttons()) {
                    ArrayNode r = rows.addArray();
                    for (TelegramPayload.Button b : row) {
                        ObjectNode button = r.addObject().put("text", b.text());
                        if (b.url() != null) {
                            button.put("url", b.url());
                        } else {
                            button.put("callback_data", b.callbackData());
                        }
                    }
                }
            }
        }
        return body;
    }

    /** {@code <chat_id>:<message_id>} of a successful {@code sendMessage}, or null when the answer is not one. */
    static String acceptedId(JsonNode body) {
        if (body == null || !body.path("ok").asBoolean(false)) {
            return null;
        }
        JsonNode result = body.path("result");
        JsonNode messageId = result.path("message_id");
        JsonNode chatId = result.path("chat").path("id");
        if (!messageId.isIntegralNumber() || !chatId.isIntegralNumber()) {
            return null;
        }
        return TelegramIds.providerId(chatId.asText(), messageId.asText());
    }

    static ObjectNode setWebhook(String url, String secret) {
        ObjectNode body = JsonHttp.MAPPER.createObjectNode();
        body.put("url", url);
        body.put("secret_token", secret);
        ArrayNode updates = body.putArray("allowed_updates");
        ALLOWED_UPDATES.forEach(updates::add);
        body.put("max_connections", MAX_CONNECTIONS);
        body.put("drop_pending_updates", false);
        return body;
    }
}
