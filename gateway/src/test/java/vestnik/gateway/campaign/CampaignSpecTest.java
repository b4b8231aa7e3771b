package vestnik.gateway.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.MultiMap;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vestnik.gateway.api.ApiError;
import vestnik.gateway.store.Priority;

class CampaignSpecTest {

    /** 2026-11-23 23:00 UTC = 2026-11-24 02:00 in Moscow. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T23:00:00Z"), ZoneOffset.UTC);

    private static MultiMap q(Map<String, String> m) {
        MultiMap q = MultiMap.caseInsensitiveMultiMap();
        m.forEach(q::add);
        return q;
    }

    @Test
    @DisplayName("a campaign is bulk by default and its window is today in Moscow, 08–22")
    void defaults() {
        CampaignSpec s = CampaignSpec.parse(q(Map.of("name", "Night", "text", "Hi", "channel", "sms")), CLOCK);
        assertThat(s.priority()).isEqualTo(Priority.BULK);
        assertThat(s.from()).hasToString("2026-11-24");
        assertThat(s.start()).isEqualTo(Instant.parse("2026-11-24T05:00:00Z"));
        assertThat(s.end()).isEqualTo(Instant.parse("2026-11-24T19:00:00Z"));
        assertThat(s.openTime(CLOCK.instant())).isEqualTo(Duration.ofHours(14));
        assertThat(CampaignSpec.fromJson(s.toJson())).isEqualTo(s);
    }

    @Test
    @DisplayName("hours outside the legal 08–22, a window in the past and a share above 1 are refused")
    void refusals() {
        assertThatThrownBy(() -> CampaignSpec.parse(q(Map.of("name", "n", "text", "t", "channel", "sms", "fromHour", "7")), CLOCK))
                .isInstanceOf(ApiError.class).hasMessageContaining("legal");
        assertThatThrownBy(() -> CampaignSpec.parse(q(Map.of("name", "n", "text", "t", "channel", "sms", "from", "2026-11-20",
                "to", "2026-11-21")), CLOCK)).isInstanceOf(ApiError.class).hasMessageContaining("over");
        assertThatThrownBy(() -> CampaignSpec.parse(q(Map.of("name", "n", "text", "t", "channel", "sms", "rateShare", "1.5")), CLOCK))
                .isInstanceOf(ApiError.class).hasMessageContaining("rateShare");
        assertThatThrownBy(() -> CampaignSpec.parse(q(Map.of("name", "n", "text", "t", "template", "x", "channel", "sms")), CLOCK))
                .isInstanceOf(ApiError.class).hasMessageContaining("exactly one of template and text");
    }

    @Test
    @DisplayName("the estimate warns when the rows need more sending time than the window holds")
    void estimate() {
        CampaignSpec s = CampaignSpec.parse(q(Map.of("name", "n", "text", "t", "channel", "sms", "rateShare", "0.5")), CLOCK);
        CampaignService service = new CampaignService(null, null, null, id -> 10.0, Duration.ofDays(7), null, CLOCK);
        var fits = service.estimate(s, 100_000, CLOCK.instant());
        assertThat(fits.getBoolean("fits")).isTrue();
        assertThat(fits.getLong("neededSeconds")).isEqualTo(20_000);
        var tooMany = service.estimate(s, 1_000_000, CLOCK.instant());
        assertThat(tooMany.getBoolean("fits")).isFalse();
        assertThat(tooMany.getLong("windowSeconds")).isEqualTo(14 * 3600);
        assertThat(tooMany.getString("warning")).contains("252000 will be sent");
    }
    @Test
    @DisplayName("the window is read in the debtor's zone: open, shut until the next local opening, or over after the last local close")
    void localWindow() {
        CampaignSpec s = CampaignSpec.parse(q(Map.of("name", "n", "text", "t", "channel", "sms", "from", "2026-11-25",
                "to", "2026-11-26", "fromHour", "9", "toHour", "20")), CLOCK);
        ZoneId kamchatka = ZoneId.of("Asia/Kamchatka");
        // Wednesday 15:00 in Moscow is Thursday 00:00 in Kamchatka
        Instant wednesday1200z = Instant.parse("2026-11-25T12:00:00Z");
        assertThat(s.at(ZoneId.of("Europe/Moscow"), wednesday1200z)).isInstanceOf(CampaignSpec.LocalWindow.Open.class);
        assertThat(s.at(kamchatka, wednesday1200z)).isEqualTo(new CampaignSpec.LocalWindow.Closed(
                Instant.parse("2026-11-25T21:00:00Z"), LocalDateTime.parse("2026-11-26T09:00")));
        assertThat(s.at(ZoneId.of("Asia/Vladivostok"), wednesday1200z)).isEqualTo(new CampaignSpec.LocalWindow.Closed(
                Instant.parse("2026-11-25T23:00:00Z"), LocalDateTime.parse("2026-11-26T09:00")));
        // before the first day in Kaliningrad
        assertThat(s.at(ZoneId.of("Europe/Kaliningrad"), Instant.parse("2026-11-24T20:00:00Z"))).isEqualTo(
                new CampaignSpec.LocalWindow.Closed(Instant.parse("2026-11-25T07:00:00Z"), LocalDateTime.parse("2026-11-25T09:00")));
        assertThat(s.at(kamchatka, Instant.parse("2026-11-26T08:00:00Z"))).isEqualTo(new CampaignSpec.LocalWindow.Over(
                Instant.parse("2026-11-26T08:00:00Z"), LocalDateTime.parse("2026-11-26T20:00")));
        assertThat(s.at(ZoneId.of("Europe/Moscow"), Instant.parse("2026-11-26T08:00:00Z")))
                .isInstanceOf(CampaignSpec.LocalWindow.Open.class);
    }

    @Test
    @DisplayName("a campaign's rows are due when its first day opens in Kamchatka and live until its last day closes in Kaliningrad")
    void widestWindow() {
        CampaignSpec s = CampaignSpec.parse(q(Map.of("name", "n", "text", "t", "channel", "sms", "from", "2026-11-25",
                "to", "2026-11-26", "fromHour", "9", "toHour", "20")), CLOCK);
        assertThat(s.earliestStart()).isEqualTo(Instant.parse("2026-11-24T21:00:00Z"));
        assertThat(s.latestEnd()).isEqualTo(Instant.parse("2026-11-26T18:00:00Z"));
        CampaignSpec west = CampaignSpec.parse(q(Map.of("name", "n", "text", "t", "channel", "sms", "zone", "America/New_York",
                "from", "2026-11-25", "to", "2026-11-25")), CLOCK);
        assertThat(west.latestEnd()).isEqualTo(west.end());
    }
}
