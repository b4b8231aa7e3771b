package vestnik.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vestnik.loadtest.smsc.ReceivedSubmit;
import vestnik.loadtest.smsc.SimulatedSmsc;

/**
 * The durability promise, tested as an operator would break it: the gateway runs as its own process,
 * is killed with SIGKILL in the middle of sending, and started again on the same data folder.
 */
class RestartTest {

    private static final int JOBS = 150;
    private static final int WINDOW = 8;

    @TempDir
    Path dir;
    private final List<Process> processes = new ArrayList<>();
    private SimulatedSmsc smsc;

    @AfterEach
    void cleanUp() throws Exception {
        for (Process p : processes) {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        if (smsc != null) {
            smsc.close();
        }
        // a redis-server orphaned by the kill is stopped by the second gateway; make sure none outlives the test
        Path pid = dir.resolve("data").resolve("redis.pid");
        if (Files.exists(pid)) {
            ProcessHandle.of(Long.parseLong(Files.readString(pid).trim())).ifPresent(ProcessHandle::destroy);
        }
    }

    @Test
    @DisplayName("kill -9 while sending, then restart: every accepted job is delivered, none that the SMSC accepted is sent again")
    void killAndRestart() throws Exception {
        smsc = SimulatedSmsc.builder().port(0).credentials("gw", "secret")
                .submitDelay(Duration.ofMillis(15)).receiptDelay(Duration.ofMillis(10)).start();
        int port = freePort();
        Path config = dir.resolve("vestnik.yaml");
        Files.writeString(config, GatewayHarness.config(dir.resolve("data"), smsc.port())
                .replace("port: 0", "port: " + port)
                .replace("window: 8", "window: " + WINDOW)
                .replace("maxRate: 2000", "maxRate: 30"));
        Http http = new Http(port);

        Process first = launch(config, "first");
        awaitReady(http);
        Map<String, String> idByPhone = new LinkedHashMap<>();
        for (int i = 0; i < JOBS; i++) {
            String to = "+7916" + String.format("%07d", 5_000_000 + i);
            Http.Reply r = http.post("/v1/messages", GatewayHarness.KEY, new JsonObject()
                    .put("to", new JsonObject().put("phone", to)).put("channel", "sms").put("text", "job " + i).encode());
            assertThat(r.status()).isEqualTo(202);
            idByPhone.put(to, r.json().getString("id"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> smsc.acceptedCount() >= JOBS / 4);
        first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        long acceptedAtKill = smsc.acceptedCount();
        assertThat(acceptedAtKill).as("the kill came mid-stream").isLessThan(JOBS);

        launch(config, "second");
        awaitReady(http);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                idByPhone.values().stream().allMatch(id -> "delivered".equals(
                        http.get("/v1/messages/" + id, GatewayHarness.KEY).json().getString("status"))));

        Map<String, Long> acceptedPerPhone = new LinkedHashMap<>();
        for (ReceivedSubmit s : smsc.acceptedSubmits()) {
            acceptedPerPhone.merge("+" + s.destinationAddr(), 1L, Long::sum);
        }
        assertThat(acceptedPerPhone.keySet()).containsExactlyInAnyOrderElementsOf(idByPhone.keySet());
        long duplicates = acceptedPerPhone.values().stream().filter(n -> n > 1).count();
        System.out.printf("restart: %d jobs, %d accepted by the SMSC before the kill, %d sent twice%n",
                JOBS, acceptedAtKill, duplicates);
        // only submits in flight at the kill (answered by the SMSC, not yet recorded) may go twice
        assertThat(duplicates).isLessThanOrEqualTo(WINDOW);
    }

    private Process launch(Path config, String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "vestnik.gateway.Main", "--config", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(logDir().resolve(name + ".log").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("VESTNIK_"));
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    /** Kept under target/ (not the temporary folder) so a failed run in CI can be diagnosed. */
    private static Path logDir() throws IOException {
        return Files.createDirectories(Path.of("target", "restart-test"));
    }

    private void awaitReady(Http http) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> http.get("/health/ready", null).status() == 200);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
