package vestnik.gateway.policy.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vestnik.gateway.policy.zone.RegionZones;
import vestnik.gateway.policy.zone.ZoneResolution;
import vestnik.gateway.policy.zone.ZoneSource;

class QuietHoursTest {

    private final RegionZones regions = RegionZones.bundled();
    private final QuietHours hours = QuietHours.legal(ProductionCalendar.bundled(), regions);

    private static Instant local(String dateTime, String zone) {
        return LocalDateTime.parse(dateTime).atZone(ZoneId.of(zone)).toInstant();
    }

    private static LocalDateTime inZone(Instant t, String zone) {
        return LocalDateTime.ofInstant(t, ZoneId.of(zone));
    }

    private ZoneResolution unknownAnywhere() {
        return ZoneResolution.unknown(regions.allZones(), Set.of(), "test");
    }

    @ParameterizedTest(name = "{0} in {1} → {2}")
    @CsvSource({
            // inside the window: now
            "2026-11-24T08:00, Europe/Kaliningrad, 2026-11-24T08:00",
            "2026-11-24T21:59, Asia/Kamchatka, 2026-11-24T21:59",
            // a working-day evening → next morning at 08:00
            "2026-11-24T22:00, Asia/Kamchatka, 2026-11-25T08:00",
            "2026-11-24T05:30, Asia/Vladivostok, 2026-11-24T08:00",
            // Friday 22:30 → Saturday 09:00; Saturday 23:00 → Sunday 09:00; Sunday 20:00 → Monday 08:00
            "2026-11-27T22:30, Europe/Moscow, 2026-11-28T09:00",
            "2026-11-28T23:00, Asia/Yekaterinburg, 2026-11-29T09:00",
            "2026-11-28T08:30, Asia/Omsk, 2026-11-28T09:00",
            "2026-11-29T20:00, Asia/Irkutsk, 2026-11-30T08:00",
            // holidays: 4 Nov (Wed) is 09:00-20:00, then 5 Nov is a working day
            "2026-11-04T08:15, Asia/Krasnoyarsk, 2026-11-04T09:00",
            "2026-11-04T20:00, Asia/Krasnoyarsk, 2026-11-05T08:00",
            // 2026 transfers: Mon 9 Mar is a day off; New Year rests until Sun 11 Jan
            "2026-03-08T21:00, Europe/Samara, 2026-03-09T09:00",
            "2026-01-08T20:00, Asia/Magadan, 2026-01-09T09:00",
            "2026-01-11T20:00, Asia/Magadan, 2026-01-12T08:00",
            // 2025: Sat 1 Nov is a working day (08:00), Mon 3 Nov a day off (09:00)
            "2025-10-31T23:00, Europe/Moscow, 2025-11-01T08:00",
            "2025-11-02T21:00, Europe/Moscow, 2025-11-03T09:00",
            // 2027: the provisional day off on 31 Dec narrows the window
            "2027-12-31T08:30, Asia/Kamchatka, 2027-12-31T09:00"})
    void nextAllowed(String now, String zone, String expected) {
        Instant next = hours.nextAllowed(local(now, zone), ZoneId.of(zone), null);
        assertThat(inZone(next, zone)).isEqualTo(LocalDateTime.parse(expected));
    }

    @Test
    @DisplayName("a regional holiday gives that region the rest-day window, and the zone's other regions keep theirs")
    void regionalHoliday() {
        Instant at0830 = local("2026-03-20T08:30", "Europe/Moscow");
        assertThat(hours.nextAllowed(at0830, ZoneId.of("Europe/Moscow"), "RU-MOW")).isEqualTo(at0830);
        assertThat(inZone(hours.nextAllowed(at0830, ZoneId.of("Europe/Moscow"), "RU-TA"), "Europe/Moscow"))
                .isEqualTo(LocalDateTime.parse("2026-03-20T09:00"));
        ZoneResolution kazanByZoneOnly = ZoneResolution.known(ZoneId.of("Europe/Moscow"), ZoneSource.CONTACT_ZONE,
                Set.of(), "contact zone");
        assertThat(hours.isAllowed(at0830, kazanByZoneOnly)).as("any Moscow-zone region may be resting").isFalse();
    }

    @Test
    @DisplayName("with the zone unknown, a day that is a working day everywhere allows 06:00–10:00 UTC")
    void unknownZoneWorkingDay() {
        List<Slot> slots = hours.allowedSlots(unknownAnywhere(), Instant.parse("2026-11-24T00:00:00Z"),
                Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(slots).containsExactly(new Slot(Instant.parse("2026-11-24T06:00:00Z"),
                Instant.parse("2026-11-24T10:00:00Z")));
    }

    @Test
    @DisplayName("with the zone unknown, a weekend, a holiday or a regional holiday anywhere allows only 07:00–08:00 UTC")
    void unknownZoneRestDays() {
        for (String day : List.of("2026-11-28", "2026-11-04", "2026-03-20")) {
            List<Slot> slots = hours.allowedSlots(unknownAnywhere(), Instant.parse(day + "T00:00:00Z"),
                    Instant.parse(day + "T23:59:59Z"));
            assertThat(slots).as(day).containsExactly(new Slot(Instant.parse(day + "T07:00:00Z"),
                    Instant.parse(day + "T08:00:00Z")));
        }
    }

    @Test
    @DisplayName("with the zone unknown, the next allowed instant skips to the common window")
    void unknownZoneNext() {
        assertThat(hours.nextAllowedInAllZones(Instant.parse("2026-11-24T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-25T06:00:00Z"));
        assertThat(hours.nextAllowedInAllZones(Instant.parse("2026-11-27T10:00:00Z")))
                .as("Friday after the window → Saturday's hour").isEqualTo(Instant.parse("2026-11-28T07:00:00Z"));
        assertThat(hours.nextAllowedInAllZones(Instant.parse("2026-11-28T07:30:00Z")))
                .isEqualTo(Instant.parse("2026-11-28T07:30:00Z"));
        assertThat(hours.nextAllowedInAllZones(Instant.parse("2026-11-28T08:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-29T07:00:00Z"));
    }

    @Test
    @DisplayName("Yakutia without a district gets the window common to UTC+9, UTC+10 and UTC+11")
    void yakutiaCandidates() {
        ZoneResolution yakutia = ZoneResolution.unknown(regions.match("Якутия").candidates(), Set.of("RU-SA"), "test");
        List<Slot> tuesday = hours.allowedSlots(yakutia, Instant.parse("2026-11-23T12:00:00Z"),
                Instant.parse("2026-11-24T12:00:00Z"));
        // 08:00 in UTC+9 is 23:00 UTC; 22:00 in UTC+11 is 11:00 UTC.
        assertThat(tuesday).containsExactly(new Slot(Instant.parse("2026-11-23T23:00:00Z"),
                Instant.parse("2026-11-24T11:00:00Z")));
    }

    @Test
    @DisplayName("over a cap, the first moment of the next day, week or month is found in local time")
    void firstAllowedInNextPeriod() {
        ZoneResolution samara = ZoneResolution.known(ZoneId.of("Europe/Samara"), ZoneSource.REGION, Set.of("RU-SAM"), "t");
        CapWindows thursday = CapWindows.at(local("2026-03-05T12:00", "Europe/Samara"), ZoneId.of("Europe/Samara"));
        assertThat(hours.firstAllowedInNext(CapPeriod.DAY, thursday, samara).map(t -> inZone(t, "Europe/Samara")))
                .contains(LocalDateTime.parse("2026-03-06T08:00"));
        assertThat(hours.firstAllowedInNext(CapPeriod.WEEK, thursday, samara).map(t -> inZone(t, "Europe/Samara")))
                .as("Monday 9 March is a day off").contains(LocalDateTime.parse("2026-03-09T09:00"));
        assertThat(hours.firstAllowedInNext(CapPeriod.MONTH, thursday, samara).map(t -> inZone(t, "Europe/Samara")))
                .as("1 April is a Wednesday").contains(LocalDateTime.parse("2026-04-01T08:00"));
    }

    @Test
    @DisplayName("a tenant's narrower windows are kept, and may leave an unknown zone no common window at all")
    void tenantWindows() {
        QuietHours narrow = hours.withWindows(DayWindows.of("10:00-20:00", "11:00-18:00"));
        assertThat(inZone(narrow.nextAllowed(local("2026-11-24T09:00", "Europe/Moscow"), ZoneId.of("Europe/Moscow"),
                null), "Europe/Moscow")).isEqualTo(LocalDateTime.parse("2026-11-24T10:00"));
        assertThat(narrow.windows().restEnd()).isEqualTo(LocalTime.of(18, 0));
        assertThat(narrow.nextAllowed(Instant.parse("2026-11-24T00:00:00Z"), unknownAnywhere())).isEmpty();
    }
}
