package vestnik.channels.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Locale;
import vestnik.channels.spi.ErrorClass;
import vestnik.channels.spi.FailureCodes;
import vestnik.channels.spi.SendResult.Failed;

/**
 * Turns a Bot API refusal into a typed failure. Telegram says its error codes "are subject to change",
 * so the decision is made on the code and the description together, matching the description strings
 * that public adapters have relied on for years (see channel-contracts.md §2).
 *
 * <p>A refusal of the content itself (too long, unparsable entities) is classed
 * {@link ErrorClass#PERMANENT_RECIPIENT} with {@link FailureCodes#INVALID_CONTENT}: it must not be
 * retried, and it says nothing about the bot's token, so it must not look like a configuration fault
 * that would stop the whole channel.
 */
public final class TelegramErrors {

    private TelegramErrors() {
    }

    /** Classifies a non-successful answer; {@code body} is the parsed {@code {"ok":false,...}} envelope or null. */
    public static Failed classify(int httpStatus, JsonNode body) {
        int code = body != null && body.path("error_code").isInt() ? body.path("error_code").asInt() : httpStatus;
        String description = body == null ? "" : body.path("description").asText("");
        String d = description.toLowerCase(Locale.ROOT);
        String providerCode = String.valueOf(code);
        String message = description.isEmpty() ? "HTTP " + httpStatus : withoutIds(description);

        if (code == 429) {
            JsonNode retry = body == null ? null : body.path("parameters").path("retry_after");
            Duration after = retry != null && retry.canConvertToLong() && retry.asLong() >= 0
                    ? Duration.ofSeconds(retry.asLong()) : null;
            return new Failed(ErrorClass.RATE_LIMITED, FailureCodes.THROTTLED, providerCode, message, after);
        }
        if (code == 403) {
            if (d.contains("bot was blocked by the user") || d.contains("user is deactivated")
                    || d.contains("bot was kicked")) {
                return failed(ErrorClass.PERMANENT_RECIPIENT, FailureCodes.RECIPIENT_OPTED_OUT, providerCode, message);
            }
            // "bot can't initiate conversation with a user", "bot is not a member of the channel chat"
            return failed(ErrorClass.PERMANENT_RECIPIENT, FailureCodes.INVALID_RECIPIENT, providerCode, message);
        }
        if (code == 400) {
            if (d.contains("chat not found") || d.contains("user not found") || d.contains("peer_id_invalid")
                    || d.contains("upgraded to a supergroup") || d.contains("migrated to a supergroup")) {
                return failed(ErrorClass.PERMANENT_RECIPIENT, FailureCodes.INVALID_RECIPIENT, providerCode, message);
            }
            if (d.contains("message is too long") || d.contains("can't parse entities")
                    || d.contains("text must be non-empty") || d.contains("message text is empty")
                    || d.contains("button") || d.contains("reply markup")) {
                return failed(ErrorClass.PERMANENT_RECIPIENT, FailureCodes.INVALID_CONTENT, providerCode, message);
            }
            return failed(ErrorClass.PERMANENT_RECIPIENT, FailureCodes.REJECTED_BY_PROVIDER, providerCode, message);
        }
        if (code == 401 || code == 404) {
            // 404 is what the Bot API answers for a token it cannot even route
            return failed(ErrorClass.PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION, providerCode, message);
        }
        if (httpStatus >= 500 || code >= 500) {
            return failed(ErrorClass.TRANSIENT, FailureCodes.PROVIDER_ERROR, providerCode, message);
        }
        if (httpStatus >= 200 && httpStatus < 300) {
            // a 2xx that is not a well-formed success: Telegram may or may not have the message
            return failed(ErrorClass.TRANSIENT, FailureCodes.PROVIDER_ERROR, providerCode,
                    "Telegram answered " + httpStatus + " without a sent message");
        }
        return failed(ErrorClass.PERMANENT_RECIPIENT, FailureCodes.REJECTED_BY_PROVIDER, providerCode, message);
    }

    /** No answer at all (refused, reset, timed out): the same message may be sent again. */
    public static Failed unreachable(Throwable cause) {
        String what = cause == null || cause.getMessage() == null ? "no answer" : withoutIds(cause.getMessage());
        return failed(ErrorClass.TRANSIENT, FailureCodes.PROVIDER_UNAVAILABLE, null, "Telegram unreachable: " + what);
    }

    /** Provider texts sometimes quote the user's id ("args: [228532008,]"); ids are personal data. */
    private static String withoutIds(String text) {
        return text.replaceAll("\\d{5,}", "***");
    }

    private static Failed failed(ErrorClass errorClass, String code, String providerCode, String message) {
        return new Failed(errorClass, code, providerCode, message, null);
    }
}
