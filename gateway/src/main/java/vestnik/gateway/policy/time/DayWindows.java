package vestnik.gateway.policy.time;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The local hours in which a debtor may be contacted: one window on working days, one on weekends and non-working
 * holidays, each {@code [start, end)}. The law's windows are {@link #LEGAL}; a tenant may narrow them, never widen.
 */
public record DayWindows(LocalTime workingStart, LocalTime workingEnd, LocalTime restStart, LocalTime restEnd) {

    /** 230-FZ art. 7 (regulation.md §0, §1.2, R-CP-5): 08:00–22:00 on working days, 09:00–20:00 otherwise. */
    public static final DayWindows LEGAL = new DayWindows(LocalTime.of(8, 0), LocalTime.of(22, 0),
            LocalTime.of(9, 0), LocalTime.of(20, 0));

    public DayWindows {
        Objects.requireNonNull(workingStart, "workingStart");
        Objects.requireNonNull(workingEnd, "workingEnd");
        Objects.requireNonNull(restStart, "restStart");
        Objects.requireNonNull(restEnd, "restEnd");
        if (!workingStart.isBefore(workingEnd) || !restStart.isBefore(restEnd)) {
            throw new IllegalArgumentException("a contact window must start before it ends");
        }
    }

    public LocalTime start(boolean workingDay) {
        return workingDay ? workingStart : restStart;
    }

    public LocalTime end(boolean workingDay) {
        return workingDay ? workingEnd : restEnd;
    }

    /** The ways these windows are wider than {@code limit}'s; empty when they lie inside it. */
    public List<String> loosenings(DayWindows limit) {
        List<String> out = new ArrayList<>();
        if (workingStart.isBefore(limit.workingStart) || workingEnd.isAfter(limit.workingEnd)) {
            out.add("working-day window " + workingStart + "-" + workingEnd + " is wider than the legal "
                    + limit.workingStart + "-" + limit.workingEnd);
        }
        if (restStart.isBefore(limit.restStart) || restEnd.isAfter(limit.restEnd)) {
            out.add("weekend and holiday window " + restStart + "-" + restEnd + " is wider than the legal "
                    + limit.restStart + "-" + limit.restEnd);
        }
        return out;
    }

    /** Parses {@code "09:00-21:00"}. */
    static LocalTime[] parseRange(String text) {
        String[] p = text.trim().split("\\s*[-–]\\s*");
        if (p.length != 2) {
            throw new IllegalArgumentException("'" + text + "' is not a window like 09:00-21:00");
        }
        return new LocalTime[] {LocalTime.parse(p[0]), LocalTime.parse(p[1])};
    }

    /** Builds windows from {@code "HH:mm-HH:mm"} texts; a null text keeps the legal window. */
    public static DayWindows of(String working, String rest) {
        LocalTime[] w = working == null ? new LocalTime[] {LEGAL.workingStart, LEGAL.workingEnd} : parseRange(working);
        LocalTime[] r = rest == null ? new LocalTime[] {LEGAL.restStart, LEGAL.restEnd} : parseRange(rest);
        return new DayWindows(w[0], w[1], r[0], r[1]);
    }
}
