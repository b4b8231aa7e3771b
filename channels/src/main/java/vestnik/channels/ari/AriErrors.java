package vestnik.channels.ari;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import vestnik.channels.spi.ErrorClass;
import vestnik.channels.spi.FailureCodes;
import vestnik.channels.spi.SendResult.Failed;

/**
 * Turns a refused originate ({@code POST /ari/channels}) into a typed failure. ARI answers 400 for
 * parameters it cannot use (an unknown technology in the endpoint, a bad caller id), 401/403 for our
 * credentials and 404/422 when the application or a resource is missing: all are ours to fix, never the
 * debtor's. A number Asterisk cannot reach is not refused here; it comes back later as a hangup cause.
 */
final class AriErrors {

    /** How soon to try again when every line is busy: a call lasts tens of seconds, so a few seconds is fair. */
    static final Duration LINES_BUSY_RETRY = Duration.ofSeconds(2);
    static final String LINES_BUSY = "ari_lines_busy";

    private AriErrors() {
    }

    static Failed classify(int status, JsonNode body) {
        String said = body == null ? "" : body.path("message").asText("");
        String message = said.isEmpty() ? "ARI answered HTTP " + status : "ARI: " + withoutNumbers(said);
        String code = String.valueOf(status);
        if (status == 429 || status == 503) {
            return new Failed(ErrorClass.RATE_LIMITED, FailureCodes.THROTTLED, code, message, null);
        }
        if (status == 409) {
            // the channel id we proposed exists: a new attempt proposes a new one
            return new Failed(ErrorClass.TRANSIENT, FailureCodes.PROVIDER_ERROR, code, message, null);
        }
        if (status >= 500) {
            return new Failed(ErrorClass.TRANSIENT, FailureCodes.PROVIDER_ERROR, code, message, null);
        }
        if (status >= 200 && status < 300) {
            return new Failed(ErrorClass.TRANSIENT, FailureCodes.PROVIDER_ERROR, code,
                    "ARI answered " + status + " without a channel", null);
        }
        return new Failed(ErrorClass.PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION, code, message, null);
    }

    /** No answer to the originate at all (refused, reset, timed out). */
    static Failed unreachable(Throwable cause) {
        String what = cause == null || cause.getMessage() == null ? "no answer" : withoutNumbers(cause.getMessage());
        return new Failed(ErrorClass.TRANSIENT, FailureCodes.PROVIDER_UNAVAILABLE, null, "Asterisk unreachable: " + what, null);
    }

    static Failed linesBusy(int maxChannels) {
        return new Failed(ErrorClass.RATE_LIMITED, LINES_BUSY, null,
                "all " + maxChannels + " lines of the channel are in use", LINES_BUSY_RETRY);
    }

    /** ARI quotes endpoints ("PJSIP/79161234567@trunk") in its messages; phone numbers are personal data. */
    private static String withoutNumbers(String text) {
        return text.replaceAll("\\d{5,}", "***");
    }
}
