package vestnik.channels.smpp;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Pauses between bind attempts: doubling from {@code min} up to {@code max}, each with up to 20% random jitter so
 * that several binds (or gateway instances) that lost the SMSC together do not all knock at the same instant.
 * Not thread-safe: each connection's supervisor thread owns one.
 */
final class ReconnectBackoff {

    private final Duration min;
    private final Duration max;
    private Duration next;

    ReconnectBackoff(Duration min, Duration max) {
        this.min = min;
        this.max = max;
        this.next = min;
    }

    /** The pause before the next attempt; each call doubles the one after, up to the maximum. */
    Duration next() {
        Duration current = next;
        Duration doubled = current.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        long jitter = (long) (current.toNanos() * 0.2 * ThreadLocalRandom.current().nextDouble());
        return current.minusNanos(jitter);
    }

    /** After a successful bind the next failure starts from the minimum again. */
    void reset() {
        next = min;
    }
}
