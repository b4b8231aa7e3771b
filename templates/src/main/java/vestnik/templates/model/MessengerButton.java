package vestnik.templates.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A button under a messenger message: either a link ({@code url}) or a reply the bot receives ({@code payload},
 * Telegram {@code callback_data}, MAX callback payload). Label and URL are templates (a personal payment link).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessengerButton(String text, String url, String payload) {

    public static MessengerButton link(String text, String url) {
        return new MessengerButton(text, url, null);
    }

    public static MessengerButton reply(String text, String payload) {
        return new MessengerButton(text, null, payload);
    }
}
