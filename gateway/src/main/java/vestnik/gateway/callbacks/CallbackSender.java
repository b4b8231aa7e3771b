package vestnik.gateway.callbacks;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.codec.BodyCodec;
import java.time.Clock;
import java.time.Duration;
import vestnik.gateway.config.CallbacksConfig;

/**
 * POSTs signed callbacks through one pooled Web Client. A bulkhead per upstream host (scheme, host and
 * port) bounds the POSTs in flight to it; when it is full the answer is {@link Outcome.HostBusy} at
 * once, so a hung upstream holds a few connections, never the dispatcher or anybody else's callbacks.
 */
public final class CallbackSender {

    /** What became of one POST. */
    public sealed interface Outcome {
        record Delivered(int status) implements Outcome {
        }

        record Refused(int status) implements Outcome {
        }

        record NoAnswer(String reason) implements Outcome {
        }

        record HostBusy() implements Outcome {
        }
    }

    private final WebClient client;
    private final BulkheadRegistry bulkheads;
    private final long timeoutMs;
    private final Clock clock;

    public CallbackSender(Vertx vertx, CallbacksConfig config, Clock clock) {
        this.timeoutMs = config.timeout().toMillis();
        this.clock = clock;
        this.client = WebClient.create(vertx, new WebClientOptions()
                        .setKeepAlive(true)
                        .setFollowRedirects(false)
                        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMs))
                        .setUserAgent("Vestnik/0.1"),
                new PoolOptions().setHttp1MaxSize(config.perHostConcurrency()).setHttp2MaxSize(config.perHostConcurrency()));
        this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(config.perHostConcurrency())
                .maxWaitDuration(Duration.ZERO)
                .build());
    }

    public Future<Outcome> post(CallbackEvent e, String secret) {
        Bulkhead bulkhead = bulkheads.bulkhead(CallbackUrls.origin(e.url()));
        if (!bulkhead.tryAcquirePermission()) {
            return Future.succeededFuture(new Outcome.HostBusy());
        }
        byte[] body = e.body();
        CallbackSignature signature = CallbackSignature.sign(secret, clock.instant().getEpochSecond(), body);
        Future<Outcome> outcome;
        try {
            outcome = client.postAbs(e.url())
                    .timeout(timeoutMs)
                    .putHeader("Content-Type", "application/json; charset=utf-8")
                    .putHeader(CallbackSignature.TIMESTAMP_HEADER, signature.timestamp())
                    .putHeader(CallbackSignature.SIGNATURE_HEADER, signature.signature())
                    .as(BodyCodec.none())
                    .sendBuffer(Buffer.buffer(body))
                    .<Outcome>map(r -> r.statusCode() / 100 == 2
                            ? new Outcome.Delivered(r.statusCode()) : new Outcome.Refused(r.statusCode()))
                    .recover(t -> Future.succeededFuture(new Outcome.NoAnswer(describe(t))));
        } catch (RuntimeException ex) {
            outcome = Future.succeededFuture(new Outcome.NoAnswer(describe(ex)));
        }
        return outcome.onComplete(x -> bulkhead.onComplete());
    }

    public Future<Void> close() {
        client.close();
        return Future.succeededFuture();
    }

    private static String describe(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
