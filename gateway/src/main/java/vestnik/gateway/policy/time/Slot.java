package vestnik.gateway.policy.time;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A stretch of time {@code [start, end)} in which contact is allowed. */
public record Slot(Instant start, Instant end) {

    public Slot {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a slot must start before it ends: " + start + " " + end);
        }
    }

    public boolean contains(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }

    /** The instants in both lists; both must be sorted and non-overlapping, and so is the result. */
    static List<Slot> intersect(List<Slot> a, List<Slot> b) {
        List<Slot> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            Slot x = a.get(i);
            Slot y = b.get(j);
            Instant s = x.start.isAfter(y.start) ? x.start : y.start;
            Instant e = x.end.isBefore(y.end) ? x.end : y.end;
            if (s.isBefore(e)) {
                out.add(new Slot(s, e));
            }
            if (x.end.isBefore(y.end)) {
                i++;
            } else {
                j++;
            }
        }
        return out;
    }
}
