package vestnik.channels.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigValuesTest {

    private static final String KEY = "channels.x.requestTimeout";

    @ParameterizedTest(name = "{0} up to {1} -> {2}")
    @DisplayName("a duration is read in the units its config allows")
    @CsvSource({
            "500ms,       SECONDS, PT0.5S",
            "10s,         SECONDS, PT10S",
            "30,          SECONDS, PT30S",
            "PT3S,        SECONDS, PT3S",
            "' 10 S ',    SECONDS, PT10S",
            "2m,          MINUTES, PT2M",
            "1h,          HOURS,   PT1H",
    })
    void durations(String text, ChronoUnit largest, String expected) {
        assertThat(ConfigValues.duration(KEY, text, largest, "10s or 500ms")).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest(name = "{0} up to {1} is refused")
    @DisplayName("a duration in a unit its config does not allow, or no duration at all, names the key")
    @CsvSource({"2m, SECONDS", "1h, MINUTES", "soon, HOURS", "'', HOURS", "1d, HOURS"})
    void notDurations(String text, ChronoUnit largest) {
        assertThatThrownBy(() -> ConfigValues.duration(KEY, text, largest, "10s or 500ms"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(KEY + " must be a duration such as 10s or 500ms");
    }

    @Test
    @DisplayName("a duration outside its bounds is refused in the words the config gives")
    void bounds() {
        Duration max = Duration.ofMinutes(5);
        assertThat(ConfigValues.within(KEY, max, ConfigValues.ABOVE_ZERO, max, "1ms and 5m")).isEqualTo(max);
        assertThatThrownBy(() -> ConfigValues.within(KEY, Duration.ZERO, ConfigValues.ABOVE_ZERO, max, "1ms and 5m"))
                .hasMessage(KEY + " must be between 1ms and 5m");
        assertThatThrownBy(() -> ConfigValues.within(KEY, max.plusNanos(1), ConfigValues.ABOVE_ZERO, max, "1ms and 5m"))
                .hasMessage(KEY + " must be between 1ms and 5m");
    }

    @Test
    @DisplayName("a rate must be above zero and within its bound; an absent one stays absent for the default")
    void rates() {
        assertThat(ConfigValues.perSecond("k", null, 1000, "calls per second")).isNull();
        assertThat(ConfigValues.perSecond("k", 0.5, 1000, "calls per second")).isEqualTo(0.5);
        assertThat(ConfigValues.perSecond("k", 1e300, ConfigValues.ANY_FINITE, "messages per second")).isEqualTo(1e300);
        for (double wrong : new double[] {0, -1, Double.NaN, 1001}) {
            assertThatThrownBy(() -> ConfigValues.perSecond("k", wrong, 1000, "calls per second"))
                    .hasMessage("k must be a positive number of calls per second");
        }
        assertThatThrownBy(() -> ConfigValues.perSecond("k", Double.POSITIVE_INFINITY, ConfigValues.ANY_FINITE, "x"))
                .hasMessage("k must be a positive number of x");
    }

    @Test
    @DisplayName("a whole number takes its default when absent, and both are held to the bounds")
    void wholeNumbers() {
        assertThat(ConfigValues.between("k", null, 16, 1, 1024)).isEqualTo(16);
        assertThat(ConfigValues.between("k", 1024, 16, 1, 1024)).isEqualTo(1024);
        assertThatThrownBy(() -> ConfigValues.between("k", 0, 16, 1, 1024)).hasMessage("k must be between 1 and 1024");
        assertThatThrownBy(() -> ConfigValues.between("k", null, 0, 1, 1024)).hasMessage("k must be between 1 and 1024");
    }

    @Test
    @DisplayName("a required text names what it holds when missing, and is returned as written")
    void required() {
        assertThat(ConfigValues.required("k", " v ", null)).isEqualTo(" v ");
        assertThatThrownBy(() -> ConfigValues.required("k", " ", "the bot token")).hasMessage("k is required (the bot token)");
        assertThatThrownBy(() -> ConfigValues.required("k", null, null)).hasMessage("k is required");
    }

    @Test
    @DisplayName("a base URL is trimmed and loses its trailing slash; anything but http(s) with a host is refused")
    void baseUrls() {
        assertThat(ConfigValues.baseUrl("k", " HTTP://localhost:8080/ ", "https://api.example")).isEqualTo("HTTP://localhost:8080");
        for (String wrong : new String[] {"ftp://x", "http://", "not a url", "http://a b"}) {
            assertThatThrownBy(() -> ConfigValues.baseUrl("k", wrong, "https://api.example"))
                    .hasMessage("k must be an http(s) URL such as https://api.example");
        }
    }

    @Test
    @DisplayName("the Viber and WhatsApp URL check drops every trailing slash and words its errors without an example")
    void httpUrls() {
        assertThat(ConfigValues.httpUrl("k", " https://chatapi.viber.com/pa// ")).isEqualTo("https://chatapi.viber.com/pa");
        assertThatThrownBy(() -> ConfigValues.httpUrl("k", "http://a b")).hasMessage("k is not a URL");
        assertThatThrownBy(() -> ConfigValues.httpUrl("k", "HTTP://a.b")).hasMessage("k must be an http(s) URL");
        assertThatThrownBy(() -> ConfigValues.httpUrl("k", "ftp://a.b")).hasMessage("k must be an http(s) URL");
    }
}
