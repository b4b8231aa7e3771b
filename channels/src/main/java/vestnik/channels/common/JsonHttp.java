package vestnik.channels.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * JSON over HTTP for provider APIs, on the Vert.x Web Client. It reports what came back (status,
 * parsed body, headers) and leaves classifying it to each channel's {@code Errors}; only a failure to
 * get any answer (refused, timed out) fails the future.
 */
public final class JsonHttp {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    /** What a provider answered. {@code json} is null when the body was empty or not JSON. */
    public record Reply(int status, JsonNode json, String rawBody, MultiMap headers) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The Retry-After header in seconds, or null. */
        public Duration retryAfterHeader() {
            String v = headers == null ? null : headers.get("Retry-After");
            if (v == null) {
                return null;
            }
            try {
                return Duration.ofSeconds(Long.parseLong(v.trim()));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    private final WebClient client;
    private final Duration timeout;

    public JsonHttp(Vertx vertx, Duration timeout, int maxPoolSize) {
        this.client = WebClient.create(vertx, new WebClientOptions()
                        .setKeepAlive(true)
                        .setConnectTimeout((int) timeout.toMillis())
                        .setUserAgent("Vestnik/0.1"),
                new PoolOptions().setHttp1MaxSize(maxPoolSize).setHttp2MaxSize(maxPoolSize));
        this.timeout = timeout;
    }

    public Future<Reply> post(String absoluteUrl, Object body, Map<String, String> headers) {
        return send(HttpMethod.POST, absoluteUrl, body, headers);
    }

    public Future<Reply> get(String absoluteUrl, Map<String, String> headers) {
        return send(HttpMethod.GET, absoluteUrl, null, headers);
    }

    public Future<Reply> send(HttpMethod method, String absoluteUrl, Object body, Map<String, String> headers) {
        HttpRequest<Buffer> request = client.requestAbs(method, absoluteUrl).timeout(timeout.toMillis());
        if (headers != null) {
            headers.forEach(request::putHeader);
        }
        Future<io.vertx.ext.web.client.HttpResponse<Buffer>> response;
        if (body == null) {
            response = request.send();
        } else {
            byte[] bytes;
            try {
                bytes = body instanceof JsonNode node ? MAPPER.writeValueAsBytes(node) : MAPPER.writeValueAsBytes(body);
            } catch (IOException e) {
                return Future.failedFuture(e);
            }
            request.putHeader("Content-Type", "application/json");
            response = request.sendBuffer(Buffer.buffer(bytes));
        }
        return response.map(r -> {
            String raw = r.bodyAsString();
            return new Reply(r.statusCode(), parse(raw), raw, r.headers());
        });
    }

    /** A pushed body as JSON, or null when it is not JSON at all. */
    public static JsonNode readOrNull(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static JsonNode parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return MAPPER.readTree(raw);
        } catch (IOException e) {
            return null;
        }
    }

    public Future<Void> close() {
        client.close();
        return Future.succeededFuture();
    }
}
