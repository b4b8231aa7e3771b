package vestnik.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vestnik.templates.lint.ForbiddenPhrases;
import vestnik.templates.lint.LintConfig;
import vestnik.templates.model.TenantProfile;
import vestnik.templates.preview.Tariff;

/** A tenant's template settings: profile, tariff and publish checks, each optional. */
class TenantTemplateSettingsTest {

    @TempDir
    Path dir;

    private GatewayConfig load(String tenantYaml, Map<String, String> env) throws IOException {
        Path f = dir.resolve("vestnik.yaml");
        Files.writeString(f, "tenants:\n" + tenantYaml);
        return ConfigReader.load(f, env);
    }

    @Test
    @DisplayName("profile, tariff and lint settings are read; prices are exact roubles")
    void readsSettings() throws IOException {
        GatewayConfig c = load("""
                  - id: demo
                    name: "ООО «Демо»"
                    profile: {name: "ООО ПКО «Демо»", phone: "8 800 000-00-00"}
                    tariff: {smsPart: 3.50, messengerMessage: 0.4, email: "0.05", callMinute: 1.2}
                    lint: {maxSmsParts: 4, forbiddenPhrases: ["уголовн* дел*"]}
                    apiKeys: [{key: demo-marketer-key, roles: [marketer]}]
                """, Map.of());

        Tenant t = c.tenants().get(0);
        assertThat(t.profile()).isEqualTo(new TenantProfile("ООО ПКО «Демо»", "8 800 000-00-00"));
        assertThat(t.tariff().smsPart()).isEqualByComparingTo("3.50");
        assertThat(t.tariff().email()).isEqualByComparingTo("0.05");
        assertThat(t.tariff().callAttempt()).isZero();
        assertThat(t.lint().maxSmsParts()).isEqualTo(4);
        assertThat(t.lint().forbiddenPhrases().phrases()).containsExactly("уголовн* дел*");
    }

    @Test
    @DisplayName("without settings the creditor is the tenant's name, prices are zero and the built-in checks apply")
    void defaults() throws IOException {
        Tenant t = load("""
                  - id: demo
                    name: "ООО «Демо»"
                    apiKeys: [{key: demo-upstream-key, roles: [upstream]}]
                """, Map.of()).tenants().get(0);

        assertThat(t.profile()).isEqualTo(new TenantProfile("ООО «Демо»", null));
        assertThat(t.tariff()).isEqualTo(Tariff.free());
        assertThat(t.lint().maxSmsParts()).isEqualTo(LintConfig.DEFAULT_MAX_SMS_PARTS);
        assertThat(t.lint().forbiddenPhrases().phrases()).isEqualTo(ForbiddenPhrases.defaultList());
    }

    @Test
    @DisplayName("a price can come from an environment variable")
    void priceFromEnvironment() throws IOException {
        Tenant t = load("""
                  - id: demo
                    tariff: {smsPart: 3.50}
                    apiKeys: [{key: demo-upstream-key, roles: [upstream]}]
                """, Map.of("VESTNIK_TENANTS_0_TARIFF_SMSPART", "2.95")).tenants().get(0);

        assertThat(t.tariff().smsPart()).isEqualByComparingTo("2.95");
    }

    @Test
    @DisplayName("invalid settings stop the start with a message naming the key")
    void invalidSettings() {
        String keys = "    apiKeys: [{key: demo-upstream-key, roles: [upstream]}]\n";
        assertThatThrownBy(() -> load("  - id: demo\n    tariff: {smsPart: cheap}\n" + keys, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("tenants[0].tariff.smsPart");
        assertThatThrownBy(() -> load("  - id: demo\n    tariff: {smsPart: -1}\n" + keys, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("cannot be negative");
        assertThatThrownBy(() -> load("  - id: demo\n    tariff: {sms: 1}\n" + keys, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("tenants[0].tariff.sms is not a known key");
        assertThatThrownBy(() -> load("  - id: demo\n    profile: {phone: \"call us\"}\n" + keys, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("tenants[0].profile.phone");
        assertThatThrownBy(() -> load("  - id: demo\n    lint: {maxSmsParts: 11}\n" + keys, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("tenants[0].lint.maxSmsParts");
        assertThatThrownBy(() -> load("  - id: demo\n    lint: {forbiddenPhrases: [\"*\"]}\n" + keys, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("tenants[0].lint.forbiddenPhrases");
    }
}
