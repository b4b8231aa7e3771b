package vestnik.channels.viber;

import static vestnik.channels.spi.ErrorClass.PERMANENT_CONFIG;
import static vestnik.channels.spi.ErrorClass.PERMANENT_RECIPIENT;
import static vestnik.channels.spi.ErrorClass.RATE_LIMITED;
import static vestnik.channels.spi.ErrorClass.TRANSIENT;

import java.time.Duration;
import java.util.Map;
import vestnik.channels.spi.ErrorClass;
import vestnik.channels.spi.FailureCodes;
import vestnik.channels.spi.SendResult.Failed;

/**
 * What a Viber refusal means (channel-contracts §4.1). Viber answers HTTP 200 with a non-zero
 * {@code status} for its own refusals, so the status table carries the meaning; HTTP errors and lost
 * connections are the network's.
 *
 * <p>A refused content (bad or missing data, an API version the account cannot use) is
 * {@link ErrorClass#PERMANENT_CONFIG} with {@link FailureCodes#INVALID_CONTENT}: the same content fails
 * for every recipient until someone fixes the template, so retrying is useless, and it is not the
 * recipient's fault.
 */
public final class ViberErrors {

    /**
     * Viber does not say which limit status 12 hit: the account's rate (which the gateway's limiter
     * keeps us under) or 100 messages an hour to one user without a reply. The second is the likely one,
     * so the retry waits a minute rather than a second.
     */
    static final Duration TOO_MANY_REQUESTS_WAIT = Duration.ofMinutes(1);

    /** Viber's bad token: the one refusal after which no message on this account can succeed. */
    static final int INVALID_AUTH_TOKEN = 2;

    record Rule(ErrorClass errorClass, String code, Duration retryAfter) {
    }

    private static final Map<Integer, Rule> BY_STATUS = Map.ofEntries(
            Map.entry(1, new Rule(PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION, null)),      // invalidUrl
            Map.entry(INVALID_AUTH_TOKEN, new Rule(PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION, null)),
            Map.entry(3, new Rule(PERMANENT_CONFIG, FailureCodes.INVALID_CONTENT, null)),         // badData
            Map.entry(4, new Rule(PERMANENT_CONFIG, FailureCodes.INVALID_CONTENT, null)),         // missingData
            Map.entry(5, new Rule(PERMANENT_RECIPIENT, FailureCodes.INVALID_RECIPIENT, null)),    // receiverNotRegistered
            Map.entry(6, new Rule(PERMANENT_RECIPIENT, FailureCodes.RECIPIENT_OPTED_OUT, null)),  // receiverNotSubscribed
            Map.entry(7, new Rule(PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION, null)),      // publicAccountBlocked
            Map.entry(8, new Rule(PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION, null)),      // publicAccountNotFound
            Map.entry(9, new Rule(PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION, null)),      // publicAccountSuspended
            Map.entry(10, new Rule(PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION, null)),     // webhookNotSet
            Map.entry(11, new Rule(PERMANENT_RECIPIENT, FailureCodes.INVALID_RECIPIENT, null)),   // receiverNoSuitableDevice
            Map.entry(12, new Rule(RATE_LIMITED, FailureCodes.THROTTLED, TOO_MANY_REQUESTS_WAIT)),
            Map.entry(13, new Rule(PERMANENT_CONFIG, FailureCodes.INVALID_CONTENT, null)),        // apiVersionNotSupported
            Map.entry(14, new Rule(PERMANENT_RECIPIENT, FailureCodes.INVALID_RECIPIENT, null)),   // incompatibleWithVersion
            Map.entry(15, new Rule(PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION, null)));    // publicAccountNotAuthorized

    /** Codes from 16 on differ between Viber's documents: a refusal we cannot name is final for this message. */
    private static final Rule UNKNOWN = new Rule(PERMANENT_RECIPIENT, FailureCodes.REJECTED_BY_PROVIDER, null);

    private ViberErrors() {
    }

    /** A non-zero {@code status} in Viber's answer; {@code statusMessage} is Viber's name for it (no personal data). */
    public static Failed forStatus(int status, String statusMessage) {
        Rule rule = BY_STATUS.getOrDefault(status, UNKNOWN);
        String name = statusMessage == null || statusMessage.isBlank() ? "status " + status : statusMessage;
        return new Failed(rule.errorClass(), rule.code(), String.valueOf(status),
                "Viber refused the message: " + status + " " + name, rule.retryAfter());
    }

    /**
     * An HTTP error status: Viber reports its own refusals with 200, so anything else comes from the way
     * there (a proxy, a wrong {@code baseUrl}, an outage). {@code retryAfter} is the Retry-After header, or null.
     */
    public static Failed forHttp(int httpStatus, Duration retryAfter) {
        String providerCode = "http " + httpStatus;
        if (httpStatus == 429) {
            return new Failed(RATE_LIMITED, FailureCodes.THROTTLED, providerCode, "Viber answered HTTP 429",
                    retryAfter != null ? retryAfter : Duration.ofSeconds(1));
        }
        if (httpStatus >= 500) {
            return new Failed(TRANSIENT, FailureCodes.PROVIDER_ERROR, providerCode,
                    "Viber answered HTTP " + httpStatus, retryAfter);
        }
        return new Failed(PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION, providerCode,
                "Viber answered HTTP " + httpStatus + ": check baseUrl and authToken", null);
    }

    /** No answer at all (refused connection, timeout): the message may go again. */
    public static Failed forTransport(Throwable cause) {
        return new Failed(TRANSIENT, FailureCodes.PROVIDER_UNAVAILABLE, null,
                "Viber did not answer: " + cause.getClass().getSimpleName(), null);
    }

    /** Viber said status 0 but gave no token: we cannot prove the message was taken, so it counts as not sent. */
    public static Failed withoutToken() {
        return new Failed(TRANSIENT, FailureCodes.PROVIDER_ERROR, "0", "Viber accepted the message without a message_token", null);
    }

    /** True when Viber refused our token, so that no message on this account can succeed until it is fixed. */
    public static boolean refusesCredentials(Failed failed) {
        return String.valueOf(INVALID_AUTH_TOKEN).equals(failed.providerCode())
                || "http 401".equals(failed.providerCode());
    }
}
