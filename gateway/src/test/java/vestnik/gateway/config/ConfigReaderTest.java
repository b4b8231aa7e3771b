package vestnik.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReaderTest {

    private static final String ISSUE_EXAMPLE = """
            http:
              port: 8080
            redis:
              uri: embedded          # or redis://host:6379 ; embedded = bundled redis-server with AOF in dataDir
              dataDir: ./data
            tenants:
              - id: demo
                name: "ООО «Демо»"
                apiKeys:
                  - key: demo-upstream-key     # accept plain keys in config for the demo; store only a hash in memory/Redis
                    roles: [upstream]
            channels:
              sms:
                type: smpp
                host: 127.0.0.1
                port: 2775
                systemId: gw
                password: secret
                sourceAddr: VESTNIK          # alphanumeric sender: TON 5; digits: TON 1
                binds: 1                     # transceiver sessions
                window: 64                   # submit_sm in flight per bind
                maxRate: 500                 # submit_sm per second for the whole channel
            """;

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path f = dir.resolve("vestnik.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    @DisplayName("the configuration from the foundation issue loads as is, keeping only a hash of the API key")
    void issueExampleLoads() throws IOException {
        GatewayConfig c = ConfigReader.load(write(ISSUE_EXAMPLE), Map.of());
        assertThat(c.http().port()).isEqualTo(8080);
        assertThat(c.redis().embedded()).isTrue();
        assertThat(c.redis().dataDir().isAbsolute()).isTrue();
        assertThat(c.redis().dataDir().getFileName().toString()).isEqualTo("data");
        assertThat(c.tenants()).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("ООО «Демо»");
            assertThat(t.apiKeys()).singleElement().satisfies(k -> {
                assertThat(k.keyHash()).isEqualTo(ApiKey.hash("demo-upstream-key")).doesNotContain("demo");
                assertThat(k.roles()).containsExactly(Role.UPSTREAM);
            });
        });
        assertThat(c.channels().get("sms").get("maxRate").asInt()).isEqualTo(500);
        assertThat(c.dispatch().defaultTtl()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    @DisplayName("VESTNIK_* variables override any key, matched case-insensitively, camelCase included")
    void environmentOverrides() throws IOException {
        GatewayConfig c = ConfigReader.load(write(ISSUE_EXAMPLE), Map.of(
                "VESTNIK_HTTP_PORT", "9090",
                "VESTNIK_REDIS_DATADIR", dir.resolve("elsewhere").toString(),
                "VESTNIK_CHANNELS_SMS_PASSWORD", "from-env",
                "VESTNIK_DISPATCH_MAXATTEMPTS", "3",
                "UNRELATED", "x"));
        assertThat(c.http().port()).isEqualTo(9090);
        assertThat(c.redis().dataDir()).isEqualTo(dir.resolve("elsewhere"));
        assertThat(c.channels().get("sms").get("password").asText()).isEqualTo("from-env");
        assertThat(c.dispatch().maxAttempts()).isEqualTo(3);
    }

    @Test
    @DisplayName("without --config the built-in demo tenant with no channels is used")
    void builtInDefault() {
        GatewayConfig c = ConfigReader.load(null, Map.of());
        assertThat(c.http().port()).isEqualTo(8080);
        assertThat(c.tenants()).extracting(Tenant::id).containsExactly("demo");
        assertThat(c.channels()).isEmpty();
    }

    @Test
    @DisplayName("mistakes are reported with the key that is wrong")
    void errorsNameTheKey() throws IOException {
        Path f = write(ISSUE_EXAMPLE);
        assertThatThrownBy(() -> ConfigReader.load(f, Map.of("VESTNIK_HTTP_PORT", "99999")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("http.port");
        assertThatThrownBy(() -> ConfigReader.load(f, Map.of("VESTNIK_NO_SUCH_KEY", "1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("VESTNIK_NO_SUCH_KEY");
        assertThatThrownBy(() -> ConfigReader.load(write(ISSUE_EXAMPLE.replace("[upstream]", "[boss]")), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("tenants[0].apiKeys[0].roles");
        assertThatThrownBy(() -> ConfigReader.load(dir.resolve("missing.yaml"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("missing.yaml");
        assertThatThrownBy(() -> ConfigReader.load(write("http: [1, 2"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not valid YAML");
    }

    @Test
    @DisplayName("durations are read in ISO-8601 and short forms")
    void durations() {
        assertThat(ConfigReader.parseDuration("PT30S")).isEqualTo(Duration.ofSeconds(30));
        assertThat(ConfigReader.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(ConfigReader.parseDuration("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(ConfigReader.parseDuration("P1D")).isEqualTo(Duration.ofDays(1));
        assertThat(ConfigReader.parseDuration("soon")).isNull();
    }
}
