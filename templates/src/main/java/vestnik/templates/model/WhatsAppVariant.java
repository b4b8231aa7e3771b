package vestnik.templates.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A template approved by Meta: business-initiated WhatsApp messages may only be such templates, so the text
 * lives at Meta and we only map our variables onto its body parameters {@code {{1}}, {{2}}, …} in order.
 *
 * @param name       the approved template's name
 * @param language   its language code, e.g. {@code ru}
 * @param parameters variable names, in the order of the body parameters
 * @param body       the approved body text with {@code {{1}}}-style placeholders, as registered at Meta; optional,
 *                   kept so that preview shows the real text and lint can check it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WhatsAppVariant(String name, String language, List<String> parameters, String body)
        implements ChannelVariant {

    @JsonCreator
    public WhatsAppVariant(
            @JsonProperty("name") String name,
            @JsonProperty("language") String language,
            @JsonProperty("parameters") List<String> parameters,
            @JsonProperty("body") String body) {
        this.name = name;
        this.language = language;
        this.parameters = parameters == null ? List.of() : List.copyOf(parameters);
        this.body = body;
    }

    @JsonIgnore
    @Override
    public VariantKind kind() {
        return VariantKind.WHATSAPP;
    }
}
