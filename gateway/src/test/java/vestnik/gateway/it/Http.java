package vestnik.gateway.it;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client for tests: what a caller of the gateway sees on the wire. */
final class Http {

    record Reply(int status, String body, java.net.http.HttpHeaders headers) {
        Reply(int status, String body) {
            this(status, body, java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true));
        }

        @Override
        public String toString() {
            return status + " " + body;
        }

        JsonObject json() {
            return new JsonObject(body);
        }

        String errorCode() {
            return json().getJsonObject("error").getString("code");
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Reply send(String method, String path, String key, String body) {
        return send(method, path, key, body, java.util.Map.of());
    }

    Reply send(String method, String path, String key, String body, java.util.Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        headers.forEach(b::header);
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        if (body != null && headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    Reply post(String path, String key, String body) {
        return send("POST", path, key, body);
    }

    Reply put(String path, String key, String body) {
        return send("PUT", path, key, body);
    }

    Reply get(String path, String key) {
        return send("GET", path, key, null);
    }

    Reply delete(String path, String key) {
        return send("DELETE", path, key, null);
    }
}
