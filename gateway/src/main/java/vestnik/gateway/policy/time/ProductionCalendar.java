package vestnik.gateway.policy.time;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which days are working days: the federal production calendar (holidays and the year's transfers) plus the
 * non-working holidays of single regions. Ships with 2025–2027 ({@code policy/production-calendar.csv}, sources in
 * its header); an admin upload of a file in the same format replaces it ({@link #parse(InputStream)}).
 *
 * <p>For a year the file does not cover, only weekends and the fixed holidays of Labour Code art. 112 are rest
 * days — without that year's transfers, so such a calendar should be replaced before the year starts.
 */
public final class ProductionCalendar {

    private static final String RESOURCE = "/policy/production-calendar.csv";
    private static final Pattern REGION = Pattern.compile("RU-[A-Z]{2,3}");
    private static final Set<MonthDay> ART_112 = Set.of(
            MonthDay.of(1, 1), MonthDay.of(1, 2), MonthDay.of(1, 3), MonthDay.of(1, 4), MonthDay.of(1, 5),
            MonthDay.of(1, 6), MonthDay.of(1, 7), MonthDay.of(1, 8), MonthDay.of(2, 23), MonthDay.of(3, 8),
            MonthDay.of(5, 1), MonthDay.of(5, 9), MonthDay.of(6, 12), MonthDay.of(11, 4));

    private static volatile ProductionCalendar bundled;

    private final List<CalendarEntry> entries;
    private final Map<LocalDate, CalendarEntry> federal;
    private final Map<String, Map<LocalDate, CalendarEntry>> regional;
    private final Map<LocalDate, Boolean> regionalRestAnywhere;
    private final Set<Integer> years;

    private ProductionCalendar(List<CalendarEntry> entries) {
        this.entries = List.copyOf(entries);
        Map<LocalDate, CalendarEntry> fed = new HashMap<>();
        Map<String, Map<LocalDate, CalendarEntry>> reg = new HashMap<>();
        Map<LocalDate, Boolean> restAnywhere = new HashMap<>();
        Set<Integer> covered = new TreeSet<>();
        for (CalendarEntry e : entries) {
            Map<LocalDate, CalendarEntry> target = e.federal() ? fed : reg.computeIfAbsent(e.region(), k -> new HashMap<>());
            if (target.putIfAbsent(e.date(), e) != null) {
                throw new IllegalArgumentException(e.date() + " is listed twice for "
                        + (e.federal() ? "the federal calendar" : e.region()));
            }
            if (e.federal()) {
                covered.add(e.date().getYear());
            } else if (e.kind() != CalendarEntry.Kind.WORKING) {
                restAnywhere.put(e.date(), true);
            }
        }
        this.federal = Map.copyOf(fed);
        Map<String, Map<LocalDate, CalendarEntry>> frozen = new HashMap<>();
        reg.forEach((k, v) -> frozen.put(k, Map.copyOf(v)));
        this.regional = Map.copyOf(frozen);
        this.regionalRestAnywhere = Map.copyOf(restAnywhere);
        this.years = Collections.unmodifiableSet(covered);
    }

    /** The calendar shipped with the gateway (2025–2027). */
    public static ProductionCalendar bundled() {
        ProductionCalendar b = bundled;
        if (b == null) {
            synchronized (ProductionCalendar.class) {
                b = bundled;
                if (b == null) {
                    try (InputStream in = ProductionCalendar.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("resource " + RESOURCE + " is missing from the classpath");
                        }
                        b = parse(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    bundled = b;
                }
            }
        }
        return b;
    }

    /** Reads a calendar file (UTF-8) in the bundled file's format. */
    public static ProductionCalendar parse(InputStream in) throws IOException {
        return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    public static ProductionCalendar parse(String text) {
        try {
            return parse(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProductionCalendar parse(Reader reader) throws IOException {
        List<CalendarEntry> list = new ArrayList<>();
        BufferedReader r = new BufferedReader(reader);
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            String l = n == 1 ? line.replace("\uFEFF", "") : line;
            if (l.isBlank() || l.startsWith("#")) {
                continue;
            }
            try {
                list.add(entry(l));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new IllegalArgumentException("production calendar line " + n + ": " + e.getMessage(), e);
            }
        }
        if (list.stream().noneMatch(CalendarEntry::federal)) {
            throw new IllegalArgumentException("production calendar: no federal day is listed");
        }
        return new ProductionCalendar(list);
    }

    private static CalendarEntry entry(String line) {
        String[] c = line.split(";", -1);
        if (c.length < 4) {
            throw new IllegalArgumentException("expected date;kind;region;status;note");
        }
        LocalDate date = LocalDate.parse(c[0].trim());
        CalendarEntry.Kind kind;
        try {
            kind = CalendarEntry.Kind.valueOf(c[1].trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kind '" + c[1].trim() + "' is not holiday, day_off or working");
        }
        String region = c[2].trim().isEmpty() ? null : c[2].trim().toUpperCase(Locale.ROOT);
        if (region != null && !REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("region '" + region + "' is not an ISO 3166-2:RU code");
        }
        boolean provisional = switch (c[3].trim().toLowerCase(Locale.ROOT)) {
            case "official" -> false;
            case "provisional" -> true;
            default -> throw new IllegalArgumentException("status '" + c[3].trim() + "' is not official or provisional");
        };
        boolean weekend = isWeekend(date);
        if (kind == CalendarEntry.Kind.WORKING && !weekend) {
            throw new IllegalArgumentException(date + " is a weekday: it is a working day already");
        }
        if (kind == CalendarEntry.Kind.DAY_OFF && weekend) {
            throw new IllegalArgumentException(date + " is a weekend day: it is a rest day already");
        }
        String note = c.length > 4 ? String.join(";", List.of(c).subList(4, c.length)).trim() : "";
        return new CalendarEntry(date, kind, region, provisional, note);
    }

    private static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    public List<CalendarEntry> entries() {
        return entries;
    }

    /** The years with a federal calendar in this file. */
    public Set<Integer> years() {
        return years;
    }

    public boolean covers(int year) {
        return years.contains(year);
    }

    /** The federal kind of the day, ignoring regional holidays. */
    public DayKind federalKind(LocalDate date) {
        CalendarEntry e = federal.get(date);
        if (e != null) {
            return kindOf(e, false);
        }
        if (!covers(date.getYear()) && ART_112.contains(MonthDay.from(date))) {
            return DayKind.HOLIDAY;
        }
        return isWeekend(date) ? DayKind.WEEKEND : DayKind.WORKING;
    }

    /**
     * What the day is in a region: the region's own entry if it has one, else the federal kind.
     *
     * @param region ISO 3166-2:RU code, or null for the federal calendar alone
     */
    public DayKind dayKind(LocalDate date, String region) {
        if (region != null) {
            Map<LocalDate, CalendarEntry> own = regional.get(region.toUpperCase(Locale.ROOT));
            CalendarEntry e = own == null ? null : own.get(date);
            if (e != null) {
                return kindOf(e, true);
            }
        }
        return federalKind(date);
    }

    private static DayKind kindOf(CalendarEntry e, boolean regionalEntry) {
        return switch (e.kind()) {
            case HOLIDAY -> regionalEntry ? DayKind.REGIONAL_HOLIDAY : DayKind.HOLIDAY;
            case DAY_OFF -> DayKind.TRANSFERRED_DAY_OFF;
            case WORKING -> DayKind.TRANSFERRED_WORKING_DAY;
        };
    }

    /** @param region ISO 3166-2:RU code, or null for the federal calendar alone */
    public boolean isWorkingDay(LocalDate date, String region) {
        return dayKind(date, region).isWorking();
    }

    /** A working day in each of the regions; with no region given, in the federal calendar. */
    public boolean isWorkingDayInAll(LocalDate date, Collection<String> regions) {
        if (regions.isEmpty()) {
            return isWorkingDay(date, null);
        }
        for (String r : regions) {
            if (!isWorkingDay(date, r)) {
                return false;
            }
        }
        return true;
    }

    /** A federal working day that is no region's holiday (regulation.md §5.2 for an unknown zone). */
    public boolean isWorkingDayEverywhere(LocalDate date) {
        return federalKind(date).isWorking() && !regionalRestAnywhere.containsKey(date);
    }

    /** The regions with entries of their own. */
    public Set<String> regions() {
        return new HashSet<>(regional.keySet());
    }
}
