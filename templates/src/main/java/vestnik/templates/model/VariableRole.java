package vestnik.templates.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * What a variable means to the law: since 2025-09-01 every collection message must name the creditor
 * (or its representative) and give a contact phone. A variable with one of these roles satisfies that
 * rule when the text uses it, and the tenant's settings fill it when a job does not.
 */
public enum VariableRole {
    NONE,
    CREDITOR,
    CONTACT_PHONE;

    private static final Set<String> CREDITOR_NAMES =
            Set.of("creditor", "creditor_name", "creditorname", "representative");
    private static final Set<String> CONTACT_PHONE_NAMES =
            Set.of("phone", "contact_phone", "contactphone", "creditor_phone", "creditorphone");

    /** The role a variable has when its declaration does not say: taken from conventional names. */
    public static VariableRole conventionalFor(String variableName) {
        String n = variableName == null ? "" : variableName.toLowerCase(Locale.ROOT);
        if (CREDITOR_NAMES.contains(n)) {
            return CREDITOR;
        }
        if (CONTACT_PHONE_NAMES.contains(n)) {
            return CONTACT_PHONE;
        }
        return NONE;
    }

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static VariableRole fromJsonName(String name) {
        return Arrays.stream(values())
                .filter(r -> r.jsonName().equalsIgnoreCase(name == null ? "" : name.trim()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown variable role '" + name
                        + "'; known: none, creditor, contact_phone"));
    }
}
