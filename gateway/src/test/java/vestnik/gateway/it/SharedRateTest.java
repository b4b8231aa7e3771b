package vestnik.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vestnik.loadtest.smsc.ReceivedSubmit;
import vestnik.loadtest.smsc.SimulatedSmsc;

/** Two gateway processes' worth of dispatchers on one Redis hold one channel's rate together. */
class SharedRateTest {

    private static final int RATE = 40;
    private static final int JOBS = 120;

    @TempDir
    static Path dir;
    static SimulatedSmsc smsc;
    static GatewayHarness first;
    static GatewayHarness second;

    @BeforeAll
    static void start() throws Exception {
        smsc = SimulatedSmsc.builder().port(0).credentials("gw", "secret").start();
        String yaml = GatewayHarness.config(dir.resolve("data"), smsc.port()).replace("maxRate: 2000", "maxRate: " + RATE);
        first = GatewayHarness.startWith(dir.resolve("a"), yaml);
        String shared = first.gateway.redis().embeddedUri().orElseThrow();
        second = GatewayHarness.startWith(dir.resolve("b"), yaml
                .replace("instanceId: it-gateway", "instanceId: it-gateway-b")
                .replace("uri: embedded", "uri: " + shared));
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        if (smsc != null) {
            smsc.close();
        }
    }

    @Test
    @DisplayName("jobs posted to two gateways sharing one Redis leave at the channel's rate, not twice it")
    void combinedRate() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            GatewayHarness gw = i % 2 == 0 ? first : second;
            Http.Reply r = gw.post(new JsonObject().put("to", new JsonObject().put("phone", "+7916" + String.format("%07d", 7_000_000 + i)))
                    .put("channel", "sms").put("text", "rate " + i));
            assertThat(r.status()).isEqualTo(202);
            ids.add(r.json().getString("id"));
        }
        ids.forEach(id -> first.awaitStatus(id, "delivered"));
        List<Instant> at = smsc.acceptedSubmits().stream().map(ReceivedSubmit::at).sorted().toList();
        assertThat(at).hasSize(JOBS);
        Duration span = Duration.between(at.get(0), at.get(at.size() - 1));
        // at RATE per second (a tenth of a second of burst), JOBS take about (JOBS - RATE/10) / RATE seconds
        assertThat(span).isGreaterThanOrEqualTo(Duration.ofMillis((JOBS - RATE / 10) * 1000L / RATE - 300));
        int busiest = 0;
        for (int i = 0; i < at.size(); i++) {
            int inSecond = 0;
            for (int j = i; j < at.size() && at.get(j).isBefore(at.get(i).plusSeconds(1)); j++) {
                inSecond++;
            }
            busiest = Math.max(busiest, inSecond);
        }
        // the rate plus its tenth-of-a-second burst, with room for submits delayed on a loaded machine bunching
        // into the next second (seen: 52 at a rate of 40); two independent limiters would let through twice the rate
        assertThat(busiest).as("submits in the busiest second").isLessThanOrEqualTo(RATE * 3 / 2);
        long fromSecond = ids.stream().filter(id -> "sent".equals(second.message(id).getString("status"))
                || "delivered".equals(second.message(id).getString("status"))).count();
        assertThat(fromSecond).isEqualTo(JOBS);
    }
}
