package vestnik.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/** A live viewer of {@code GET /v1/conversations/stream}: every {@code data:} line of the stream, parsed. */
final class SseReader implements AutoCloseable {

    final List<JsonObject> received = new CopyOnWriteArrayList<>();
    private final CompletableFuture<?> reading;

    SseReader(int port, String key) {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/conversations/stream"))
                .header("Authorization", "Bearer " + key).build();
        CompletableFuture<Integer> status = new CompletableFuture<>();
        reading = client.sendAsync(req, HttpResponse.BodyHandlers.ofLines()).thenAccept(resp -> {
            status.complete(resp.statusCode());
            resp.body().filter(l -> l.startsWith("data: "))
                    .forEach(l -> received.add(new JsonObject(l.substring("data: ".length()))));
        });
        try {
            assertThat(status.get(5, TimeUnit.SECONDS)).isEqualTo(200);
        } catch (Exception e) {
            throw new AssertionError("the stream did not open", e);
        }
    }

    /** The first event of this type that matches, waiting up to 10 s for it. */
    JsonObject await(String type, Predicate<JsonObject> p) {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> received.stream().filter(e -> type.equals(e.getString("type"))).filter(p).findFirst()
                        .orElse(null), e -> e != null);
    }

    @Override
    public void close() {
        reading.cancel(true);
    }
}
