package vestnik.gateway.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import vestnik.channels.spi.ErrorClass;
import vestnik.channels.spi.FailureCodes;
import vestnik.channels.spi.SendResult;

/**
 * What to do after a failed send: try again later (exponential backoff with jitter for transient
 * errors, the provider's retry-after when it throttles), or give up — permanent errors never come back
 * to the same channel, and nothing is retried past its TTL.
 */
public final class RetryPolicy {

    /** The decision, with the time of the next attempt for a retry. */
    public sealed interface Decision {
        record Retry(Instant at, boolean countsAsAttempt) implements Decision {
        }

        record Fail() implements Decision {
        }

        record Expire() implements Decision {
        }
    }

    private static final Duration DEFAULT_THROTTLE_PAUSE = Duration.ofSeconds(1);

    private final int maxAttempts;
    private final Duration base;
    private final Duration max;

    public RetryPolicy(int maxAttempts, Duration base, Duration max) {
        this.maxAttempts = maxAttempts;
        this.base = base;
        this.max = max;
    }

    public Decision decide(SendResult.Failed failure, int attemptsSoFar, Instant now, Instant expiresAt) {
        ErrorClass kind = failure.errorClass();
        if (!kind.isRetryable()) {
            return new Decision.Fail();
        }
        Instant next;
        boolean counts;
        if (kind == ErrorClass.RATE_LIMITED || FailureCodes.PROVIDER_UNAVAILABLE.equals(failure.code())) {
            // throttled, or no link to the provider at all: nothing was attempted, so nothing is used up
            Duration pause = failure.retryAfter() != null ? failure.retryAfter() : DEFAULT_THROTTLE_PAUSE;
            next = now.plus(pause);
            counts = false;
        } else {
            if (attemptsSoFar >= maxAttempts) {
                return new Decision.Fail();
            }
            Duration hinted = failure.retryAfter();
            next = now.plus(hinted != null ? hinted : backoff(attemptsSoFar));
            counts = true;
        }
        if (expiresAt != null && !next.isBefore(expiresAt)) {
            return new Decision.Expire();
        }
        return new Decision.Retry(next, counts);
    }

    /** base·2^(n-1), capped, with ±20% jitter so that a burst of failures does not come back as one burst. */
    Duration backoff(int attempt) {
        long baseMs = base.toMillis();
        long exp = baseMs << Math.min(20, Math.max(0, attempt - 1));
        long capped = Math.min(exp, max.toMillis());
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis(Math.max(1, (long) (capped * jitter)));
    }
}
