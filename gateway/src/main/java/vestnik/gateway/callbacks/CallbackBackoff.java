package vestnik.gateway.callbacks;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a callback again: {@code base·2^(n-1)} after the n-th failed attempt, capped at {@code max},
 * with ±20 % jitter so that the callbacks of an upstream that was down do not all come back at once;
 * never past {@code maxAge} after the change itself.
 */
public final class CallbackBackoff {

    private final Duration base;
    private final Duration max;
    private final Duration maxAge;

    public CallbackBackoff(Duration base, Duration max, Duration maxAge) {
        this.base = base;
        this.max = max;
        this.maxAge = maxAge;
    }

    /** The next attempt after {@code failedAttempts} failures, or empty when the event is to be given up. */
    public Optional<Instant> next(int failedAttempts, Instant now, Instant created) {
        Instant at = now.plus(delay(failedAttempts));
        return at.isAfter(deadline(created)) ? Optional.empty() : Optional.of(at);
    }

    public Instant deadline(Instant created) {
        return created.plus(maxAge);
    }

    Duration delay(int failedAttempts) {
        long exp = base.toMillis() << Math.min(30, Math.max(0, failedAttempts - 1));
        long capped = Math.min(exp < 0 ? Long.MAX_VALUE : exp, max.toMillis());
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis(Math.max(1, (long) (capped * jitter)));
    }
}
