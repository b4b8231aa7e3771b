package vestnik.loadtest.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DriverOptionsTest {

    @Test
    @DisplayName("a bare scenario runs its preset against the gateway jar it starts")
    void presets() {
        DriverOptions burst = DriverOptions.parse(new String[] {"burst-100k"});
        DriverOptions queue = DriverOptions.parse(new String[] {"queue-1m", "--xmx", "1g"});

        assertThat(burst.plan()).isEqualTo(new PushPlan(100_000, 64, 0));
        assertThat(burst.launchesGateway()).isTrue();
        assertThat(burst.gatewayJar()).isEqualTo(Path.of("gateway", "target", "vestnik-gateway.jar"));
        assertThat(burst.smscPort()).isZero();
        assertThat(queue.plan().jobs()).isEqualTo(1_000_000);
        assertThat(queue.scenario().smscAcceptsBinds).isFalse();
        assertThat(queue.launch().xmx()).isEqualTo("1g");
    }

    @Test
    @DisplayName("sustained pushes rate times duration; 10 minutes at 1,000/s unless told")
    void sustained() {
        assertThat(DriverOptions.parse(new String[] {"sustained"}).plan()).isEqualTo(new PushPlan(600_000, 64, 1000));
        assertThat(DriverOptions.parse(new String[] {"sustained", "--rate", "2500/s", "--duration", "90s"}).plan())
                .isEqualTo(new PushPlan(225_000, 64, 2500));
        assertThat(DriverOptions.duration("--duration", "PT1M")).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    @DisplayName("a running gateway needs its key; the SMSC then listens on 2775 unless told")
    void remote() {
        DriverOptions o = DriverOptions.parse(new String[] {"burst-100k", "--gateway-url", "http://127.0.0.1:8080",
                "--api-key", "k", "--jobs", "10"});

        assertThat(o.launchesGateway()).isFalse();
        assertThat(o.smscPort()).isEqualTo(2775);
        assertThatThrownBy(() -> DriverOptions.parse(new String[] {"burst-100k", "--gateway-url", "http://x"}))
                .hasMessageContaining("--api-key");
    }

    @Test
    @DisplayName("unknown scenarios, flags, intake modes and misplaced flags are refused; batch and campaign intake are taken")
    void refusals() {
        assertThatThrownBy(() -> DriverOptions.parse(new String[] {"burst"})).hasMessageContaining("burst-100k");
        assertThatThrownBy(() -> DriverOptions.parse(new String[] {"burst-100k", "--fast"}))
                .hasMessageContaining("--fast");
        assertThatThrownBy(() -> DriverOptions.parse(new String[] {"burst-100k", "--intake", "csv"}))
                .hasMessageContaining("single, batch or campaign");
        assertThat(DriverOptions.parse(new String[] {"burst-100k", "--intake", "batch"}).intake()).isEqualTo(IntakeMode.BATCH);
        assertThat(DriverOptions.parse(new String[] {"queue-1m", "--intake", "campaign"}).intake()).isEqualTo(IntakeMode.CAMPAIGN);
        assertThatThrownBy(() -> DriverOptions.parse(new String[] {"burst-100k", "--duration", "1m"}))
                .hasMessageContaining("sustained");
        assertThatThrownBy(() -> DriverOptions.parse(new String[] {"queue-1m", "--warmup", "100"}))
                .hasMessageContaining("--warmup");
    }
}
