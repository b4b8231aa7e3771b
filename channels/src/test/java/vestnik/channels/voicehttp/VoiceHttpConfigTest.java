package vestnik.channels.voicehttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vestnik.channels.testing.Fixtures;

class VoiceHttpConfigTest {

    private static VoiceHttpConfig read(String extra) {
        return VoiceHttpConfig.from("voice", Fixtures.parse(
                "{\"type\": \"voice-http\", \"apiKey\": \"key-1\", \"sourceNumber\": \"+74951234567\"" + extra + "}"));
    }

    @Test
    @DisplayName("a minimal section takes the documented defaults, and the key never shows in toString")
    void defaults() {
        VoiceHttpConfig c = read("");

        assertThat(c.baseUrl()).isEqualTo("https://api.exolve.ru");
        assertThat(c.sourceNumber()).isEqualTo("74951234567");
        assertThat(c.serviceId()).isNull();
        assertThat(c.language()).isEqualTo("ru");
        assertThat(c.rate()).isEqualTo(5);
        assertThat(c.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.toString()).doesNotContain("key-1").doesNotContain("74951234567");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        ", \"sourceNumber\": \"Demo\"     | sourceNumber is required",
        ", \"apiKey\": \" \"              | apiKey is required",
        ", \"serviceId\": \"a b\"         | serviceId must be",
        ", \"rate\": -1                   | rate must be a positive",
        ", \"requestTimeout\": \"2m\"     | requestTimeout must be a duration",
        ", \"baseUrl\": \"ftp://x\"       | baseUrl must be an http(s) URL",
        ", \"token\": \"x\"               | token is not a known key of a voice-http channel",
    })
    @DisplayName("a wrong key is named in the error")
    void invalid(String extra, String message) {
        assertThatThrownBy(() -> read(extra.trim())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("channels.voice.").hasMessageContaining(message);
    }
}
