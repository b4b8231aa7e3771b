package vestnik.templates.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a marketer edits and what a version freezes: the body of {@code PUT /v1/templates/{key}}, e.g.
 * {@code {"variables":{"creditor":"string","amount":"money"},"channels":{"sms":{"text":"…"}}}}.
 *
 * @param description free text for people, never sent
 * @param variables   declared variables by name, in declaration order
 * @param channels    the per-channel variants
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TemplateContent(String description, Map<String, VariableSpec> variables, Variants channels) {

    @JsonCreator
    public TemplateContent(
            @JsonProperty("description") String description,
            @JsonProperty("variables") Map<String, VariableSpec> variables,
            @JsonProperty("channels") Variants channels) {
        this.description = description;
        this.variables = variables == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        this.channels = channels == null ? Variants.none() : channels;
    }

    public TemplateContent(Map<String, VariableSpec> variables, Variants channels) {
        this(null, variables, channels);
    }
}
