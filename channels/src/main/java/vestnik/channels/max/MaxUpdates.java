package vestnik.channels.max;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vestnik.channels.spi.InboundEvent;
import vestnik.channels.spi.InboundEvent.InboundMessage;
import vestnik.channels.spi.InboundEvent.LinkRequest;
import vestnik.channels.spi.InboundEvent.OptOut;
import vestnik.channels.spi.Sender;

/**
 * Reads one MAX {@code Update} into our events; pure, no I/O. Timestamps are Unix milliseconds.
 *
 * <ul>
 *   <li>Only dialogs ({@code recipient.chat_type == dialog}) count: a debtor talks to the bot one to one, and
 *       a group chat must never fill the inbox. Other messages are acknowledged and dropped.</li>
 *   <li>{@code message_created} is an inbound message; its provider id is {@code body.mid}, so a redelivered
 *       update collapses onto one dedup key. {@code link.type == reply} names the message it answers.</li>
 *   <li>{@code message_edited} is stored as a new inbound message with {@code edited=true} and
 *       {@code originalProviderMessageId} (an agent should see that the answer changed); its provider id is
 *       {@code <mid>:edited:<timestamp>} so that it is not taken for a redelivery of the original.</li>
 *   <li>{@code message_callback} (an inline button press) is an inbound message whose text and
 *       {@code callback} attribute are the button's payload, keyed by {@code callback_id}, in reply to the
 *       message that carried the button.</li>
 *   <li>{@code bot_started} with a {@code payload} (the deep link {@code max.ru/<bot>?start=<token>}) is a
 *       {@link LinkRequest}; without one nobody can be bound and nothing is said, so it is dropped.</li>
 *   <li>{@code bot_stopped} and {@code bot_removed} are {@link OptOut}s of the user named in the update.</li>
 * </ul>
 * A contact shared as an attachment is kept as an inbound message with {@code attachment=contact}; it does
 * not link, because its vCard is not verified here.
 */
final class MaxUpdates {

    private static final int MAX_START_PAYLOAD = 128;

    private final String channelId;
    private final String botUsername;

    MaxUpdates(String channelId, String botUsername) {
        this.channelId = channelId;
        this.botUsername = botUsername;
    }

    List<InboundEvent> parse(JsonNode update) {
        Instant at = Instant.ofEpochMilli(update.path("timestamp").asLong());
        return switch (update.path("update_type").asText("")) {
            case "message_created" -> message(update.path("message"), null);
            case "message_edited" -> message(update.path("message"), update.path("timestamp").asText());
            case "message_callback" -> callback(update);
            case "bot_started" -> started(update, at);
            case "bot_stopped", "bot_removed" -> optOut(update, at);
            default -> List.of();
        };
    }

    /** @param editedAt the edit's timestamp for {@code message_edited}, null for a new message */
    private List<InboundEvent> message(JsonNode m, String editedAt) {
        JsonNode sender = m.path("sender");
        JsonNode body = m.path("body");
        if (!"dialog".equals(m.path("recipient").path("chat_type").asText()) || sender.path("is_bot").asBoolean(false)
                || !sender.path("user_id").isIntegralNumber() || !body.path("mid").isTextual()) {
            return List.of();
        }
        String text = body.path("text").asText("");
        Map<String, String> attributes = new LinkedHashMap<>();
        Set<String> kinds = new LinkedHashSet<>();
        for (JsonNode attachment : body.path("attachments")) {
            String kind = attachment.path("type").asText("");
            if (!kind.isEmpty() && !kind.equals("inline_keyboard")) {
                kinds.add(kind);
            }
        }
        if (!kinds.isEmpty()) {
            attributes.put("attachment", String.join(",", kinds));
        }
        if (text.isEmpty() && attributes.isEmpty()) {
            return List.of();
        }
        JsonNode link = m.path("link");
        String inReplyTo = null;
        if ("reply".equals(link.path("type").asText()) && link.path("message").path("mid").isTextual()) {
            inReplyTo = link.path("message").path("mid").asText();
        } else if ("forward".equals(link.path("type").asText())) {
            attributes.put("forwarded", "true");
        }
        String providerId = body.path("mid").asText();
        Instant at = Instant.ofEpochMilli(m.path("timestamp").asLong());
        if (editedAt != null) {
            attributes.put("edited", "true");
            attributes.put("originalProviderMessageId", providerId);
            providerId = providerId + ":edited:" + editedAt;
            at = Instant.ofEpochMilli(Long.parseLong(editedAt));
        }
        return List.of(new InboundMessage(channelId, providerId, person(sender), botUsername, text, at, inReplyTo, null,
                attributes));
    }

    private List<InboundEvent> callback(JsonNode update) {
        JsonNode callback = update.path("callback");
        JsonNode user = callback.path("user");
        JsonNode chatType = update.path("message").path("recipient").path("chat_type");
        if (!callback.path("callback_id").isTextual() || !callback.path("payload").isTextual()
                || !user.path("user_id").isIntegralNumber() || (chatType.isTextual() && !"dialog".equals(chatType.asText()))) {
            return List.of();
        }
        String payload = callback.path("payload").asText();
        JsonNode mid = update.path("message").path("body").path("mid");
        long ts = callback.path("timestamp").asLong(update.path("timestamp").asLong());
        return List.of(new InboundMessage(channelId, callback.path("callback_id").asText(), person(user), botUsername,
                payload, Instant.ofEpochMilli(ts), mid.isTextual() ? mid.asText() : null, null, Map.of("callback", payload)));
    }

    private List<InboundEvent> started(JsonNode update, Instant at) {
        String payload = update.path("payload").asText("").trim();
        JsonNode user = update.path("user");
        if (payload.isEmpty() || payload.length() > MAX_START_PAYLOAD || !user.path("user_id").isIntegralNumber()) {
            return List.of();
        }
        return List.of(new LinkRequest(channelId, person(user), payload, null, at));
    }

    private List<InboundEvent> optOut(JsonNode update, Instant at) {
        JsonNode user = update.path("user");
        if (!user.path("user_id").isIntegralNumber()) {
            return List.of();
        }
        return List.of(new OptOut(channelId, person(user), update.path("update_type").asText(), at));
    }

    private static Sender person(JsonNode user) {
        String name = user.path("name").asText("").trim();
        if (name.isEmpty()) {
            name = (user.path("first_name").asText("") + " " + user.path("last_name").asText("")).trim();
        }
        return new Sender(null, null, user.path("user_id").asText(), name.isEmpty() ? null : name);
    }
}
