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

class ConsoleConfigReaderTest {

    private static final String BASE = """
            tenants:
              - id: demo
                apiKeys: [{key: demo-upstream-key, roles: [upstream]}]
              - id: other
                apiKeys: [{key: other-upstream-key, roles: [upstream]}]
            """;

    @TempDir
    Path dir;

    private ConsoleConfig load(String console, Map<String, String> env) throws IOException {
        Path f = dir.resolve("vestnik.yaml");
        Files.writeString(f, BASE + console);
        return ConfigReader.load(f, env).console();
    }

    @Test
    @DisplayName("without a console section there is no first admin, 8 h idle and 24 h sessions, bcrypt cost 12")
    void defaults() throws IOException {
        ConsoleConfig c = load("", Map.of());
        assertThat(c.admin()).isEmpty();
        assertThat(c.sessionIdle()).isEqualTo(Duration.ofHours(8));
        assertThat(c.sessionMax()).isEqualTo(Duration.ofHours(24));
        assertThat(c.secureCookie()).isFalse();
        assertThat(c.bcryptCost()).isEqualTo(12);
    }

    @Test
    @DisplayName("the first admin belongs to the first tenant unless named, and its password can come from the environment")
    void firstAdmin() throws IOException {
        ConsoleConfig c = load("console: {admin: {login: boss}}\n", Map.of("VESTNIK_CONSOLE_ADMIN_PASSWORD", "from-the-environment"));
        assertThat(c.admin()).hasValueSatisfying(a -> {
            assertThat(a.tenantId()).isEqualTo("demo");
            assertThat(a.login()).isEqualTo("boss");
            assertThat(a.password()).isEqualTo("from-the-environment");
            assertThat(a.toString()).doesNotContain("from-the-environment");
        });
        assertThat(load("console: {admin: {login: boss, tenant: other, password: long-enough-pw}, secureCookie: true}\n", Map.of()))
                .satisfies(x -> assertThat(x.admin().orElseThrow().tenantId()).isEqualTo("other"))
                .satisfies(x -> assertThat(x.secureCookie()).isTrue());
    }

    @Test
    @DisplayName("a short admin password, an unknown tenant or key, and sessions shorter than their idle time are refused at start")
    void refusesMistakes() {
        assertThatThrownBy(() -> load("console: {admin: {login: boss, password: short}}\n", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("at least 10 characters");
        assertThatThrownBy(() -> load("console: {admin: {login: boss, tenant: nobody, password: long-enough-pw}}\n", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown tenant 'nobody'");
        assertThatThrownBy(() -> load("console: {admin: {login: 'a b', password: long-enough-pw}}\n", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("console.admin.login");
        assertThatThrownBy(() -> load("console: {sesionIdle: PT1H}\n", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown key 'sesionIdle'");
        assertThatThrownBy(() -> load("console: {sessionIdle: PT10H, sessionMax: PT1H}\n", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("sessionMax");
    }
}
