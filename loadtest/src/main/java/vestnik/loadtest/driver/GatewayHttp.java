package vestnik.loadtest.driver;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The driver's side calls to the gateway (readiness, metrics), on their own blocking client so that they never
 * queue behind the jobs in flight.
 */
final class GatewayHttp {

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    GatewayHttp(URI base) {
        this.base = base;
    }

    /**
     * Waits until {@code /health/ready} says Redis is up and, when {@code channelsToo}, every channel as well (a run
     * whose SMSC refuses binds only needs Redis).
     */
    void awaitReady(boolean channelsToo, Duration timeout, LaunchedGateway launched) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (launched != null && !launched.alive()) {
                throw new IOException("the gateway exited during start; see its log under the results folder");
            }
            Optional<Reply> r = get("/health/ready");
            if (r.isPresent()) {
                last = r.get().status() + " " + r.get().body();
                if (r.get().status() == 200) {
                    return;
                }
                if (!channelsToo && r.get().body().startsWith("{")
                        && "up".equals(new JsonObject(r.get().body()).getString("redis"))) {
                    return;
                }
            }
            sleep(200);
        }
        throw new IOException("the gateway was not ready within " + timeout.toSeconds() + " s: " + last);
    }

    /** Heap in use (all heap pools of {@code jvm_memory_used_bytes}), NaN when /metrics does not tell. */
    double heapUsedBytes(String metrics) {
        return PrometheusText.sum(metrics, "jvm_memory_used_bytes", Map.of("area", "heap"));
    }

    Optional<String> metrics() {
        return get("/metrics").filter(r -> r.status() == 200).map(Reply::body);
    }

    private Optional<Reply> get(String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return Optional.of(new Reply(r.statusCode(), r.body()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    record Reply(int status, String body) {
    }
}
