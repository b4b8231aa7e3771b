package vestnik.loadtest.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny run of the driver, end to end over HTTP and SMPP, against a stub gateway and the SMSC simulator. */
class LoadDriverTest {

    @TempDir
    Path results;

    @Test
    @DisplayName("a burst of 300 jobs is accepted, submitted and receipted one for one, timed per job, and reported as JSON")
    void tinyBurst() throws Exception {
        int smscPort = freePort();
        try (StubGateway gateway = new StubGateway(smscPort).start()) {
            DriverOptions options = DriverOptions.parse(new String[] {"burst-100k", "--jobs", "300",
                    "--concurrency", "16", "--gateway-url", gateway.baseUrl().toString(), "--api-key", StubGateway.KEY,
                    "--smsc-port", Integer.toString(smscPort), "--stall-timeout", "10s",
                    "--results", results.toString()});

            RunReport report = new LoadDriver(options).run();

            assertThat(report.intake().accepted()).isEqualTo(300);
            assertThat(report.intake().otherStatuses()).isEmpty();
            assertThat(report.smsc().submitted()).isEqualTo(300);
            assertThat(report.smsc().resubmits()).isZero();
            assertThat(report.smsc().receipts()).isEqualTo(300);
            assertThat(report.smsc().complete()).isTrue();
            assertThat(gateway.receiptsAcknowledged()).isEqualTo(300);
            assertThat(List.of(report.intakeLatency(), report.acceptedToSent(), report.acceptedToDelivered()))
                    .allSatisfy(l -> assertThat(l.count()).isEqualTo(300));
            assertThat(report.acceptedToDelivered().p50Ms()).isGreaterThanOrEqualTo(report.acceptedToSent().p50Ms());
            assertThat(report.peak().heapUsed()).isEqualTo(StubGateway.HEAP);
            assertThat(report.cpu().gatewayMs()).as("no pid given: not measured").isEqualTo(-1);

            Path json;
            try (Stream<Path> files = Files.list(results)) {
                json = files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
            }
            JsonObject written = new JsonObject(Files.readString(json));
            assertThat(written.getJsonObject("intake").getLong("accepted")).isEqualTo(300);
            assertThat(written.getJsonObject("smsc").getLong("receipts")).isEqualTo(300);
            assertThat(written.getJsonObject("latency").getJsonObject("acceptedToDelivered").getLong("count"))
                    .isEqualTo(300);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
