package vestnik.gateway.policy.time;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * The local day, Monday–Sunday week and month an instant falls in, for one zone: the keys the counters are stored
 * under and the instants they roll over. Over a cap, the next chance is the period's end ({@link #nextStart}),
 * which is local midnight — the caller then asks {@link QuietHours} for the first allowed moment from there
 * (e.g. Monday 08:00 after a full week).
 */
public record CapWindows(ZoneId zone, CapWindow day, CapWindow week, CapWindow month) {

    public CapWindows {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(week, "week");
        Objects.requireNonNull(month, "month");
    }

    public static CapWindows at(Instant t, ZoneId zone) {
        LocalDate d = LocalDate.ofInstant(t, zone);
        LocalDate monday = d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate firstOfMonth = d.withDayOfMonth(1);
        return new CapWindows(zone,
                new CapWindow(CapPeriod.DAY, CapPeriod.DAY.keyPrefix() + ":" + d,
                        midnight(d, zone), midnight(d.plusDays(1), zone)),
                new CapWindow(CapPeriod.WEEK, String.format("%s:%d-W%02d", CapPeriod.WEEK.keyPrefix(),
                        d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
                        midnight(monday, zone), midnight(monday.plusWeeks(1), zone)),
                new CapWindow(CapPeriod.MONTH, String.format("%s:%d-%02d", CapPeriod.MONTH.keyPrefix(),
                        d.getYear(), d.getMonthValue()),
                        midnight(firstOfMonth, zone), midnight(firstOfMonth.plusMonths(1), zone)));
    }

    private static Instant midnight(LocalDate d, ZoneId zone) {
        return d.atStartOfDay(zone).toInstant();
    }

    public CapWindow get(CapPeriod p) {
        return switch (p) {
            case DAY -> day;
            case WEEK -> week;
            case MONTH -> month;
        };
    }

    /** The instant the next period of this kind starts (local midnight of the next day, Monday, or 1st). */
    public Instant nextStart(CapPeriod p) {
        return get(p).end();
    }

    /** The debtor's local date of these windows. */
    public LocalDate localDate() {
        return LocalDate.ofInstant(day.start(), zone);
    }
}
