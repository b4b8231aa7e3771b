package vestnik.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vestnik.gateway.policy.ContactClass;
import vestnik.gateway.policy.TenantPolicy;

/** {@code tenants[].policy} and {@code dispatch.contactPolicy}. */
class TenantPolicyConfigTest {

    @TempDir
    Path dir;

    private GatewayConfig load(String policy, Map<String, String> env) throws IOException {
        Path f = dir.resolve("vestnik.yaml");
        Files.writeString(f, """
                tenants:
                  - id: demo
                    apiKeys:
                      - key: demo-upstream-key
                        roles: [upstream]
                """ + (policy == null ? "" : "    policy: " + policy + "\n"));
        return ConfigReader.load(f, env);
    }

    @Test
    @DisplayName("a tenant's policy is read (default zone, stricter caps); without one the tenant gets the law; enforcement is on by default")
    void read() throws IOException {
        GatewayConfig c = load("{defaultZone: Europe/Moscow, caps: {message: {day: 1}}}", Map.of());
        TenantPolicy p = c.tenants().get(0).policy();
        assertThat(p.defaultZone()).isEqualTo(ZoneId.of("Europe/Moscow"));
        assertThat(p.caps().limits(ContactClass.MESSAGE).day()).isEqualTo(1);
        assertThat(p.caps().limits(ContactClass.MESSAGE).week()).isEqualTo(4);
        assertThat(c.dispatch().contactPolicy()).isTrue();
        assertThat(load(null, Map.of()).tenants().get(0).policy()).isEqualTo(TenantPolicy.LEGAL);
        assertThat(load(null, Map.of("VESTNIK_DISPATCH_CONTACTPOLICY", "false")).dispatch().contactPolicy()).isFalse();
    }

    @Test
    @DisplayName("a looser cap or an unknown policy key stops the start, naming the tenant")
    void refused() {
        assertThatThrownBy(() -> load("{caps: {message: {day: 3}}}", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("tenants[0]").hasMessageContaining("day");
        assertThatThrownBy(() -> load("{quietHours: off}", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("quietHours");
    }
}
