package vestnik.templates.lint;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One result of the publish checks.
 *
 * @param channel  the variant concerned ({@code sms}, {@code telegram}, …), or null for the whole template
 * @param blocking true when the template must not be published with it; false for a warning
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(FindingCode code, String channel, String message, boolean blocking) {

    static Finding blocking(FindingCode code, String channel, String message) {
        return new Finding(code, channel, message, true);
    }

    static Finding warning(FindingCode code, String channel, String message) {
        return new Finding(code, channel, message, false);
    }
}
