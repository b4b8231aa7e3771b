package vestnik.gateway.policy.time;

import java.time.Instant;

/**
 * One counting period around an instant.
 *
 * @param period the kind of period
 * @param key    a stable key suffix: {@code d:2026-11-24}, {@code w:2026-W48} (ISO week, Monday first),
 *               {@code m:2026-11}
 * @param start  the instant the period starts (local midnight)
 * @param end    the instant the next period starts — the earliest a counter full in this one frees up, and the
 *               instant its key may expire at (plus whatever grace the store wants)
 */
public record CapWindow(CapPeriod period, String key, Instant start, Instant end) {

    public boolean contains(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }
}
