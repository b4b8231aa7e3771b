package vestnik.gateway.policy.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProductionCalendarTest {

    private final ProductionCalendar calendar = ProductionCalendar.bundled();

    private long workingDays(int year, String region) {
        LocalDate first = LocalDate.of(year, 1, 1);
        return Stream.iterate(first, d -> d.getYear() == year, d -> d.plusDays(1))
                .filter(d -> calendar.isWorkingDay(d, region)).count();
    }

    @Test
    @DisplayName("2025 and 2026 have the 247 working days of their decrees; Tatarstan's 2025 has 245")
    void workingDayCounts() {
        assertThat(workingDays(2025, null)).isEqualTo(247);
        assertThat(workingDays(2026, null)).isEqualTo(247);
        assertThat(workingDays(2025, "RU-TA")).isEqualTo(245);
        assertThat(calendar.years()).containsExactly(2025, 2026, 2027);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            // 2025, decree No. 1335 of 04.10.2024
            "2025-01-08, HOLIDAY",
            "2025-01-09, WORKING",
            "2025-02-24, WORKING",
            "2025-03-10, WORKING",
            "2025-05-02, TRANSFERRED_DAY_OFF",
            "2025-05-08, TRANSFERRED_DAY_OFF",
            "2025-06-13, TRANSFERRED_DAY_OFF",
            "2025-11-01, TRANSFERRED_WORKING_DAY",
            "2025-11-03, TRANSFERRED_DAY_OFF",
            "2025-12-31, TRANSFERRED_DAY_OFF",
            // 2026, decree No. 1466 of 24.09.2025
            "2026-01-09, TRANSFERRED_DAY_OFF",
            "2026-01-12, WORKING",
            "2026-02-23, HOLIDAY",
            "2026-03-09, TRANSFERRED_DAY_OFF",
            "2026-05-11, TRANSFERRED_DAY_OFF",
            "2026-11-04, HOLIDAY",
            "2026-11-07, WEEKEND",
            "2026-12-31, TRANSFERRED_DAY_OFF",
            // 2027, no decree yet: art. 112 and provisional transfers
            "2027-01-08, HOLIDAY",
            "2027-05-03, TRANSFERRED_DAY_OFF",
            "2027-05-10, TRANSFERRED_DAY_OFF",
            "2027-06-14, TRANSFERRED_DAY_OFF",
            "2027-11-13, WEEKEND",
            "2027-12-31, TRANSFERRED_DAY_OFF"})
    void federalDays(LocalDate date, DayKind kind) {
        assertThat(calendar.dayKind(date, null)).isEqualTo(kind);
        assertThat(calendar.isWorkingDay(date, "RU-MOW")).isEqualTo(kind.isWorking());
    }

    @Test
    @DisplayName("2027's undecided transfers are marked provisional, and only as rest days")
    void provisional2027() {
        assertThat(calendar.entries()).filteredOn(CalendarEntry::provisional)
                .allSatisfy(e -> {
                    assertThat(e.date().getYear()).isEqualTo(2027);
                    assertThat(e.kind()).isNotEqualTo(CalendarEntry.Kind.WORKING);
                });
    }

    @Test
    @DisplayName("a regional holiday is a rest day in its region only")
    void regionalHolidays() {
        LocalDate uraza = LocalDate.of(2026, 3, 20);
        assertThat(calendar.dayKind(uraza, "RU-TA")).isEqualTo(DayKind.REGIONAL_HOLIDAY);
        assertThat(calendar.dayKind(uraza, "RU-BA")).isEqualTo(DayKind.REGIONAL_HOLIDAY);
        assertThat(calendar.dayKind(uraza, "RU-MOW")).isEqualTo(DayKind.WORKING);
        assertThat(calendar.isWorkingDay(uraza, null)).isTrue();
        assertThat(calendar.isWorkingDayEverywhere(uraza)).isFalse();
        assertThat(calendar.isWorkingDayEverywhere(LocalDate.of(2026, 3, 19))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 6), "RU-TA")).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 12), "RU-BA")).isTrue();
    }

    @Test
    @DisplayName("a year the file does not cover still rests on weekends and on the fixed holidays of art. 112")
    void uncoveredYear() {
        assertThat(calendar.covers(2028)).isFalse();
        assertThat(calendar.dayKind(LocalDate.of(2028, 1, 3), null)).isEqualTo(DayKind.HOLIDAY);
        assertThat(calendar.dayKind(LocalDate.of(2028, 6, 12), null)).isEqualTo(DayKind.HOLIDAY);
        assertThat(calendar.dayKind(LocalDate.of(2028, 6, 13), null)).isEqualTo(DayKind.WORKING);
        assertThat(calendar.dayKind(LocalDate.of(2028, 6, 17), null)).isEqualTo(DayKind.WEEKEND);
    }

    @Test
    @DisplayName("an uploaded calendar in the same format replaces the shipped one")
    void replacement() throws IOException {
        String file = "# test\n2028-01-01;holiday;;official;Новый год\n2028-01-10;day_off;;official;перенос\n"
                + "2028-01-15;working;;official;рабочая суббота\n2028-03-03;holiday;RU-TA;official;региональный\n";
        ProductionCalendar uploaded = ProductionCalendar.parse(
                new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)));
        assertThat(uploaded.years()).containsExactly(2028);
        assertThat(uploaded.isWorkingDay(LocalDate.of(2028, 1, 10), null)).isFalse();
        assertThat(uploaded.isWorkingDay(LocalDate.of(2028, 1, 15), null)).isTrue();
        assertThat(uploaded.isWorkingDay(LocalDate.of(2028, 3, 3), "RU-TA")).isFalse();
        assertThat(uploaded.isWorkingDay(LocalDate.of(2028, 1, 4), null)).as("not listed, covered year").isTrue();
    }

    @Test
    @DisplayName("a calendar that would widen the window on a guess, or contradicts the weekday, is refused by line")
    void refusesBadLines() {
        assertThatThrownBy(() -> ProductionCalendar.parse("2027-11-13;working;;provisional;рабочая суббота?\n"))
                .hasMessageContaining("line 1").hasMessageContaining("widen");
        assertThatThrownBy(() -> ProductionCalendar.parse("2026-01-01;holiday;;official;x\n2026-11-10;working;;official;x\n"))
                .hasMessageContaining("line 2").hasMessageContaining("weekday");
        assertThatThrownBy(() -> ProductionCalendar.parse("2026-01-01;holiday;;official;x\n2026-01-01;holiday;;official;y\n"))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> ProductionCalendar.parse("2026-03-20;holiday;Tatarstan;official;x\n"))
                .hasMessageContaining("ISO 3166-2:RU");
        assertThatThrownBy(() -> ProductionCalendar.parse("2026-03-20;holiday;RU-TA;official;x\n"))
                .hasMessageContaining("no federal day");
    }
}
