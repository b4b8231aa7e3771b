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

/** {@code tenants[].callbacks} and the gateway-wide {@code callbacks} delivery settings. */
class TenantCallbacksConfigTest {

    @TempDir
    Path dir;

    private GatewayConfig load(String tenantCallbacks, Map<String, String> env) throws IOException {
        Path f = dir.resolve("vestnik.yaml");
        Files.writeString(f, """
                tenants:
                  - id: demo
                    apiKeys:
                      - key: demo-upstream-key
                        roles: [upstream]
                """ + (tenantCallbacks == null ? "" : "    callbacks: " + tenantCallbacks + "\n"));
        return ConfigReader.load(f, env);
    }

    @Test
    @DisplayName("a tenant's callbacks url and secret are read; without a callbacks section the tenant has none")
    void read() throws IOException {
        TenantCallbacks cb = load("{url: \"https://crm.example.org/cb\", secret: \"0123456789abcdef0123\"}", Map.of())
                .tenants().get(0).callbacks();
        assertThat(cb.url()).isEqualTo("https://crm.example.org/cb");
        assertThat(cb.secret()).isEqualTo("0123456789abcdef0123");
        assertThat(cb.toString()).doesNotContain("0123456789abcdef0123");
        assertThat(load(null, Map.of()).tenants().get(0).callbacks()).isEqualTo(TenantCallbacks.NONE);
        TenantCallbacks secretOnly = load("{secret: \"0123456789abcdef0123\"}", Map.of()).tenants().get(0).callbacks();
        assertThat(secretOnly.url()).isNull();
        assertThat(secretOnly.signed()).isTrue();
    }

    @Test
    @DisplayName("a callbacks url without a secret, a short secret, a bad url or an unknown key stops the start, naming the key")
    void refused() {
        assertThatThrownBy(() -> load("{url: \"https://crm.example.org/cb\"}", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("tenants[0].callbacks.secret");
        assertThatThrownBy(() -> load("{url: \"https://crm.example.org/cb\", secret: short}", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("shorter than 16");
        assertThatThrownBy(() -> load("{url: \"ftp://crm.example.org/cb\", secret: \"0123456789abcdef0123\"}", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("tenants[0].callbacks.url");
        assertThatThrownBy(() -> load("{uri: \"https://crm.example.org/cb\", secret: \"0123456789abcdef0123\"}", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown key 'uri'");
    }

    @Test
    @DisplayName("delivery settings have production defaults and follow VESTNIK_CALLBACKS_* variables")
    void deliverySettings() throws IOException {
        CallbacksConfig defaults = load(null, Map.of()).callbacks();
        assertThat(defaults).isEqualTo(CallbacksConfig.DEFAULTS);
        assertThat(defaults.maxAge()).isEqualTo(Duration.ofHours(24));
        CallbacksConfig tuned = load(null, Map.of("VESTNIK_CALLBACKS_MAXAGE", "PT1H", "VESTNIK_CALLBACKS_PERHOSTCONCURRENCY", "4"))
                .callbacks();
        assertThat(tuned.maxAge()).isEqualTo(Duration.ofHours(1));
        assertThat(tuned.perHostConcurrency()).isEqualTo(4);
        assertThat(load("{secret: \"0123456789abcdef0123\"}", Map.of("VESTNIK_TENANTS_0_CALLBACKS_SECRET", "from-the-environment-1"))
                .tenants().get(0).callbacks().secret()).isEqualTo("from-the-environment-1");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("statuses narrows a tenant's callbacks to the listed statuses; an unknown or empty list is refused")
    void statuses() throws IOException {
        TenantCallbacks cb = load("{url: \"https://crm.example.org/cb\", secret: \"0123456789abcdef0123\", statuses: [failed, delivered]}",
                Map.of()).tenants().get(0).callbacks();
        assertThat(cb.luaFilter()).isEqualTo(",delivered,failed,");
        assertThat(load("{secret: \"0123456789abcdef0123\"}", Map.of()).tenants().get(0).callbacks().luaFilter()).isNull();
        assertThatThrownBy(() -> load("{secret: \"0123456789abcdef0123\", statuses: [delivred]}", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown status 'delivred'");
        assertThatThrownBy(() -> load("{secret: \"0123456789abcdef0123\", statuses: []}", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("statuses must be a list");
    }
}
