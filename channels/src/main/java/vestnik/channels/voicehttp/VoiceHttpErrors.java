package vestnik.channels.voicehttp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import vestnik.channels.spi.ErrorClass;
import vestnik.channels.spi.FailureCodes;
import vestnik.channels.spi.SendResult.Failed;

/**
 * Turns a refused {@code MakeVoiceMessage} into a typed failure, by HTTP status: the contract documents no
 * error codes of its own (§6.2), so the body's text is only carried along for people.
 *
 * <table>
 * <caption>status → class</caption>
 * <tr><td>401, 403</td><td>PERMANENT_CONFIG bad_configuration (the API key)</td></tr>
 * <tr><td>404</td><td>PERMANENT_CONFIG bad_configuration (a wrong baseUrl or an unknown serviceId)</td></tr>
 * <tr><td>429</td><td>RATE_LIMITED throttled, after Retry-After when given</td></tr>
 * <tr><td>5xx, 2xx without call_id</td><td>TRANSIENT provider_error</td></tr>
 * <tr><td>other 4xx</td><td>PERMANENT_RECIPIENT rejected_by_provider (this call's number or content)</td></tr>
 * </table>
 */
final class VoiceHttpErrors {

    private VoiceHttpErrors() {
    }

    static Failed classify(int status, JsonNode body, Duration retryAfter) {
        String said = said(body);
        String message = said.isEmpty() ? "voice API answered HTTP " + status : "voice API: " + withoutNumbers(said);
        String code = String.valueOf(status);
        if (status == 401 || status == 403 || status == 404) {
            return new Failed(ErrorClass.PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION, code, message, null);
        }
        if (status == 429) {
            return new Failed(ErrorClass.RATE_LIMITED, FailureCodes.THROTTLED, code, message, retryAfter);
        }
        if (status >= 500) {
            return new Failed(ErrorClass.TRANSIENT, FailureCodes.PROVIDER_ERROR, code, message, retryAfter);
        }
        if (status >= 200 && status < 300) {
            return new Failed(ErrorClass.TRANSIENT, FailureCodes.PROVIDER_ERROR, code,
                    "voice API answered " + status + " without a call_id", null);
        }
        return new Failed(ErrorClass.PERMANENT_RECIPIENT, FailureCodes.REJECTED_BY_PROVIDER, code, message, null);
    }

    static Failed unreachable(Throwable cause) {
        String what = cause == null || cause.getMessage() == null ? "no answer" : withoutNumbers(cause.getMessage());
        return new Failed(ErrorClass.TRANSIENT, FailureCodes.PROVIDER_UNAVAILABLE, null, "voice API unreachable: " + what, null);
    }

    /** Whatever text the body carries: {@code error.message}, {@code message}, {@code error} or {@code detail}. */
    private static String said(JsonNode body) {
        if (body == null) {
            return "";
        }
        for (JsonNode n : new JsonNode[] {body.path("error").path("message"), body.path("message"),
                body.path("error"), body.path("detail")}) {
            if (n.isTextual() && !n.asText().isBlank()) {
                return n.asText();
            }
        }
        return "";
    }

    /** A refusal may quote the destination number; numbers are personal data. */
    private static String withoutNumbers(String text) {
        return text.replaceAll("\\d{5,}", "***");
    }
}
