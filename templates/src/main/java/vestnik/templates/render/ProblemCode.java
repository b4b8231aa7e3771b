package vestnik.templates.render;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Why a template could not be rendered with the given values. */
public enum ProblemCode {
    /** a declared variable has no value (and the tenant's settings do not supply one) */
    MISSING_VARIABLE,
    /** a variable the template does not declare: given as input, or used in a text */
    UNKNOWN_VARIABLE,
    /** a value that does not fit the declared type (a money amount that is not a number, a bad date…) */
    INVALID_VALUE,
    /** the template text is not valid Pebble */
    TEMPLATE_SYNTAX,
    /** {@code {{ amount.foo }}}: the value has no such attribute */
    UNKNOWN_ATTRIBUTE,
    /** a filter was given something it cannot format ({@code {{ creditor | money }}}) */
    FILTER_INPUT,
    /** any other failure while evaluating the template */
    RENDER_FAILED,
    /** the template has no variant for the channel asked for */
    NO_VARIANT;

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
