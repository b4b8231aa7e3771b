package vestnik.gateway.policy;

import java.util.ArrayList;
import java.util.List;
import vestnik.gateway.policy.time.CapPeriod;

/** How many contacts of one class a debtor may receive per local day, calendar week and calendar month. */
public record CapLimits(int day, int week, int month) {

    public CapLimits {
        if (day < 0 || week < 0 || month < 0) {
            throw new IllegalArgumentException("a cap cannot be negative: " + day + "/" + week + "/" + month);
        }
    }

    public int get(CapPeriod p) {
        return switch (p) {
            case DAY -> day;
            case WEEK -> week;
            case MONTH -> month;
        };
    }

    /** The ways these limits are looser than {@code limit}, each naming its setting ({@code what.day} …). */
    List<String> loosenings(CapLimits limit, String what) {
        List<String> out = new ArrayList<>();
        for (CapPeriod p : CapPeriod.values()) {
            if (get(p) > limit.get(p)) {
                out.add(what + "." + p.name().toLowerCase(java.util.Locale.ROOT) + " = " + get(p)
                        + " is looser than the legal " + limit.get(p));
            }
        }
        return out;
    }
}
