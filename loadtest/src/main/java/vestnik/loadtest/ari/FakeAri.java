package vestnik.loadtest.ari;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
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

/**
 * An Asterisk ARI peer on loopback: the REST calls a robocall makes (recorded for assertions, answered as
 * Asterisk answers them) and the {@code /ari/events} WebSocket, through which a test sends the events of a
 * call ({@link AriFrames}). It checks HTTP Basic auth like ari.conf would, and counts the calls that are up
 * (originated and not yet destroyed), so a test can check a channel's limit on lines in use.
 *
 * <pre>{@code
 * FakeAri ari = new FakeAri(vertx, "gw", "secret").start();   // baseUrl(): http://127.0.0.1:PORT/ari
 * String call = ari.nextOriginate().param("channelId");
 * ari.emit(AriFrames.stasisStart(call));
 * }</pre>
 */
public final class FakeAri implements AutoCloseable {

    /** One REST request as Asterisk received it; {@code params} are decoded once, as ARI decodes them. */
    public record Request(HttpMethod method, String path, MultiMap params, String body, String authorization) {
        public String param(String name) {
            return params.get(name);
        }

        @Override
        public String toString() {
            return method + " " + path + " " + params;
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final Vertx vertx;
    private final String authorization;
    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final List<ServerWebSocket> sockets = new CopyOnWriteArrayList<>();
    private final Set<String> gone = ConcurrentHashMap.newKeySet();
    private final Set<String> up = ConcurrentHashMap.newKeySet();
    private final AtomicInteger mostUp = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean refuseConnections;
    private volatile int originateStatus = 200;
    private volatile String originateError;
    private volatile String lastEventsUri;
    private HttpServer server;

    public FakeAri(Vertx vertx, String username, String password) {
        this.vertx = vertx;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public FakeAri start() {
        server = await(vertx.createHttpServer()
                .webSocketHandshakeHandler(this::handshake)
                .requestHandler(this::request)
                .listen(0, "127.0.0.1"));
        return this;
    }

    /** The ARI base URL, as a channel's {@code baseUrl}: {@code http://127.0.0.1:PORT/ari}. */
    public String baseUrl() {
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
            if (!authorization.equals(r.authorization())) {
                requests.add(r);
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
                requests.add(r);
                response.setStatusCode(originateStatus).end(originateError);
                return;
            }
            // counted before the test can see the request, so a test that ends the call finds it up
            callUp(r.param("channelId"));
            requests.add(r);
            response.end(AriFrames.originateResponse(r.param("channelId")));
            return;
        }
        requests.add(r);
        if (r.method() == HttpMethod.POST && path.endsWith("/play")) {
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

    private void callUp(String channelId) {
        if (channelId != null && up.add(channelId)) {
            mostUp.accumulateAndGet(up.size(), Math::max);
        }
    }

    /** The next request, whatever it is. */
    public Request next() {
        try {
            Request r = requests.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (r == null) {
                throw new AssertionError("ARI received no request within " + WAIT.toSeconds() + " s");
            }
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next request that matches, passing over others (plays and hangups of calls a test does not follow). */
    public Request next(HttpMethod method, Predicate<String> path) {
        List<Request> skipped = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
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
        throw new AssertionError("no " + method + " request matched within " + WAIT.toSeconds() + " s; received "
                + skipped);
    }

    /** The next {@code POST /ari/channels}: a call being placed. */
    public Request nextOriginate() {
        return next(HttpMethod.POST, p -> p.equals("/ari/channels"));
    }

    /** Requests that arrived and were not taken yet. */
    public List<Request> pending() {
        List<Request> out = new ArrayList<>();
        requests.drainTo(out);
        return out;
    }

    /** Sends one event frame to every connected event stream; a ChannelDestroyed ends that call here too. */
    public void emit(String frame) {
        if (sockets.isEmpty()) {
            throw new AssertionError("no ARI event stream is connected");
        }
        callDown(frame);
        sockets.forEach(ws -> ws.writeTextMessage(frame));
    }

    private void callDown(String frame) {
        try {
            JsonObject e = new JsonObject(frame);
            if ("ChannelDestroyed".equals(e.getString("type")) && e.getJsonObject("channel") != null) {
                up.remove(e.getJsonObject("channel").getString("id"));
            }
        } catch (DecodeException | ClassCastException e) {
            // a malformed frame a test sends on purpose ends no call
        }
    }

    /** Calls originated and not yet destroyed. */
    public int callsUp() {
        return up.size();
    }

    /** The most calls that were up at once since the start. */
    public int mostCallsUp() {
        return mostUp.get();
    }

    public void dropEventStreams() {
        sockets.forEach(ServerWebSocket::close);
    }

    /** Event streams accepted since the start. */
    public int connections() {
        return connections.get();
    }

    /** Event streams connected now. */
    public int connectedStreams() {
        return sockets.size();
    }

    public String lastEventsUri() {
        return lastEventsUri;
    }

    /** While true, new event streams are refused 503. */
    public void refuseConnections(boolean refuse) {
        this.refuseConnections = refuse;
    }

    /** From now on originates are answered with this status and body (200 restores the normal answer). */
    public void originateAnswers(int status, String body) {
        this.originateStatus = status;
        this.originateError = body;
    }

    /** From now on GET /channels/{id} answers 404, as for a channel Asterisk no longer has. */
    public void forget(String channelId) {
        gone.add(channelId);
    }

    public void stop() {
        await(server.close());
    }

    @Override
    public void close() {
        stop();
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("the fake ARI server did not answer in time", e);
        }
    }
}
