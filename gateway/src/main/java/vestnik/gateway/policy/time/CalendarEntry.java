package vestnik.gateway.policy.time;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * One line of a production calendar.
 *
 * @param date        the day
 * @param kind        what the day is
 * @param region      ISO 3166-2:RU code for a regional entry, or null for a federal one
 * @param provisional true when no act has fixed it yet (only rest days may be provisional)
 * @param note        the holiday's name or the transfer's basis
 */
public record CalendarEntry(LocalDate date, Kind kind, String region, boolean provisional, String note) {

    /** What a calendar line makes of its day. */
    public enum Kind {
        /** A non-working holiday. */
        HOLIDAY,
        /** A weekday made a rest day by a transfer. */
        DAY_OFF,
        /** A weekend day made a working day by a transfer. */
        WORKING;

        public String fileName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public CalendarEntry {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        note = note == null ? "" : note;
        if (provisional && kind == Kind.WORKING) {
            throw new IllegalArgumentException(date + ": a provisional working day would widen the contact window;"
                    + " enter it once the act is published");
        }
    }

    public boolean federal() {
        return region == null;
    }
}
