package vestnik.templates.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Telegram, Viber or MAX: a text template and optional buttons. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record MessengerVariant(String text, List<MessengerButton> buttons) implements ChannelVariant {

    @JsonCreator
    public MessengerVariant(@JsonProperty("text") String text, @JsonProperty("buttons") List<MessengerButton> buttons) {
        this.text = text;
        this.buttons = buttons == null ? List.of() : List.copyOf(buttons);
    }

    public static MessengerVariant text(String text) {
        return new MessengerVariant(text, List.of());
    }

    @JsonIgnore
    @Override
    public VariantKind kind() {
        return VariantKind.MESSENGER;
    }
}
