package vestnik.templates.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a template variable holds; it decides how an input value is checked and how it is printed
 * (money as {@code 1 234,56 ₽}, dates as {@code 25 ноября 2026}, phones as {@code +7 916 123-45-67}).
 */
public enum VariableType {
    STRING,
    MONEY,
    DATE,
    PHONE,
    URL,
    /** Whole numbers such as a count of days; the {@code plural} filter takes them. */
    INTEGER;

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the known types when {@code name} is none of them */
    @JsonCreator
    public static VariableType fromJsonName(String name) {
        return Arrays.stream(values())
                .filter(t -> t.jsonName().equalsIgnoreCase(name == null ? "" : name.trim()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown variable type '" + name + "'; known: "
                        + Arrays.stream(values()).map(VariableType::jsonName).collect(Collectors.joining(", "))));
    }
}
