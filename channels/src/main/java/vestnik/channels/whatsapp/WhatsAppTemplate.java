package vestnik.channels.whatsapp;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import vestnik.channels.spi.ChannelPayload;

/**
 * An approved WhatsApp message template, the only content Meta delivers outside the 24-hour
 * customer-service window. It is the job's {@code whatsappTemplate: {name, language, components}}; the
 * parameters must match the approved template in number and order (Meta answers 132000 otherwise).
 *
 * @param name       the template's name as approved, e.g. {@code payment_reminder}
 * @param language   the approved language code, e.g. {@code ru}
 * @param components the variable parts, usually one {@code body} with text parameters; may be empty
 */
public record WhatsAppTemplate(String name, String language, List<Component> components) implements ChannelPayload {

    public WhatsAppTemplate {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a WhatsApp template needs its name");
        }
        if (language == null || language.isBlank()) {
            throw new IllegalArgumentException("a WhatsApp template needs its language code");
        }
        components = components == null ? List.of() : List.copyOf(components);
    }

    /** The common case: a template whose body takes text parameters, in order. */
    public static WhatsAppTemplate body(String name, String language, String... texts) {
        List<Parameter> parameters = Arrays.stream(texts).map(Parameter::text).toList();
        return new WhatsAppTemplate(name, language, List.of(new Component("body", null, null, parameters)));
    }

    /**
     * One variable part of a template: {@code header}, {@code body}, or a {@code button} (then with its
     * {@code subType}, e.g. {@code quick_reply} or {@code url}, and its 0-based {@code index}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Component(
            String type,
            @JsonProperty("sub_type") String subType,
            String index,
            List<Parameter> parameters) {

        public Component {
            Objects.requireNonNull(type, "a template component needs its type");
            parameters = parameters == null ? List.of() : List.copyOf(parameters);
        }
    }

    /**
     * A value put into a template: {@code text} for body, header and URL-button texts, {@code payload} for a
     * quick-reply button. Media and currency parameters are not supported here.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Parameter(String type, String text, String payload) {

        public Parameter {
            Objects.requireNonNull(type, "a template parameter needs its type");
        }

        public static Parameter text(String text) {
            return new Parameter("text", text, null);
        }

        public static Parameter payload(String payload) {
            return new Parameter("payload", null, payload);
        }
    }
}
