package vestnik.gateway.policy.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CapWindowsTest {

    private static final ZoneId VLADIVOSTOK = ZoneId.of("Asia/Vladivostok");
    private static final ZoneId KALININGRAD = ZoneId.of("Europe/Kaliningrad");

    @Test
    @DisplayName("the keys name the local day, the ISO week and the month, and each window ends at local midnight")
    void keysAndEnds() {
        CapWindows w = CapWindows.at(Instant.parse("2026-11-24T09:00:00Z"), ZoneId.of("Europe/Moscow"));
        assertThat(w.day().key()).isEqualTo("d:2026-11-24");
        assertThat(w.week().key()).isEqualTo("w:2026-W48");
        assertThat(w.month().key()).isEqualTo("m:2026-11");
        assertThat(w.day().start()).isEqualTo(Instant.parse("2026-11-23T21:00:00Z"));
        assertThat(w.day().end()).isEqualTo(Instant.parse("2026-11-24T21:00:00Z"));
        assertThat(w.week().start()).as("Monday 23 Nov, 00:00 MSK").isEqualTo(Instant.parse("2026-11-22T21:00:00Z"));
        assertThat(w.nextStart(CapPeriod.WEEK)).as("Monday 30 Nov, 00:00 MSK").isEqualTo(Instant.parse("2026-11-29T21:00:00Z"));
        assertThat(w.nextStart(CapPeriod.MONTH)).as("1 Dec, 00:00 MSK").isEqualTo(Instant.parse("2026-11-30T21:00:00Z"));
    }

    @Test
    @DisplayName("23:30 UTC on a Sunday is already Monday in Vladivostok: a new day and a new week there, not in Kaliningrad")
    void sundayNightUtc() {
        Instant t = Instant.parse("2026-11-29T23:30:00Z");
        CapWindows vlad = CapWindows.at(t, VLADIVOSTOK);
        assertThat(vlad.day().key()).isEqualTo("d:2026-11-30");
        assertThat(vlad.week().key()).isEqualTo("w:2026-W49");
        assertThat(vlad.month().key()).isEqualTo("m:2026-11");
        CapWindows kgd = CapWindows.at(t, KALININGRAD);
        assertThat(kgd.day().key()).isEqualTo("d:2026-11-30");
        CapWindows kgdBefore = CapWindows.at(Instant.parse("2026-11-29T21:30:00Z"), KALININGRAD);
        assertThat(kgdBefore.day().key()).isEqualTo("d:2026-11-29");
        assertThat(kgdBefore.week().key()).isEqualTo("w:2026-W48");
        assertThat(CapWindows.at(Instant.parse("2026-11-29T21:30:00Z"), VLADIVOSTOK).week().key()).isEqualTo("w:2026-W49");
    }

    @Test
    @DisplayName("the month turns at local midnight: 13:00 UTC on 30 November is 1 December in Kamchatka")
    void monthInKamchatka() {
        CapWindows w = CapWindows.at(Instant.parse("2026-11-30T13:00:00Z"), ZoneId.of("Asia/Kamchatka"));
        assertThat(w.month().key()).isEqualTo("m:2026-12");
        assertThat(w.month().start()).isEqualTo(Instant.parse("2026-11-30T12:00:00Z"));
    }

    @Test
    @DisplayName("the week key uses the ISO week-based year across New Year")
    void isoWeekYear() {
        assertThat(CapWindows.at(Instant.parse("2027-01-01T09:00:00Z"), KALININGRAD).week().key()).isEqualTo("w:2026-W53");
        assertThat(CapWindows.at(Instant.parse("2025-12-29T09:00:00Z"), KALININGRAD).week().key()).isEqualTo("w:2026-W01");
        assertThat(CapWindows.at(Instant.parse("2027-01-04T09:00:00Z"), KALININGRAD).week().key()).isEqualTo("w:2027-W01");
    }
}
