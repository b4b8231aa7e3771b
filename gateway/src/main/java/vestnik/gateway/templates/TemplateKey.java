package vestnik.gateway.templates;

import java.util.regex.Pattern;
import vestnik.gateway.api.ApiError;
import vestnik.gateway.api.ErrorCode;

/**
 * A template's key as callers write it ({@code debt-reminder-soft}): lower-case letters, digits, {@code -} and
 * {@code _}, at most 64. One spelling per template, so {@code Debt-Soft} and {@code debt-soft} cannot become two
 * templates that a job picks between by accident; the key also goes into a Redis key name unescaped.
 */
public final class TemplateKey {

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private TemplateKey() {
    }

    /** @throws ApiError {@code invalid_template_key} naming the rule */
    public static String checked(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new ApiError(ErrorCode.INVALID_TEMPLATE_KEY, "'" + (key == null ? "" : key)
                    + "' is not a template key: use 1-64 lower-case letters, digits, '-' or '_', starting with a letter or digit");
        }
        return key;
    }
}
