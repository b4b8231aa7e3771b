package vestnik.gateway.policy;

import java.time.Instant;
import java.util.Objects;
import vestnik.gateway.policy.time.CapPeriod;
import vestnik.gateway.policy.time.CapWindows;

/**
 * The counter values the caller read for a contact class, and the windows it read them for (those of the
 * decision's {@code now}). Counters of later periods are taken as zero: contacts are counted when they are made,
 * so a period that has not begun has none yet — which is also why a deferred message is decided again when it
 * comes due.
 *
 * @param windows       the windows the counters belong to ({@link ContactPolicy#windowsFor})
 * @param day           contacts counted today (for CALL: answered calls)
 * @param week          this calendar week
 * @param month         this calendar month
 * @param attemptsToday call attempts today, answered or not (CALL only)
 * @param lastAttemptAt the last call attempt, or null (CALL only)
 */
public record Usage(CapWindows windows, int day, int week, int month, int attemptsToday, Instant lastAttemptAt) {

    public Usage {
        Objects.requireNonNull(windows, "windows");
        if (day < 0 || week < 0 || month < 0 || attemptsToday < 0) {
            throw new IllegalArgumentException("counters cannot be negative");
        }
    }

    public static Usage none(CapWindows windows) {
        return new Usage(windows, 0, 0, 0, 0, null);
    }

    public static Usage of(CapWindows windows, int day, int week, int month) {
        return new Usage(windows, day, week, month, 0, null);
    }

    public Usage withCallAttempts(int attempts, Instant lastAttempt) {
        return new Usage(windows, day, week, month, attempts, lastAttempt);
    }

    public int count(CapPeriod p) {
        return switch (p) {
            case DAY -> day;
            case WEEK -> week;
            case MONTH -> month;
        };
    }

    /** The count for the period of {@code at} that is the same as one read; zero for any later period. */
    int countIn(CapWindows at, CapPeriod p) {
        return at.get(p).key().equals(windows.get(p).key()) ? count(p) : 0;
    }

    int attemptsIn(CapWindows at) {
        return at.day().key().equals(windows.day().key()) ? attemptsToday : 0;
    }
}
