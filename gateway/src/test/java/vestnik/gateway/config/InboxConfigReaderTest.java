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

class InboxConfigReaderTest {

    private static final String BASE = """
            tenants:
              - id: demo
                apiKeys: [{key: demo-upstream-key, roles: [upstream]}]
              - id: other
                apiKeys: [{key: other-upstream-key, roles: [upstream]}]
            channels:
              sms: {type: smpp, host: 127.0.0.1, port: 2775, systemId: gw, password: secret, sourceAddr: VESTNIK}
            """;

    @TempDir
    Path dir;

    private GatewayConfig load(String inbox) throws IOException {
        Path f = dir.resolve("vestnik.yaml");
        Files.writeString(f, BASE + inbox);
        return ConfigReader.load(f, Map.of());
    }

    @Test
    @DisplayName("the inbox section names which tenant owns a channel's unknown senders, and a default tenant")
    void channelTenants() throws IOException {
        InboxConfig c = load("inbox: {channelTenants: {sms: other}, defaultTenant: demo}\n").inbox();
        assertThat(c.channelTenants()).isEqualTo(Map.of("sms", "other"));
        assertThat(c.defaultTenant()).isEqualTo("demo");
        assertThat(load("").inbox()).isEqualTo(InboxConfig.DEFAULTS);
    }

    @Test
    @DisplayName("an inbox section naming an unknown channel, tenant or key is refused at start")
    void refusesMistakes() {
        assertThatThrownBy(() -> load("inbox: {channelTenants: {tg: demo}}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'tg', which is not a configured channel");
        assertThatThrownBy(() -> load("inbox: {channelTenants: {sms: nobody}}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown tenant 'nobody'");
        assertThatThrownBy(() -> load("inbox: {defaultTenant: nobody}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown tenant 'nobody'");
        assertThatThrownBy(() -> load("inbox: {channelTenant: {sms: demo}}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown key 'channelTenant'");
    }
}
