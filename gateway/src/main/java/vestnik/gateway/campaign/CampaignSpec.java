package vestnik.gateway.campaign;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;
import vestnik.gateway.api.ApiError;
import vestnik.gateway.api.ErrorCode;
import vestnik.gateway.store.Priority;

/**
 * What a campaign sends and when: its content (a template or a text), where (a channel or a named route),
 * its priority (bulk unless said otherwise), its window (dates, and local hours inside the legal 08–22) and
 * its share of the channel's rate. Read from the query of {@code POST /v1/campaigns}.
 */
public record CampaignSpec(String name, String template, String text, String channel, String route, Priority priority,
                           LocalDate from, LocalDate to, int fromHour, int toHour, ZoneId zone, double rateShare) {

    /** 230-FZ: the widest local hours a debtor may be contacted in (working days); weekends are narrowed at send time. */
    public static final int LEGAL_FROM_HOUR = 8;
    public static final int LEGAL_TO_HOUR = 22;

    private static final Set<String> PARAMS = Set.of("name", "template", "text", "channel", "route", "priority", "from",
            "to", "fromHour", "toHour", "zone", "rateShare");

    /** {@code today} is the campaign's zone's date on {@code clock}: a window in the past is refused. */
    public static CampaignSpec parse(MultiMap q, java.time.Clock clock) {
        for (String n : q.names()) {
            if (!PARAMS.contains(n)) {
                throw new ApiError(ErrorCode.UNKNOWN_FIELD, "unknown campaign parameter '" + n + "'; known: " + PARAMS);
            }
        }
        String name = q.get("name");
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new ApiError(ErrorCode.INVALID_CAMPAIGN, "name is required (at most 200 characters)");
        }
        String template = blankToNull(q.get("template"));
        String text = blankToNull(q.get("text"));
        if ((template == null) == (text == null)) {
            throw new ApiError(ErrorCode.INVALID_CAMPAIGN, "give exactly one of template and text");
        }
        String channel = blankToNull(q.get("channel"));
        String route = blankToNull(q.get("route"));
        if ((channel == null) == (route == null)) {
            throw new ApiError(ErrorCode.INVALID_CAMPAIGN, "give exactly one of channel and route");
        }
        String p = q.get("priority");
        Priority priority = p == null ? Priority.BULK : Priority.fromWireName(p)
                .orElseThrow(() -> new ApiError(ErrorCode.INVALID_PRIORITY, "priority must be high, normal or bulk"));
        ZoneId zone;
        try {
            zone = ZoneId.of(q.get("zone") == null ? "Europe/Moscow" : q.get("zone"));
        } catch (DateTimeException e) {
            throw new ApiError(ErrorCode.INVALID_WINDOW, "zone must be a time-zone id such as Europe/Moscow");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate from = date(q.get("from"), today, "from");
        LocalDate to = date(q.get("to"), from, "to");
        if (to.isBefore(from)) {
            throw new ApiError(ErrorCode.INVALID_WINDOW, "the window ends (" + to + ") before it starts (" + from + ")");
        }
        if (to.isBefore(today)) {
            throw new ApiError(ErrorCode.INVALID_WINDOW, "the window (to " + to + ") is over");
        }
        int fromHour = hour(q.get("fromHour"), LEGAL_FROM_HOUR, "fromHour");
        int toHour = hour(q.get("toHour"), LEGAL_TO_HOUR, "toHour");
        if (fromHour < LEGAL_FROM_HOUR || toHour > LEGAL_TO_HOUR || fromHour >= toHour) {
            throw new ApiError(ErrorCode.INVALID_WINDOW, "the hours must lie inside the legal " + LEGAL_FROM_HOUR + "–"
                    + LEGAL_TO_HOUR + " and fromHour must be before toHour");
        }
        double share = 1.0;
        if (q.get("rateShare") != null) {
            try {
                share = Double.parseDouble(q.get("rateShare"));
            } catch (NumberFormatException e) {
                share = -1;
            }
            if (!(share > 0 && share <= 1)) {
                throw new ApiError(ErrorCode.INVALID_CAMPAIGN, "rateShare must be a number in (0, 1]");
            }
        }
        return new CampaignSpec(name, template, text, channel, route, priority, from, to, fromHour, toHour, zone, share);
    }

    /** When sending may begin: the first day's opening hour in the campaign's zone. */
    public Instant start() {
        return from.atTime(fromHour, 0).atZone(zone).toInstant();
    }

    /** When the window closes: the last day's closing hour. */
    public Instant end() {
        return to.atTime(toHour, 0).atZone(zone).toInstant();
    }

    /**
     * Russia's easternmost and westernmost offsets (Kamchatka, Kaliningrad): a debtor's local window opens no
     * earlier than the first day's opening hour at the first, and closes no later than the last day's closing hour
     * at the second.
     */
    static final ZoneOffset EASTERNMOST = ZoneOffset.ofHours(12);
    static final ZoneOffset WESTERNMOST = ZoneOffset.ofHours(2);

    /** The first moment any row may go out: the first day's opening hour in the easternmost zone (or the campaign's). */
    public Instant earliestStart() {
        Instant east = from.atTime(fromHour, 0).atOffset(EASTERNMOST).toInstant();
        return east.isBefore(start()) ? east : start();
    }

    /** The last moment any row may go out: the last day's closing hour in the westernmost zone (or the campaign's). */
    public Instant latestEnd() {
        Instant west = to.atTime(toHour, 0).atOffset(WESTERNMOST).toInstant();
        return west.isAfter(end()) ? west : end();
    }

    /** Where a debtor in {@code local} stands against the campaign's window at {@code now}. */
    public sealed interface LocalWindow {
        /** Inside the window: send. */
        record Open() implements LocalWindow {
        }

        /** Before a day's opening hour (or after a day's closing one with days left): wait until {@code opens}. */
        record Closed(Instant opens, LocalDateTime localOpens) implements LocalWindow {
        }

        /** After the last day's closing hour in the debtor's zone. */
        record Over(Instant closed, LocalDateTime localClosed) implements LocalWindow {
        }
    }

    /** The window's dates and hours read in the debtor's zone {@code local}. */
    public LocalWindow at(ZoneId local, Instant now) {
        LocalDateTime t = LocalDateTime.ofInstant(now, local);
        LocalDate day = t.toLocalDate();
        if (day.isBefore(from)) {
            return closed(from, local);
        }
        LocalDateTime lastClose = to.atTime(toHour, 0);
        if (!t.isBefore(lastClose)) {
            return new LocalWindow.Over(lastClose.atZone(local).toInstant(), lastClose);
        }
        int hour = t.getHour();
        if (hour < fromHour) {
            return closed(day, local);
        }
        if (hour >= toHour) {
            return closed(day.plusDays(1), local);
        }
        return new LocalWindow.Open();
    }

    private LocalWindow closed(LocalDate day, ZoneId local) {
        LocalDateTime opens = day.atTime(fromHour, 0);
        return new LocalWindow.Closed(opens.atZone(local).toInstant(), opens);
    }

    /** The sending time the window holds from {@code now} on: the open hours of each remaining day. */
    public Duration openTime(Instant now) {
        Duration total = Duration.ZERO;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Instant open = d.atTime(fromHour, 0).atZone(zone).toInstant();
            Instant close = d.atTime(toHour, 0).atZone(zone).toInstant();
            Instant begin = open.isBefore(now) ? now : open;
            if (begin.isBefore(close)) {
                total = total.plus(Duration.between(begin, close));
            }
        }
        return total;
    }

    public JsonObject toJson() {
        return new JsonObject().put("name", name).put("template", template).put("text", text).put("channel", channel)
                .put("route", route).put("priority", priority.wireName()).put("from", from.toString()).put("to", to.toString())
                .put("fromHour", fromHour).put("toHour", toHour).put("zone", zone.getId()).put("rateShare", rateShare);
    }

    public static CampaignSpec fromJson(JsonObject j) {
        return new CampaignSpec(j.getString("name"), j.getString("template"), j.getString("text"), j.getString("channel"),
                j.getString("route"), Priority.fromWireName(j.getString("priority")).orElse(Priority.BULK),
                LocalDate.parse(j.getString("from")), LocalDate.parse(j.getString("to")), j.getInteger("fromHour"),
                j.getInteger("toHour"), ZoneId.of(j.getString("zone")), j.getDouble("rateShare"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static LocalDate date(String s, LocalDate fallback, String name) {
        if (s == null) {
            return fallback;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new ApiError(ErrorCode.INVALID_WINDOW, name + " must be a date such as 2026-11-24");
        }
    }

    private static int hour(String s, int fallback, String name) {
        if (s == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new ApiError(ErrorCode.INVALID_WINDOW, name + " must be a whole hour (0–24)");
        }
    }
}
