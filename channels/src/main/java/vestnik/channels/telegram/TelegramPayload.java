package vestnik.channels.telegram;

import java.nio.charset.StandardCharsets;
import java.util.List;
import vestnik.channels.spi.ChannelPayload;

/**
 * What a Telegram message may carry besides its text: an inline keyboard, a quoted reply, a parse mode.
 * Every field is optional. The record checks Telegram's limits when it is built, so that a bad job is
 * refused at intake rather than by the Bot API later.
 *
 * @param buttons   rows of inline buttons, each a link or a callback (the press comes back as an inbound
 *                  message with the attribute {@code callback})
 * @param replyTo   the provider id ({@code <chat_id>:<message_id>}) of the message this one answers
 * @param parseMode how Telegram should read markup in the text; null sends plain text, so that a
 *                  debtor's name with '<' or '_' never breaks a reminder
 * @param silent    true delivers without a sound; null leaves Telegram's default
 */
public record TelegramPayload(List<List<Button>> buttons, String replyTo, ParseMode parseMode, Boolean silent)
        implements ChannelPayload {

    public enum ParseMode {
        HTML("HTML"),
        MARKDOWN_V2("MarkdownV2");

        private final String wire;

        ParseMode(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    /** One inline button: exactly one of {@code url} and {@code callbackData}. */
    public record Button(String text, String url, String callbackData) {
        public Button {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("a Telegram button needs a text");
            }
            if ((url == null) == (callbackData == null)) {
                throw new IllegalArgumentException("a Telegram button has either a url or callbackData");
            }
            if (callbackData != null && (callbackData.isEmpty()
                    || callbackData.getBytes(StandardCharsets.UTF_8).length > 64)) {
                throw new IllegalArgumentException("Telegram callbackData is 1-64 bytes");
            }
        }

        public static Button link(String text, String url) {
            return new Button(text, url, null);
        }

        public static Button callback(String text, String data) {
            return new Button(text, null, data);
        }
    }

    public TelegramPayload {
        buttons = buttons == null ? List.of() : buttons.stream().map(List::copyOf).toList();
        if (buttons.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("a Telegram keyboard row needs at least one button");
        }
        if (replyTo != null && TelegramIds.messageId(replyTo) == null) {
            throw new IllegalArgumentException("replyTo must be a Telegram provider id <chat_id>:<message_id>");
        }
    }

    public static TelegramPayload buttons(List<List<Button>> rows) {
        return new TelegramPayload(rows, null, null, null);
    }
}
