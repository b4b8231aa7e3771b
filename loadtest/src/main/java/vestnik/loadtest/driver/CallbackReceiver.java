package vestnik.loadtest.driver;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The upstream system's end of status callbacks, as a real one would be: an HTTP server that checks each POST's
 * signature (HMAC-SHA256 of {@code timestamp.body}), reads the event, answers 204 at once, and tells the current
 * observer. Runs on its own event loop in the driver's JVM, so its CPU counts as the driver's, not the gateway's.
 */
final class CallbackReceiver implements AutoCloseable {

    static final String SECRET = "loadtest-callback-secret-0123456789";
    static final String PATH = "/callbacks";

    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    });

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong badSignatures = new AtomicLong();
    private volatile CallbackObserver observer = (externalId, status, nanos) -> { };

    CallbackReceiver() throws Exception {
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(this::handle)
                .listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    String url() {
        return "http://127.0.0.1:" + server.actualPort() + PATH;
    }

    void observe(CallbackObserver o) {
        observer = o;
    }

    long received() {
        return received.get();
    }

    long badSignatures() {
        return badSignatures.get();
    }

    private void handle(HttpServerRequest req) {
        if (req.method() != HttpMethod.POST || !PATH.equals(req.path())) {
            req.response().setStatusCode(404).end();
            return;
        }
        req.body().onSuccess(body -> {
            long now = System.nanoTime();
            received.incrementAndGet();
            if (!signed(req.getHeader("X-Vestnik-Timestamp"), req.getHeader("X-Vestnik-Signature"), body.getBytes())) {
                badSignatures.incrementAndGet();
                req.response().setStatusCode(401).end();
                return;
            }
            JsonObject event = body.toJsonObject();
            observer.callback(event.getString("externalId"), event.getString("status"), now);
            req.response().setStatusCode(204).end();
        });
    }

    static boolean signed(String timestamp, String signature, byte[] body) {
        if (timestamp == null || signature == null) {
            return false;
        }
        Mac mac = MAC.get();
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
