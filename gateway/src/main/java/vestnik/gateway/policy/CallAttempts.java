package vestnik.gateway.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The cap on call attempts, answered or not, so that unanswered and silent robot calls cannot become pressure
 * (regulation.md §1.2 notes, R-CP-3: default at most 3 a day, at least 2 hours apart).
 */
public record CallAttempts(int perDay, Duration minSpacing) {

    public CallAttempts {
        Objects.requireNonNull(minSpacing, "minSpacing");
        if (perDay < 0 || minSpacing.isNegative()) {
            throw new IllegalArgumentException("call attempts: perDay and minSpacing cannot be negative");
        }
    }

    List<String> loosenings(CallAttempts limit, String what) {
        List<String> out = new ArrayList<>();
        if (perDay > limit.perDay) {
            out.add(what + ".day = " + perDay + " is looser than the default " + limit.perDay);
        }
        if (minSpacing.compareTo(limit.minSpacing) < 0) {
            out.add(what + ".minSpacing = " + minSpacing.toMinutes() + " min is shorter than the default "
                    + limit.minSpacing.toMinutes() + " min");
        }
        return out;
    }
}
