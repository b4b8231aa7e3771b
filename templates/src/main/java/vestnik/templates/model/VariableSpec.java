package vestnik.templates.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The declaration of one template variable (its name is the key in {@link TemplateContent#variables()}).
 * JSON accepts the short form {@code "amount": "money"} and the full form
 * {@code "amount": {"type": "money", "sample": "1234.50"}}.
 *
 * @param type   how values are checked and printed
 * @param role   what the variable means to the identification rule; null means "by conventional name"
 * @param sample an example value used by lint and preview; null means a built-in sample for the type
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VariableSpec(VariableType type, VariableRole role, String sample) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public VariableSpec(
            @JsonProperty("type") VariableType type,
            @JsonProperty("role") VariableRole role,
            @JsonProperty("sample") String sample) {
        this.type = Objects.requireNonNull(type, "variable type");
        this.role = role;
        this.sample = sample;
    }

    public static VariableSpec of(VariableType type) {
        return new VariableSpec(type, null, null);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static VariableSpec ofTypeName(String type) {
        return of(VariableType.fromJsonName(type));
    }

    public VariableSpec withSample(String newSample) {
        return new VariableSpec(type, role, newSample);
    }

    public VariableSpec withRole(VariableRole newRole) {
        return new VariableSpec(type, newRole, sample);
    }

    /** The declared role, or the one conventional for {@code name} ({@code creditor}, {@code phone}). */
    public VariableRole effectiveRole(String name) {
        return role != null ? role : VariableRole.conventionalFor(name);
    }
}
