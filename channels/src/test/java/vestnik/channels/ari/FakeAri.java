package vestnik.channels.ari;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import vestnik.channels.testing.Fixtures;

/**
 * An Asterisk ARI peer on loopback for tests: the REST calls a robocall makes (recorded for assertions,
 * answered as Asterisk answers them) and the {@code /ari/events} WebSocket, through which a test sends the
 * events of a call. It checks HTTP Basic auth like ari.conf would.
 */
final class FakeAri {

    /** One REST request as Asterisk received it; {@code params} are decoded once, as ARI decodes them. */
    record Request(HttpMethod method, String path, MultiMap params, String body, String authorization) {
        String param(String name) {
            return params.get(name);
        }

        @Override
        public String toString() {
            return method + " " + path + " " + params;
        }
    }

    private final Vertx vertx;
    private final String authorization;
    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final List<ServerWebSocket> sockets = new CopyOnWriteArrayList<>();
    private final Set<String> gone = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean refuseConnections;
    private volatile int originateStatus = 200;
    private volatile String originateError;
    private volatile String lastEventsUri;
    private HttpServer server;

    FakeAri(Vertx vertx, String username, String password) {
        this.vertx = vertx;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    FakeAri start() {
        server = Fixtures.await(vertx.createHttpServer()
                .webSocketHandshakeHandler(this::handshake)
                .requestHandler(this::request)
                .listen(0, "127.0.0.1"));
        return this;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort() + "/ari";
    }

    private void handshake(ServerWebSocketHandshake h) {
        if (!h.path().equals("/ari/events")) {
            h.reject(404);
            return;
        }
        if (!authorization.equals(h.headers().get("Authorization"))) {
            h.reject(401);
            return;
        }
        if (refuseConnections) {
            h.reject(503);
            return;
        }
        lastEventsUri = h.uri();
        h.accept().onSuccess(ws -> {
            sockets.add(ws);
            connections.incrementAndGet();
            ws.closeHandler(v -> sockets.remove(ws));
        });
    }

    private void request(HttpServerRequest req) {
        req.body().onSuccess(buffer -> {
            Request r = new Request(req.method(), req.path(), MultiMap.caseInsensitiveMultiMap().addAll(req.params()),
                    buffer.toString(StandardCharsets.UTF_8), req.getHeader("Authorization"));
            requests.add(r);
            if (!authorization.equals(r.authorization())) {
                req.response().setStatusCode(401).end("{\"message\":\"Authentication required\"}");
                return;
            }
            answer(req, r);
        });
    }

    private void answer(HttpServerRequest req, Request r) {
        var response = req.response().putHeader("Content-Type", "application/json");
        String path = r.path();
        if (r.method() == HttpMethod.POST && path.equals("/ari/channels")) {
            if (originateStatus != 200) {
                response.setStatusCode(originateStatus).end(originateError);
                return;
            }
            response.end(AriFrames.originateResponse(r.param("channelId")));
        } else if (r.method() == HttpMethod.POST && path.endsWith("/play")) {
            response.setStatusCode(201).end("{\"id\":\"" + r.param("playbackId") + "\",\"state\":\"queued\"}");
        } else if (r.method() == HttpMethod.POST && path.endsWith("/continue")) {
            response.setStatusCode(204).end();
        } else if (r.method() == HttpMethod.DELETE) {
            response.setStatusCode(204).end();
        } else if (r.method() == HttpMethod.GET && path.startsWith("/ari/channels/")) {
            String id = path.substring("/ari/channels/".length());
            if (gone.contains(id)) {
                response.setStatusCode(404).end("{\"message\":\"Channel not found\"}");
            } else {
                response.end(AriFrames.originateResponse(id));
            }
        } else {
            response.setStatusCode(404).end("{\"message\":\"Resource not found\"}");
        }
    }

    /** The next request, whatever it is. */
    Request next() {
        try {
            Request r = requests.poll(5, TimeUnit.SECONDS);
            if (r == null) {
                throw new AssertionError("ARI received no request within 5 s");
            }
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next request that matches, passing over others (plays and hangups of calls a test does not follow). */
    Request next(HttpMethod method, Predicate<String> path) {
        List<Request> skipped = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Request r = requests.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (r == null) {
                    break;
                }
                if (r.method() == method && path.test(r.path())) {
                    return r;
                }
                skipped.add(r);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no " + method + " request matched within 5 s; received " + skipped);
    }

    Request nextOriginate() {
        return next(HttpMethod.POST, p -> p.equals("/ari/channels"));
    }

    /** Requests that arrived and were not taken yet. */
    List<Request> pending() {
        List<Request> out = new ArrayList<>();
        requests.drainTo(out);
        return out;
    }

    void emit(String frame) {
        if (sockets.isEmpty()) {
            throw new AssertionError("no ARI event stream is connected");
        }
        sockets.forEach(ws -> ws.writeTextMessage(frame));
    }

    void dropEventStreams() {
        sockets.forEach(ServerWebSocket::close);
    }

    int connections() {
        return connections.get();
    }

    String lastEventsUri() {
        return lastEventsUri;
    }

    void refuseConnections(boolean refuse) {
        this.refuseConnections = refuse;
    }

    void originateAnswers(int status, String body) {
        this.originateStatus = status;
        this.originateError = body;
    }

    /** From now on GET /channels/{id} answers 404, as for a channel Asterisk no longer has. */
    void forget(String channelId) {
        gone.add(channelId);
    }

    void stop() {
        Fixtures.await(server.close());
    }
}
