package vestnik.channels.telegram;

import java.util.regex.Pattern;

/**
 * Telegram ids as we keep them. A {@code message_id} is unique only inside its chat, so the provider id
 * we store is {@code <chat_id>:<message_id>}. Chat ids are int64 and may exceed 2^53: they stay strings
 * (or {@code long}) all the way and never pass through a double.
 */
final class TelegramIds {

    private static final Pattern NUMERIC_CHAT = Pattern.compile("-?\\d{1,19}");
    private static final Pattern CHANNEL_USERNAME = Pattern.compile("@[A-Za-z][A-Za-z0-9_]{3,31}");
    private static final Pattern PROVIDER_ID = Pattern.compile("(-?\\d{1,19}):(\\d{1,19})(:.*)?");

    private TelegramIds() {
    }

    /** A chat the Bot API can address: a numeric chat id (fitting a long) or a public {@code @channel}. */
    static boolean isChatId(String chat) {
        if (chat == null) {
            return false;
        }
        if (CHANNEL_USERNAME.matcher(chat).matches()) {
            return true;
        }
        if (!NUMERIC_CHAT.matcher(chat).matches()) {
            return false;
        }
        try {
            Long.parseLong(chat);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static String providerId(String chatId, String messageId) {
        return chatId + ":" + messageId;
    }

    /** The {@code message_id} part of a provider id, or null when it is not one of ours. */
    static String messageId(String providerId) {
        if (providerId == null) {
            return null;
        }
        var m = PROVIDER_ID.matcher(providerId);
        return m.matches() ? m.group(2) : null;
    }
}
