package vestnik.channels.max;

import java.util.List;
import vestnik.channels.spi.ChannelPayload;

/**
 * What a MAX message may carry besides its text: an inline keyboard, a quoted reply, a text format. Every
 * field is optional. MAX's keyboard limits are checked when the record is built, so that a bad job is
 * refused at intake rather than by the API later.
 *
 * @param buttons rows of inline buttons, each a link or a callback (a press comes back as an inbound
 *                message with the attribute {@code callback})
 * @param replyTo the {@code mid} of the message this one answers
 * @param format  how MAX should read markup in the text; null sends plain text
 * @param silent  true delivers without a notification ({@code notify: false}); null leaves MAX's default
 */
public record MaxPayload(List<List<Button>> buttons, String replyTo, Format format, Boolean silent)
        implements ChannelPayload {

    private static final int MAX_ROWS = 30;
    private static final int MAX_PER_ROW = 7;

    public enum Format {
        MARKDOWN("markdown"),
        HTML("html");

        private final String wire;

        Format(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    /** One inline button: exactly one of {@code url} and {@code callbackPayload}. */
    public record Button(String text, String url, String callbackPayload) {
        public Button {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("a MAX button needs a text");
            }
            if ((url == null) == (callbackPayload == null)) {
                throw new IllegalArgumentException("a MAX button has either a url or a callbackPayload");
            }
            if (url != null && url.length() > 2048) {
                throw new IllegalArgumentException("a MAX link button's url is at most 2048 characters");
            }
            if (callbackPayload != null && (callbackPayload.isEmpty() || callbackPayload.length() > 1024)) {
                throw new IllegalArgumentException("a MAX callbackPayload is 1-1024 characters");
            }
        }

        public static Button link(String text, String url) {
            return new Button(text, url, null);
        }

        public static Button callback(String text, String payload) {
            return new Button(text, null, payload);
        }
    }

    public MaxPayload {
        buttons = buttons == null ? List.of() : buttons.stream().map(List::copyOf).toList();
        if (buttons.size() > MAX_ROWS || buttons.stream().anyMatch(r -> r.isEmpty() || r.size() > MAX_PER_ROW)) {
            throw new IllegalArgumentException("a MAX keyboard has at most 30 rows of 1-7 buttons");
        }
        if (replyTo != null && replyTo.isBlank()) {
            throw new IllegalArgumentException("replyTo must be a MAX message id (mid)");
        }
    }

    public static MaxPayload buttons(List<List<Button>> rows) {
        return new MaxPayload(rows, null, null, null);
    }
}
