package vestnik.channels.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WhatsAppConfigTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXAMPLE = "{\"type\":\"whatsapp\",\"accessToken\":\"EAAG\",\"phoneNumberId\":\"1065\","
            + "\"appSecret\":\"abc\",\"verifyToken\":\"vt\",\"baseUrl\":\"https://graph.facebook.com/v21.0\"}";

    private static JsonNode section(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    @DisplayName("the section from the issue reads with Meta's default throughput and pair limit")
    void issueExample() throws Exception {
        WhatsAppConfig config = WhatsAppConfig.from("wa", section(EXAMPLE));

        assertThat(config.accessToken()).isEqualTo("EAAG");
        assertThat(config.phoneNumberId()).isEqualTo("1065");
        assertThat(config.appSecret()).isEqualTo("abc");
        assertThat(config.verifyToken()).isEqualTo("vt");
        assertThat(config.baseUrl()).isEqualTo("https://graph.facebook.com/v21.0");
        assertThat(config.rate()).isEqualTo(80);
        assertThat(config.recipientRatePerMinute()).isEqualTo(10);
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    @DisplayName("a numeric phoneNumberId, rates and timeout can be given; baseUrl and verifyToken may be left out")
    void optionalKeys() throws Exception {
        WhatsAppConfig config = WhatsAppConfig.from("wa", section("{\"type\":\"whatsapp\",\"accessToken\":\"EAAG\","
                + "\"phoneNumberId\":1065,\"appSecret\":\"abc\",\"rate\":20,\"recipientRatePerMinute\":6,"
                + "\"requestTimeoutMs\":1500}"));

        assertThat(config.phoneNumberId()).isEqualTo("1065");
        assertThat(config.verifyToken()).isNull();
        assertThat(config.baseUrl()).isEqualTo(WhatsAppConfig.DEFAULT_BASE_URL);
        assertThat(config.rate()).isEqualTo(20);
        assertThat(config.recipientRatePerMinute()).isEqualTo(6);
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    @DisplayName("a missing credential, a misspelt key, a bad rate or id and a bad URL are refused by key")
    void invalidSectionsNameTheKey() {
        assertThatThrownBy(() -> WhatsAppConfig.from("wa", section(EXAMPLE.replace("\"accessToken\":\"EAAG\",", ""))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channels.wa.accessToken");
        assertThatThrownBy(() -> WhatsAppConfig.from("wa", section(EXAMPLE.replace("\"appSecret\":\"abc\",", ""))))
                .hasMessageContaining("channels.wa.appSecret");
        assertThatThrownBy(() -> WhatsAppConfig.from("wa", section(EXAMPLE.replace("\"phoneNumberId\":\"1065\",", ""))))
                .hasMessageContaining("channels.wa.phoneNumberId");
        assertThatThrownBy(() -> WhatsAppConfig.from("wa", section(EXAMPLE.replace("1065", "+7 916 123-45-67"))))
                .hasMessageContaining("channels.wa.phoneNumberId");
        assertThatThrownBy(() -> WhatsAppConfig.from("wa", section(EXAMPLE.replace("verifyToken", "verifyTokn"))))
                .hasMessageContaining("channels.wa.verifyTokn");
        assertThatThrownBy(() -> WhatsAppConfig.from("wa", section(EXAMPLE.replace("}", ",\"rate\":-1}"))))
                .hasMessageContaining("channels.wa.rate");
        assertThatThrownBy(() -> WhatsAppConfig.from("wa", section(EXAMPLE.replace("https://graph", "ftp://graph"))))
                .hasMessageContaining("channels.wa.baseUrl");
    }

    @Test
    @DisplayName("a config that reaches a log shows none of its token, secret or verify token")
    void toStringHidesCredentials() throws Exception {
        String shown = WhatsAppConfig.from("wa", section(EXAMPLE.replace("\"EAAG\"", "\"EAAGsecret\"")
                .replace("\"abc\"", "\"app-secret-1\"").replace("\"vt\"", "\"verify-1\""))).toString();

        assertThat(shown).doesNotContain("EAAGsecret", "app-secret-1", "verify-1").contains("1065");
    }
}
