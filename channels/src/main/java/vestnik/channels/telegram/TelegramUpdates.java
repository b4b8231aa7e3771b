package vestnik.channels.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vestnik.channels.common.JsonHttp;
import vestnik.channels.spi.InboundEvent;
import vestnik.channels.spi.InboundEvent.InboundMessage;
import vestnik.channels.spi.InboundEvent.LinkRequest;
import vestnik.channels.spi.InboundEvent.OptOut;
import vestnik.channels.spi.Sender;

/**
 * Reads one Telegram {@code Update} into our events; pure, no I/O.
 *
 * <ul>
 *   <li>Only private chats count: a debtor talks to the bot one to one, and a group must never be bound to
 *       a contact or fill the inbox. Updates from other chats are acknowledged and dropped.</li>
 *   <li>{@code /start <token>} (a deep link {@code t.me/<bot>?start=<token>}) is a {@link LinkRequest}; a bare
 *       {@code /start} is an ordinary inbound message, so the inbox sees that someone opened the bot.</li>
 *   <li>A shared contact links by phone only when {@code contact.user_id == from.id}: anyone can forward a
 *       stranger's contact card. Someone else's card is an inbound message with the phone in attributes.</li>
 *   <li>An edited message is stored as a new inbound message with {@code edited=true} and
 *       {@code originalProviderMessageId}: an agent should see that "I'll pay tomorrow" became "next week".
 *       Its provider id gets {@code :edited:<edit_date>} so that it is not taken for a redelivery of the
 *       original, while a redelivery of the same edit still collapses onto one key.</li>
 *   <li>{@code my_chat_member} with the bot's new status {@code kicked} means the user blocked the bot: an
 *       {@link OptOut}. Unblocking is not an opt-in; the user comes back through {@code /start}.</li>
 *   <li>An inline button press ({@code callback_query}) is an inbound message whose text and {@code callback}
 *       attribute are the button's data, in reply to the message that carried the button.</li>
 * </ul>
 * Provider ids are {@code <chat_id>:<message_id>}, so a redelivered update (same {@code update_id}) yields
 * the same events with the same dedup keys.
 */
final class TelegramUpdates {

    private static final Pattern START = Pattern.compile("^/start(?:@\\w+)?(?:\\s+(\\S+))?\\s*$");
    /** Telegram's alphabet for deep-link start parameters. */
    private static final Pattern START_TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final List<String> ATTACHMENT_KINDS = List.of(
            "photo", "document", "voice", "audio", "video", "video_note", "animation", "sticker", "location", "venue");

    private final String channelId;
    private final String botUsername;
    private final Clock clock;

    /** @param clock stamps button presses, which carry no time of their own */
    TelegramUpdates(String channelId, String botUsername, Clock clock) {
        this.channelId = channelId;
        this.botUsername = botUsername;
        this.clock = clock;
    }

    List<InboundEvent> parse(JsonNode update) {
        if (update.hasNonNull("message")) {
            return message(update.get("message"), false);
        }
        if (update.hasNonNull("edited_message")) {
            return message(update.get("edited_message"), true);
        }
        if (update.hasNonNull("callback_query")) {
            return callback(update.get("callback_query"));
        }
        if (update.hasNonNull("my_chat_member")) {
            return memberChange(update.get("my_chat_member"));
        }
        return List.of();
    }

    static boolean isStartToken(String token) {
        return token != null && START_TOKEN.matcher(token).matches();
    }

    /**
     * The answer to put in the webhook response for a button press: Telegram runs a method returned in the
     * webhook reply, which stops the button's spinner without a call of our own.
     */
    static Optional<String> callbackAnswer(JsonNode update) {
        JsonNode id = update.path("callback_query").path("id");
        if (!id.isTextual()) {
            return Optional.empty();
        }
        ObjectNode answer = JsonHttp.MAPPER.createObjectNode();
        answer.put("method", "answerCallbackQuery");
        answer.put("callback_query_id", id.asText());
        return Optional.of(answer.toString());
    }

    private List<InboundEvent> message(JsonNode m, boolean edited) {
        JsonNode chat = m.path("chat");
        if (!"private".equals(chat.path("type").asText()) || !chat.path("id").isIntegralNumber()
                || !m.path("message_id").isIntegralNumber() || m.path("from").path("is_bot").asBoolean(false)) {
            return List.of();
        }
        String chatId = chat.path("id").asText();
        Sender sender = new Sender(null, null, chatId, displayName(m.path("from").isMissingNode() ? chat : m.path("from")));
        Instant at = Instant.ofEpochSecond(m.path(edited ? "edit_date" : "date").asLong(m.path("date").asLong()));
        String text = m.hasNonNull("text") ? m.get("text").asText() : m.path("caption").asText("");

        if (!edited) {
            Matcher start = START.matcher(text);
            if (start.matches() && start.group(1) != null && START_TOKEN.matcher(start.group(1)).matches()) {
                return List.of(new LinkRequest(channelId, sender, start.group(1), null, at));
            }
        }

        Map<String, String> attributes = new LinkedHashMap<>();
        JsonNode contact = m.path("contact");
        if (contact.isObject()) {
            String phone = e164(contact.path("phone_number").asText(""));
            boolean own = contact.path("user_id").isIntegralNumber()
                    && contact.path("user_id").asText().equals(m.path("from").path("id").asText());
            if (!edited && own && phone != null) {
                Sender withPhone = new Sender(phone, null, chatId, sender.displayName());
                return List.of(new LinkRequest(channelId, withPhone, null, phone, at));
            }
            attributes.put("attachment", "contact");
            if (phone != null) {
                attributes.put("contactPhone", phone);
            }
            String name = displayName(contact);
            if (name != null) {
                attributes.put("contactName", name);
            }
        }
        for (String kind : ATTACHMENT_KINDS) {
            if (m.has(kind)) {
                attributes.put("attachment", kind);
                break;
            }
        }
        if (text.isEmpty() && attributes.isEmpty()) {
            return List.of(); // service messages (pins, joins) carry nothing for the inbox
        }

        String providerId = TelegramIds.providerId(chatId, m.path("message_id").asText());
        if (edited) {
            attributes.put("edited", "true");
            attributes.put("originalProviderMessageId", providerId);
            providerId = providerId + ":edited:" + m.path("edit_date").asText(m.path("date").asText());
        }
        JsonNode replied = m.path("reply_to_message").path("message_id");
        String inReplyTo = replied.isIntegralNumber() ? TelegramIds.providerId(chatId, replied.asText()) : null;
        return List.of(new InboundMessage(channelId, providerId, sender, botUsername, text, at, inReplyTo, null, attributes));
    }

    private List<InboundEvent> callback(JsonNode q) {
        JsonNode message = q.path("message");
        JsonNode chat = message.path("chat");
        if (!q.path("id").isTextual() || !q.path("data").isTextual()
                || (chat.isObject() && !"private".equals(chat.path("type").asText()))) {
            return List.of();
        }
        String chatId = chat.path("id").isIntegralNumber() ? chat.path("id").asText() : q.path("from").path("id").asText();
        Sender sender = new Sender(null, null, chatId, displayName(q.path("from")));
        String data = q.get("data").asText();
        String inReplyTo = message.path("message_id").isIntegralNumber()
                ? TelegramIds.providerId(chatId, message.path("message_id").asText()) : null;
        return List.of(new InboundMessage(channelId, q.get("id").asText(), sender, botUsername, data, clock.instant(),
                inReplyTo, null,
                Map.of("callback", data)));
    }

    private List<InboundEvent> memberChange(JsonNode change) {
        JsonNode chat = change.path("chat");
        if (!"private".equals(chat.path("type").asText()) || !chat.path("id").isIntegralNumber()
                || !"kicked".equals(change.path("new_chat_member").path("status").asText())) {
            return List.of();
        }
        Sender who = new Sender(null, null, chat.path("id").asText(), displayName(change.path("from")));
        return List.of(new OptOut(channelId, who, "bot_blocked", Instant.ofEpochSecond(change.path("date").asLong())));
    }

    private static String displayName(JsonNode person) {
        String first = person.path("first_name").asText("").trim();
        String last = person.path("last_name").asText("").trim();
        String name = (first + " " + last).trim();
        return name.isEmpty() ? null : name;
    }

    /**
     * Telegram does not normalise {@code phone_number}: it comes with and without '+', sometimes with
     * spaces. The digits are the international number; null when they cannot be one.
     */
    static String e164(String raw) {
        String digits = raw.replaceAll("[\\s()+.-]", "");
        if (!digits.matches("[1-9]\\d{7,14}")) {
            return null;
        }
        return "+" + digits;
    }
}
