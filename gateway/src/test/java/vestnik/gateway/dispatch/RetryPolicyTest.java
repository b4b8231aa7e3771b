package vestnik.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vestnik.channels.spi.ErrorClass;
import vestnik.channels.spi.SendResult;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofMinutes(5));
    private final Instant now = Instant.parse("2026-11-24T09:00:00Z");
    private final Instant expiry = now.plus(Duration.ofHours(24));

    private static SendResult.Failed failure(ErrorClass c, Duration retryAfter) {
        return new SendResult.Failed(c, "x", null, "x", retryAfter);
    }

    @Test
    @DisplayName("permanent errors are never retried on the same channel")
    void permanentFails() {
        assertThat(policy.decide(failure(ErrorClass.PERMANENT_RECIPIENT, null), 1, now, expiry))
                .isInstanceOf(RetryPolicy.Decision.Fail.class);
        assertThat(policy.decide(failure(ErrorClass.PERMANENT_CONFIG, null), 1, now, expiry))
                .isInstanceOf(RetryPolicy.Decision.Fail.class);
    }

    @Test
    @DisplayName("throttling waits the provider's retry-after and does not use up an attempt")
    void throttling() {
        RetryPolicy.Decision d = policy.decide(failure(ErrorClass.RATE_LIMITED, Duration.ofSeconds(7)), 5, now, expiry);
        assertThat(d).isEqualTo(new RetryPolicy.Decision.Retry(now.plusSeconds(7), false));
    }

    @Test
    @DisplayName("no link to the provider at all (not bound) waits without using up an attempt")
    void unavailableDoesNotCount() {
        SendResult.Failed down = new SendResult.Failed(ErrorClass.TRANSIENT, "provider_unavailable", null, "no bind", null);
        RetryPolicy.Decision d = policy.decide(down, 10, now, expiry);
        assertThat(d).isInstanceOf(RetryPolicy.Decision.Retry.class);
        assertThat(((RetryPolicy.Decision.Retry) d).countsAsAttempt()).isFalse();
    }

    @Test
    @DisplayName("transient errors back off exponentially within ±20% and give up after the last attempt")
    void transientBackoff() {
        for (int attempt = 1; attempt <= 4; attempt++) {
            RetryPolicy.Decision d = policy.decide(failure(ErrorClass.TRANSIENT, null), attempt, now, expiry);
            long expected = 2000L << (attempt - 1);
            assertThat(d).isInstanceOf(RetryPolicy.Decision.Retry.class);
            long waited = Duration.between(now, ((RetryPolicy.Decision.Retry) d).at()).toMillis();
            assertThat(waited).isBetween((long) (expected * 0.8), (long) (expected * 1.2));
        }
        assertThat(policy.decide(failure(ErrorClass.TRANSIENT, null), 5, now, expiry))
                .isInstanceOf(RetryPolicy.Decision.Fail.class);
        assertThat(policy.backoff(30).toMillis()).isLessThanOrEqualTo((long) (Duration.ofMinutes(5).toMillis() * 1.2));
    }

    @Test
    @DisplayName("a retry that would come after the TTL expires the message instead")
    void ttlBoundsRetries() {
        assertThat(policy.decide(failure(ErrorClass.TRANSIENT, null), 1, now, now.plusSeconds(1)))
                .isInstanceOf(RetryPolicy.Decision.Expire.class);
    }
}
