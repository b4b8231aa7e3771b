package vestnik.gateway.policy.time;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import vestnik.gateway.policy.zone.RegionZones;
import vestnik.gateway.policy.zone.ZoneResolution;

/**
 * When a debtor may be contacted: inside the day's window in the debtor's local time, the working-day window on
 * working days and the rest-day window on weekends and non-working holidays (federal, plus the debtor's region's).
 *
 * <p>When the zone is not known, the allowed instants are those inside the local window of every zone the debtor
 * may be in — computed, not hard-coded: each zone's windows are expressed in UTC and intersected. Over all of
 * Russia (UTC+2 … UTC+12) with the legal windows that is 06:00–10:00 UTC on days that are working days everywhere
 * and 07:00–08:00 UTC otherwise (regulation.md §5.2, R-TZ-2). Which days count as working for an unknown zone:
 * the debtor's regions' if known, else a day must be a working day in every region.
 *
 * <p>Immutable; {@link #withWindows} gives the same calendar with a tenant's narrower windows.
 */
public final class QuietHours {

    /** How far ahead a window is looked for: with legal windows there is one every day; narrower tenant windows
     *  can make the all-zones intersection empty, and then nothing is ever allowed for an unknown zone. */
    static final Duration HORIZON = Duration.ofDays(40);
    private static final Duration CHUNK = Duration.ofDays(4);

    private final ProductionCalendar calendar;
    private final RegionZones regions;
    private final DayWindows windows;

    public QuietHours(ProductionCalendar calendar, RegionZones regions, DayWindows windows) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.regions = Objects.requireNonNull(regions, "regions");
        this.windows = Objects.requireNonNull(windows, "windows");
    }

    /** The law's windows over the given calendar and region table. */
    public static QuietHours legal(ProductionCalendar calendar, RegionZones regions) {
        return new QuietHours(calendar, regions, DayWindows.LEGAL);
    }

    public QuietHours withWindows(DayWindows narrower) {
        return narrower.equals(windows) ? this : new QuietHours(calendar, regions, narrower);
    }

    public DayWindows windows() {
        return windows;
    }

    public ProductionCalendar calendar() {
        return calendar;
    }

    public RegionZones regionZones() {
        return regions;
    }

    /**
     * The earliest instant at or after {@code now} inside the window of the debtor's local day.
     *
     * @param region the debtor's ISO 3166-2:RU code for regional holidays, or null (then every region that uses
     *               the zone counts)
     */
    public Instant nextAllowed(Instant now, ZoneId zone, String region) {
        return nextAllowedIn(now, zone, region == null ? Set.of() : Set.of(region));
    }

    /**
     * The earliest instant at or after {@code now} allowed for the resolution: in its zone when known, else in all
     * of its candidate zones at once. Empty only when narrowed tenant windows leave no common window for an
     * unknown zone within the horizon.
     */
    public Optional<Instant> nextAllowed(Instant now, ZoneResolution r) {
        if (r.isKnown()) {
            return Optional.of(nextAllowedIn(now, r.zone(), r.regions()));
        }
        return first(now, sorted(r.candidates()), z -> unknownDayRule(r.regions()));
    }

    private Instant nextAllowedIn(Instant now, ZoneId zone, Set<String> knownRegions) {
        return first(now, List.of(zone), z -> dayRule(zone, knownRegions))
                .orElseThrow(() -> new IllegalStateException("no window within " + HORIZON + " in " + zone));
    }

    /**
     * The first allowed moment of the next day, week or month after the one {@code windows} describes — where a
     * message over that period's cap goes (e.g. Monday 08:00 local after a full week, or 09:00 if Monday is a
     * holiday). Empty as {@link #nextAllowed(Instant, ZoneResolution)}.
     */
    public Optional<Instant> firstAllowedInNext(CapPeriod period, CapWindows windows, ZoneResolution r) {
        return nextAllowed(windows.nextStart(period), r);
    }

    /** The earliest instant at or after {@code now} that is inside the local window in every Russian zone. */
    public Instant nextAllowedInAllZones(Instant now) {
        return nextAllowed(now, ZoneResolution.unknown(regions.allZones(), Set.of(), "all zones"))
                .orElseThrow(() -> new IllegalStateException("the windows " + windows + " have no instant in common"
                        + " across all Russian zones"));
    }

    public boolean isAllowed(Instant t, ZoneResolution r) {
        return nextAllowed(t, r).map(t::equals).orElse(false);
    }

    /** The allowed stretches between {@code from} and {@code to}, sorted; for tests, previews and the ledger. */
    public List<Slot> allowedSlots(ZoneResolution r, Instant from, Instant to) {
        if (r.isKnown()) {
            return slots(List.of(r.zone()), z -> dayRule(r.zone(), r.regions()), from, to);
        }
        return slots(sorted(r.candidates()), z -> unknownDayRule(r.regions()), from, to);
    }

    /** Whether local days count as working days, for a zone (and the regions known for the debtor). */
    private Predicate<LocalDate> dayRule(ZoneId zone, Collection<String> knownRegions) {
        if (!knownRegions.isEmpty()) {
            return d -> calendar.isWorkingDayInAll(d, knownRegions);
        }
        Set<String> inZone = regions.regionsIn(zone);
        return d -> calendar.isWorkingDayInAll(d, inZone);
    }

    private Predicate<LocalDate> unknownDayRule(Set<String> knownRegions) {
        if (!knownRegions.isEmpty()) {
            return d -> calendar.isWorkingDayInAll(d, knownRegions);
        }
        return calendar::isWorkingDayEverywhere;
    }

    private Optional<Instant> first(Instant now, List<ZoneId> zones,
                                    Function<ZoneId, Predicate<LocalDate>> rules) {
        Instant from = now;
        Instant limit = now.plus(HORIZON);
        while (from.isBefore(limit)) {
            Instant to = from.plus(CHUNK);
            for (Slot s : slots(zones, rules, from, to)) {
                if (s.end().isAfter(now)) {
                    return Optional.of(s.start().isAfter(now) ? s.start() : now);
                }
            }
            from = to;
        }
        return Optional.empty();
    }

    private List<Slot> slots(List<ZoneId> zones, Function<ZoneId, Predicate<LocalDate>> rules,
                             Instant from, Instant to) {
        List<Slot> acc = null;
        for (ZoneId z : zones) {
            List<Slot> own = zoneSlots(z, rules.apply(z), from, to);
            acc = acc == null ? own : Slot.intersect(acc, own);
            if (acc.isEmpty()) {
                break;
            }
        }
        return acc == null ? List.of() : acc;
    }

    /** The zone's local windows that touch {@code [from, to)}, clipped to it. */
    private List<Slot> zoneSlots(ZoneId zone, Predicate<LocalDate> working, Instant from, Instant to) {
        List<Slot> out = new ArrayList<>();
        LocalDate first = LocalDate.ofInstant(from, zone).minusDays(1);
        LocalDate last = LocalDate.ofInstant(to, zone);
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            boolean w = working.test(d);
            Instant s = d.atTime(windows.start(w)).atZone(zone).toInstant();
            Instant e = d.atTime(windows.end(w)).atZone(zone).toInstant();
            if (s.isBefore(from)) {
                s = from;
            }
            if (e.isAfter(to)) {
                e = to;
            }
            if (s.isBefore(e)) {
                out.add(new Slot(s, e));
            }
        }
        return out;
    }

    private static List<ZoneId> sorted(Set<ZoneId> zones) {
        return zones.stream().sorted(Comparator.comparing(ZoneId::getId)).toList();
    }
}
