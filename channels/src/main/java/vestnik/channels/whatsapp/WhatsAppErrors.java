package vestnik.channels.whatsapp;

import static vestnik.channels.spi.ErrorClass.PERMANENT_CONFIG;
import static vestnik.channels.spi.ErrorClass.PERMANENT_RECIPIENT;
import static vestnik.channels.spi.ErrorClass.RATE_LIMITED;
import static vestnik.channels.spi.ErrorClass.TRANSIENT;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import vestnik.channels.spi.ErrorClass;
import vestnik.channels.spi.FailureCodes;
import vestnik.channels.spi.SendResult.Failed;

/**
 * What a Cloud API refusal means (channel-contracts §3), decided on the Graph error {@code code} as Meta
 * advises, and on the HTTP status only when the code is unknown or missing.
 *
 * <p>A refused content (bad parameter, a template that does not exist or whose parameters do not match) is
 * {@link ErrorClass#PERMANENT_CONFIG} with {@link FailureCodes#INVALID_CONTENT}: the same content fails for
 * every recipient until someone fixes the template, so retrying is useless, and it is not the recipient's fault.
 */
public final class WhatsAppErrors {

    /** Meta's invalid or expired access token: no message on this number can succeed until it is replaced. */
    static final int TOKEN_INVALID = 190;

    record Rule(ErrorClass errorClass, String code, Duration retryAfter) {
    }

    private static Rule rule(ErrorClass errorClass, String code) {
        return new Rule(errorClass, code, null);
    }

    private static Rule wait(ErrorClass errorClass, String code, Duration retryAfter) {
        return new Rule(errorClass, code, retryAfter);
    }

    private static final Map<Integer, Rule> BY_CODE = Map.ofEntries(
            // slow down: the number's throughput (per second), the pair limit (about 1 message per 6 s to one
            // user), the quality-based spam limit, the marketing cap per user (Meta: retry after 24 h), API call rates
            Map.entry(130429, wait(RATE_LIMITED, FailureCodes.THROTTLED, Duration.ofSeconds(1))),
            Map.entry(131056, wait(RATE_LIMITED, FailureCodes.THROTTLED, Duration.ofSeconds(6))),
            Map.entry(131048, wait(RATE_LIMITED, FailureCodes.THROTTLED, Duration.ofMinutes(1))),
            Map.entry(131049, wait(RATE_LIMITED, FailureCodes.THROTTLED, Duration.ofHours(24))),
            Map.entry(4, wait(RATE_LIMITED, FailureCodes.THROTTLED, Duration.ofMinutes(1))),
            Map.entry(80007, wait(RATE_LIMITED, FailureCodes.THROTTLED, Duration.ofMinutes(1))),
            // this recipient, on this channel, for good
            Map.entry(131026, rule(PERMANENT_RECIPIENT, FailureCodes.INVALID_RECIPIENT)),   // undeliverable
            Map.entry(131021, rule(PERMANENT_RECIPIENT, FailureCodes.INVALID_RECIPIENT)),   // recipient is the sender
            Map.entry(131047, rule(PERMANENT_RECIPIENT, FailureCodes.WINDOW_CLOSED)),       // re-engagement
            Map.entry(131051, rule(PERMANENT_RECIPIENT, FailureCodes.INVALID_CONTENT)),     // unsupported message type
            Map.entry(131050, rule(PERMANENT_RECIPIENT, FailureCodes.RECIPIENT_OPTED_OUT)), // stopped marketing messages
            // our account or our content
            Map.entry(TOKEN_INVALID, rule(PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION)),
            Map.entry(10, rule(PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION)),          // permission denied
            Map.entry(200, rule(PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION)),         // permission denied
            Map.entry(131031, rule(PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION)),      // account locked
            Map.entry(131042, rule(PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION)),      // payment / eligibility
            Map.entry(368, rule(PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION)),         // blocked for policy
            Map.entry(100, rule(PERMANENT_CONFIG, FailureCodes.INVALID_CONTENT)),           // invalid parameter
            Map.entry(131008, rule(PERMANENT_CONFIG, FailureCodes.INVALID_CONTENT)),        // parameter missing
            Map.entry(131009, rule(PERMANENT_CONFIG, FailureCodes.INVALID_CONTENT)),        // parameter value invalid
            Map.entry(131053, rule(PERMANENT_CONFIG, FailureCodes.INVALID_CONTENT)),        // media upload/download
            Map.entry(132000, rule(PERMANENT_CONFIG, FailureCodes.INVALID_CONTENT)),        // template parameter count
            Map.entry(132001, rule(PERMANENT_CONFIG, FailureCodes.INVALID_CONTENT)),        // template does not exist
            // Meta's side, for now
            Map.entry(1, rule(TRANSIENT, FailureCodes.PROVIDER_ERROR)),
            Map.entry(2, rule(TRANSIENT, FailureCodes.PROVIDER_ERROR)),
            Map.entry(131000, rule(TRANSIENT, FailureCodes.PROVIDER_ERROR)),
            Map.entry(131016, rule(TRANSIENT, FailureCodes.PROVIDER_ERROR)),
            Map.entry(131057, wait(TRANSIENT, FailureCodes.PROVIDER_UNAVAILABLE, Duration.ofMinutes(1)))); // maintenance

    private WhatsAppErrors() {
    }

    /**
     * A non-2xx answer. {@code body} is the Graph error envelope ({@code {"error":{"code":..}}}) or null;
     * {@code retryAfterHeader} is the Retry-After header, which wins over our defaults when present.
     */
    public static Failed forReply(int httpStatus, JsonNode body, Duration retryAfterHeader) {
        JsonNode error = body == null ? null : body.get("error");
        JsonNode codeNode = error == null ? null : error.get("code");
        if (codeNode != null && codeNode.canConvertToInt()) {
            int code = codeNode.intValue();
            Rule rule = BY_CODE.get(code);
            if (rule != null) {
                String title = error.path("message").asText("").replaceFirst("^\\(#\\d+\\)\\s*", "");
                return failed(rule, String.valueOf(code), "WhatsApp refused the message: " + code
                        + (title.isBlank() ? "" : " " + title), retryAfterHeader);
            }
        }
        Rule rule = byHttpStatus(httpStatus);
        String providerCode = codeNode != null && codeNode.canConvertToInt()
                ? String.valueOf(codeNode.intValue()) : "http " + httpStatus;
        return failed(rule, providerCode, "WhatsApp answered HTTP " + httpStatus + " (code " + providerCode + ")",
                retryAfterHeader);
    }

    /** The class and our code for a Cloud API error code alone, as in a {@code failed} status webhook. */
    public static Failed forCode(int code) {
        Rule rule = BY_CODE.getOrDefault(code, rule(PERMANENT_RECIPIENT, FailureCodes.REJECTED_BY_PROVIDER));
        return failed(rule, String.valueOf(code), "WhatsApp error " + code, null);
    }

    /** No answer at all (refused connection, timeout): the message may go again. */
    public static Failed forTransport(Throwable cause) {
        return new Failed(TRANSIENT, FailureCodes.PROVIDER_UNAVAILABLE, null,
                "WhatsApp did not answer: " + cause.getClass().getSimpleName(), null);
    }

    /** A 2xx without {@code messages[0].id}: we cannot prove the message was taken, so it counts as not sent. */
    public static Failed withoutMessageId() {
        return new Failed(TRANSIENT, FailureCodes.PROVIDER_ERROR, null, "WhatsApp answered without a message id", null);
    }

    /** True when Meta refused our access token, so that no message on this number can succeed until it is fixed. */
    public static boolean refusesCredentials(Failed failed) {
        return String.valueOf(TOKEN_INVALID).equals(failed.providerCode()) || "http 401".equals(failed.providerCode());
    }

    private static Rule byHttpStatus(int httpStatus) {
        if (httpStatus == 429) {
            return wait(RATE_LIMITED, FailureCodes.THROTTLED, Duration.ofSeconds(1));
        }
        if (httpStatus >= 500) {
            return rule(TRANSIENT, FailureCodes.PROVIDER_ERROR);
        }
        if (httpStatus == 401 || httpStatus == 403) {
            return rule(PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION);
        }
        return rule(PERMANENT_RECIPIENT, FailureCodes.REJECTED_BY_PROVIDER);
    }

    private static Failed failed(Rule rule, String providerCode, String message, Duration retryAfterHeader) {
        Duration retryAfter = retryAfterHeader != null && rule.errorClass().isRetryable() ? retryAfterHeader : rule.retryAfter();
        return new Failed(rule.errorClass(), rule.code(), providerCode, message, retryAfter);
    }
}
