package vestnik.gateway.it;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that runs at real speed from a moment a test sets, so that timers, retries and the scheduler behave as
 * usual while the gateway believes it is, say, Wednesday 12:30 UTC; a test moves it with {@link #set}.
 */
final class ShiftedClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** From now on the clock reads {@code at}, and runs on from there. */
    void set(Instant at) {
        offset = Duration.between(Instant.now(), at);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the gateway works in UTC");
    }
}
