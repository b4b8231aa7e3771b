package vestnik.channels.viber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ViberConfigTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode section(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    @DisplayName("the section from the issue reads with Viber's defaults for rate and timeout")
    void issueExample() throws Exception {
        ViberConfig config = ViberConfig.from("vb", section(
                "{\"type\":\"viber\",\"authToken\":\"4453b6ac\",\"senderName\":\"Demo\",\"baseUrl\":\"https://chatapi.viber.com/pa\"}"));

        assertThat(config.authToken()).isEqualTo("4453b6ac");
        assertThat(config.senderName()).isEqualTo("Demo");
        assertThat(config.senderAvatar()).isNull();
        assertThat(config.baseUrl()).isEqualTo("https://chatapi.viber.com/pa");
        assertThat(config.rate()).isEqualTo(30);
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    @DisplayName("rate, timeout and avatar can be set, a trailing slash on baseUrl is dropped, baseUrl has a default")
    void optionalKeys() throws Exception {
        ViberConfig config = ViberConfig.from("vb", section("{\"type\":\"viber\",\"authToken\":\"t\",\"senderName\":\"Demo\","
                + "\"senderAvatar\":\"https://x.example/a.jpg\",\"chatUri\":\"vestnik-demo\",\"rate\":5,\"requestTimeoutMs\":2500,"
                + "\"baseUrl\":\"http://127.0.0.1:8080/pa/\"}"));
        ViberConfig defaults = ViberConfig.from("vb", section("{\"type\":\"viber\",\"authToken\":\"t\",\"senderName\":\"Demo\"}"));

        assertThat(config.rate()).isEqualTo(5);
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(config.senderAvatar()).isEqualTo("https://x.example/a.jpg");
        assertThat(config.chatUri()).isEqualTo("vestnik-demo");
        assertThat(defaults.chatUri()).isNull();
        assertThat(config.baseUrl()).isEqualTo("http://127.0.0.1:8080/pa");
        assertThat(defaults.baseUrl()).isEqualTo(ViberConfig.DEFAULT_BASE_URL);
    }

    @Test
    @DisplayName("a missing token, a misspelt key, a bad rate, a long sender name and a bad URL are refused by key")
    void invalidSectionsNameTheKey() {
        assertThatThrownBy(() -> ViberConfig.from("vb", section("{\"type\":\"viber\",\"senderName\":\"Demo\"}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channels.vb.authToken");
        assertThatThrownBy(() -> ViberConfig.from("vb", section("{\"type\":\"viber\",\"authToken\":\"t\"}")))
                .hasMessageContaining("channels.vb.senderName");
        assertThatThrownBy(() -> ViberConfig.from("vb", section(
                "{\"type\":\"viber\",\"authToken\":\"t\",\"senderName\":\"Demo\",\"sendrName\":\"x\"}")))
                .hasMessageContaining("channels.vb.sendrName");
        assertThatThrownBy(() -> ViberConfig.from("vb", section(
                "{\"type\":\"viber\",\"authToken\":\"t\",\"senderName\":\"Demo\",\"rate\":\"fast\"}")))
                .hasMessageContaining("channels.vb.rate");
        assertThatThrownBy(() -> ViberConfig.from("vb", section(
                "{\"type\":\"viber\",\"authToken\":\"t\",\"senderName\":\"Demo\",\"rate\":0}")))
                .hasMessageContaining("channels.vb.rate");
        assertThatThrownBy(() -> ViberConfig.from("vb", section(
                "{\"type\":\"viber\",\"authToken\":\"t\",\"senderName\":\"ООО Коллекторское агентство Вектор\"}")))
                .hasMessageContaining("channels.vb.senderName");
        assertThatThrownBy(() -> ViberConfig.from("vb", section(
                "{\"type\":\"viber\",\"authToken\":\"t\",\"senderName\":\"Demo\",\"baseUrl\":\"chatapi.viber.com\"}")))
                .hasMessageContaining("channels.vb.baseUrl");
    }

    @Test
    @DisplayName("a config that reaches a log does not show the auth token")
    void toStringHidesToken() throws Exception {
        ViberConfig config = ViberConfig.from("vb", section(
                "{\"type\":\"viber\",\"authToken\":\"4453b6ac\",\"senderName\":\"Demo\"}"));

        assertThat(config.toString()).doesNotContain("4453b6ac").contains("Demo");
    }
}
