package vestnik.channels.max;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Locale;
import vestnik.channels.spi.ErrorClass;
import vestnik.channels.spi.FailureCodes;
import vestnik.channels.spi.SendResult.Failed;

/**
 * Turns a MAX Bot API refusal ({@code {"code":"...","message":"..."}} with HTTP 400/401/403/404/405/429/503)
 * into a typed failure. The codes are dotted strings; the one that matters most, a user who stopped or
 * blocked the bot, comes as 403 {@code chat.denied} with {@code error.dialog.suspended} in the message.
 *
 * <p>As for Telegram, a refusal of the content is {@link ErrorClass#PERMANENT_RECIPIENT} with
 * {@link FailureCodes#INVALID_CONTENT}: not retried, and not mistaken for a broken token.
 */
public final class MaxErrors {

    private MaxErrors() {
    }

    /**
     * @param body       the parsed error body, or null
     * @param retryAfter the {@code Retry-After} header, or null; MAX documents no retry hint of its own
     */
    public static Failed classify(int httpStatus, JsonNode body, Duration retryAfter) {
        String code = body == null ? "" : body.path("code").asText("");
        String text = body == null ? "" : body.path("message").asText("");
        String both = (code + " " + text).toLowerCase(Locale.ROOT);
        String providerCode = code.isEmpty() ? String.valueOf(httpStatus) : code;
        String message = text.isEmpty() ? (code.isEmpty() ? "HTTP " + httpStatus : code) : withoutIds(text);

        if (httpStatus == 429 || both.contains("too.many.requests")) {
            return new Failed(ErrorClass.RATE_LIMITED, FailureCodes.THROTTLED, providerCode, message, retryAfter);
        }
        if (httpStatus == 401 || both.contains("verify.token")) {
            return failed(ErrorClass.PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION, providerCode, message);
        }
        if (both.contains("dialog.suspended") || both.contains("bot.blocked") || both.contains("user.blocked")) {
            return failed(ErrorClass.PERMANENT_RECIPIENT, FailureCodes.RECIPIENT_OPTED_OUT, providerCode, message);
        }
        if (httpStatus == 403 || httpStatus == 404 || both.contains("not.found") || both.contains("notfound")) {
            return failed(ErrorClass.PERMANENT_RECIPIENT, FailureCodes.INVALID_RECIPIENT, providerCode, message);
        }
        if (httpStatus == 400) {
            if (both.contains("attachment.not.ready")) {
                return new Failed(ErrorClass.TRANSIENT, FailureCodes.PROVIDER_ERROR, providerCode, message, retryAfter);
            }
            if (both.contains("text") || both.contains("length") || both.contains("too long") || both.contains("format")
                    || both.contains("button") || both.contains("keyboard")) {
                return failed(ErrorClass.PERMANENT_RECIPIENT, FailureCodes.INVALID_CONTENT, providerCode, message);
            }
            return failed(ErrorClass.PERMANENT_RECIPIENT, FailureCodes.REJECTED_BY_PROVIDER, providerCode, message);
        }
        if (httpStatus == 405) {
            // a method the API does not have at this URL: our baseUrl is wrong
            return failed(ErrorClass.PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION, providerCode, message);
        }
        if (httpStatus >= 500) {
            return new Failed(ErrorClass.TRANSIENT, FailureCodes.PROVIDER_ERROR, providerCode, message, retryAfter);
        }
        if (httpStatus >= 200 && httpStatus < 300) {
            // a 2xx without a message id: MAX may or may not have the message
            return failed(ErrorClass.TRANSIENT, FailureCodes.PROVIDER_ERROR, providerCode,
                    "MAX answered " + httpStatus + " without a sent message");
        }
        return failed(ErrorClass.PERMANENT_RECIPIENT, FailureCodes.REJECTED_BY_PROVIDER, providerCode, message);
    }

    /** No answer at all (refused, reset, timed out): the same message may be sent again. */
    public static Failed unreachable(Throwable cause) {
        String what = cause == null || cause.getMessage() == null ? "no answer" : withoutIds(cause.getMessage());
        return failed(ErrorClass.TRANSIENT, FailureCodes.PROVIDER_UNAVAILABLE, null, "MAX unreachable: " + what);
    }

    /** Provider texts sometimes quote the user's id ("args: [228532008,]"); ids are personal data. */
    static String withoutIds(String text) {
        return text.replaceAll("\\d{5,}", "***");
    }

    private static Failed failed(ErrorClass errorClass, String code, String providerCode, String message) {
        return new Failed(errorClass, code, providerCode, message, null);
    }
}
