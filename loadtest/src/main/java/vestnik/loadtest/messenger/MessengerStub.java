package vestnik.loadtest.messenger;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * An HTTP messenger on loopback for the gateway's tests and the load test: the Telegram Bot API's
 * {@code POST /bot<token>/sendMessage} and the WhatsApp Cloud API's {@code POST /<version>/<phoneNumberId>/messages},
 * answered with the providers' own envelopes after a scripted latency (a timer, never a sleep), with a scripted
 * share of 429s (Telegram's {@code retry_after}, WhatsApp's 130429) and of 5xx. No per-request logging or storage,
 * so one event loop answers tens of thousands of requests a second and the stub is never a load test's bottleneck.
 *
 * <pre>{@code
 * try (MessengerStub stub = MessengerStub.builder().latency(Duration.ofMillis(20)).rateLimitedPercent(1).start()) {
 *     String telegramBase = stub.baseUrl();            // http://127.0.0.1:PORT, the bot path follows
 *     String whatsappBase = stub.baseUrl() + "/v21.0"; // the phone number id and /messages follow
 * }
 * }</pre>
 */
public final class MessengerStub implements AutoCloseable {

    private final Vertx vertx;
    private final boolean ownsVertx;
    private final HttpServer server;
    private final MessengerScript script;
    private final MessengerCounters counters = new MessengerCounters();
    private final AtomicLong sequence = new AtomicLong(1000);

    private MessengerStub(Vertx vertx, boolean ownsVertx, MessengerScript script, String host, int port) {
        this.vertx = vertx;
        this.ownsVertx = ownsVertx;
        this.script = script;
        Router router = Router.router(vertx);
        router.postWithRegex("/bot[^/]+/(?i:sendMessage)").handler(this::telegram);
        router.postWithRegex("/(?:[^/]+/)?[^/]+/messages").handler(this::whatsapp);
        this.server = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port).setTcpNoDelay(true))
                .requestHandler(router);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The port it listens on (the OS's choice when built with port 0). */
    public int port() {
        return server.actualPort();
    }

    /** {@code http://127.0.0.1:PORT}: a Telegram channel's base URL as is; WhatsApp's with a version appended. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    // ---- runtime scripting ---------------------------------------------------------------------------------

    public MessengerStub latency(Duration latency) {
        script.latency = Objects.requireNonNull(latency);
        return this;
    }

    /** This share of sends (0..100) is answered 429, with {@code retryAfterSeconds} in Telegram's answer. */
    public MessengerStub rateLimited(double percent, int retryAfterSeconds) {
        script.rateLimitedPercent = percent(percent);
        script.retryAfterSeconds = retryAfterSeconds;
        return this;
    }

    /** This share of sends (0..100) is answered with {@code status} (500, 502, 503...). */
    public MessengerStub serverErrors(double percent, int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("a server error status is 5xx");
        }
        script.serverErrorPercent = percent(percent);
        script.serverErrorStatus = status;
        return this;
    }

    // ---- observation ---------------------------------------------------------------------------------------

    public long telegramRequests() {
        return counters.telegram.sum();
    }

    public long whatsappRequests() {
        return counters.whatsapp.sum();
    }

    /** Sends answered with success. */
    public long accepted() {
        return counters.accepted.sum();
    }

    public long rateLimited() {
        return counters.rateLimited.sum();
    }

    public long serverErrors() {
        return counters.serverErrors.sum();
    }

    /** Sends refused as malformed (no chat_id/text, no to/messaging_product, not JSON). */
    public long badRequests() {
        return counters.badRequests.sum();
    }

    public void resetCounters() {
        counters.reset();
    }

    @Override
    public void close() {
        try {
            server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            if (ownsVertx) {
                vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // stopping anyway
        }
    }

    // ---- the two APIs --------------------------------------------------------------------------------------

    private void telegram(RoutingContext ctx) {
        counters.telegram.increment();
        withJson(ctx, body -> {
            Object chatId = body.getValue("chat_id");
            String text = body.getString("text");
            if (chatId == null) {
                bad(ctx, TelegramAnswers.badRequest("chat not found"));
                return;
            }
            if (text == null || text.isEmpty()) {
                bad(ctx, TelegramAnswers.badRequest("message text is empty"));
                return;
            }
            switch (script.draw()) {
                case RATE_LIMITED -> answer(ctx, 429, TelegramAnswers.tooManyRequests(script.retryAfterSeconds),
                        counters.rateLimited::increment);
                case SERVER_ERROR -> answer(ctx, script.serverErrorStatus,
                        TelegramAnswers.serverError(script.serverErrorStatus), counters.serverErrors::increment);
                case OK -> answer(ctx, 200, TelegramAnswers.sent(sequence.incrementAndGet(), chatId, text,
                        Instant.now().getEpochSecond()), counters.accepted::increment);
            }
        }, () -> TelegramAnswers.badRequest("can't parse JSON"));
    }

    private void whatsapp(RoutingContext ctx) {
        counters.whatsapp.increment();
        withJson(ctx, body -> {
            String to = body.getString("to");
            if (!"whatsapp".equals(body.getString("messaging_product")) || to == null || to.isEmpty()) {
                bad(ctx, WhatsAppAnswers.invalidParameter("messaging_product and to are required"));
                return;
            }
            switch (script.draw()) {
                case RATE_LIMITED -> answer(ctx, 429, WhatsAppAnswers.rateLimitHit(), counters.rateLimited::increment);
                case SERVER_ERROR -> answer(ctx, script.serverErrorStatus, WhatsAppAnswers.serviceUnavailable(),
                        counters.serverErrors::increment);
                case OK -> answer(ctx, 200, WhatsAppAnswers.sent(to, sequence.incrementAndGet()),
                        counters.accepted::increment);
            }
        }, () -> WhatsAppAnswers.invalidParameter("the body is not JSON"));
    }

    private void withJson(RoutingContext ctx, Consumer<JsonObject> handler, Supplier<JsonObject> notJson) {
        ctx.request().body().onComplete(ar -> {
            JsonObject body;
            try {
                body = ar.succeeded() ? new JsonObject(ar.result()) : null;
            } catch (DecodeException | ClassCastException e) {
                body = null;
            }
            if (body == null) {
                bad(ctx, notJson.get());
                return;
            }
            handler.accept(body);
        });
    }

    private void bad(RoutingContext ctx, JsonObject answer) {
        counters.badRequests.increment();
        write(ctx, 400, answer);
    }

    private void answer(RoutingContext ctx, int status, JsonObject body, Runnable count) {
        Duration latency = script.latency;
        if (latency.isZero()) {
            count.run();
            write(ctx, status, body);
        } else {
            vertx.setTimer(Math.max(1, latency.toMillis()), t -> {
                count.run();
                write(ctx, status, body);
            });
        }
    }

    private static Future<Void> write(RoutingContext ctx, int status, JsonObject body) {
        return ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(Buffer.buffer(body.encode()));
    }

    private static double percent(double p) {
        if (p < 0 || p > 100) {
            throw new IllegalArgumentException("a share is 0..100 percent");
        }
        return p;
    }

    /** Runs it standalone; see {@link MessengerOptions#USAGE}. */
    public static void main(String[] args) throws Exception {
        MessengerOptions options;
        try {
            options = MessengerOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(MessengerOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(MessengerOptions.USAGE);
            return;
        }
        MessengerStub stub = options.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(stub::close, "messenger-shutdown"));
        System.out.println("MessengerStub listening on " + stub.baseUrl()
                + " (Telegram: /bot<token>/sendMessage, WhatsApp: /<version>/<phoneNumberId>/messages)");
        while (true) {
            TimeUnit.SECONDS.sleep(10);
            System.out.printf("telegram=%d whatsapp=%d accepted=%d rateLimited=%d serverErrors=%d bad=%d%n",
                    stub.telegramRequests(), stub.whatsappRequests(), stub.accepted(), stub.rateLimited(),
                    stub.serverErrors(), stub.badRequests());
        }
    }

    /** Settings fixed at start, plus the initial script. */
    public static final class Builder {
        private final MessengerScript script = new MessengerScript();
        private String host = "127.0.0.1";
        private int port;
        private Vertx vertx;

        private Builder() {
        }

        /** 0 (the default) lets the OS choose; {@link MessengerStub#port()} tells which. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** Runs on this Vert.x (a test's own); by default the stub makes and closes its own. */
        public Builder vertx(Vertx vertx) {
            this.vertx = vertx;
            return this;
        }

        public Builder latency(Duration latency) {
            script.latency = Objects.requireNonNull(latency);
            return this;
        }

        public Builder rateLimited(double percent, int retryAfterSeconds) {
            script.rateLimitedPercent = percent(percent);
            script.retryAfterSeconds = retryAfterSeconds;
            return this;
        }

        public Builder serverErrors(double percent, int status) {
            script.serverErrorPercent = percent(percent);
            script.serverErrorStatus = status;
            return this;
        }

        public MessengerStub start() {
            boolean own = vertx == null;
            MessengerStub stub = new MessengerStub(own ? Vertx.vertx() : vertx, own, script, host, port);
            try {
                stub.server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting", e);
            } catch (Exception e) {
                stub.close();
                throw new IllegalStateException("the messenger stub could not listen on " + host + ":" + port, e);
            }
            return stub;
        }
    }
}
