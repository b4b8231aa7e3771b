package vestnik.gateway.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CallbackBackoffTest {

    private final CallbackBackoff backoff = new CallbackBackoff(Duration.ofSeconds(5), Duration.ofMinutes(10), Duration.ofHours(24));
    private final Instant created = Instant.parse("2026-11-24T09:00:00Z");

    @Test
    @DisplayName("the wait doubles from the base with ±20 % jitter and stops growing at the cap")
    void grows() {
        for (int attempt = 1; attempt <= 40; attempt++) {
            long expected = Math.min(5_000L << Math.min(30, attempt - 1), 600_000L);
            assertThat(backoff.delay(attempt).toMillis()).as("after %d failures", attempt)
                    .isBetween((long) (expected * 0.8) - 1, (long) (expected * 1.2) + 1);
        }
    }

    @Test
    @DisplayName("no attempt is planned past maxAge after the change: the event is given up instead")
    void givesUp() {
        assertThat(backoff.next(3, created.plus(Duration.ofHours(1)), created)).isPresent();
        assertThat(backoff.next(30, created.plus(Duration.ofHours(23).plusMinutes(59)), created)).isEmpty();
        assertThat(backoff.deadline(created)).isEqualTo(created.plus(Duration.ofHours(24)));
    }
}
