package vestnik.channels.ari;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ARI event stream: {@code GET /ari/events?app=<app>} upgraded to a WebSocket, one JSON event per text
 * frame. A dropped stream is reconnected with a doubling back-off ({@code reconnectMin} to
 * {@code reconnectMax}); events sent while it was down are lost, which is why the channel checks its calls
 * again after every reconnect. Credentials travel in the Authorization header rather than as
 * {@code api_key=user:pass} in the URL, where proxies and access logs would keep them.
 */
final class AriEventSocket {

    /** What the channel hears from the socket; called on the socket's event loop. */
    interface Listener {
        void onFrame(String frame);

        /** The stream is up; {@code again} when it is a reconnect after a drop. */
        void onConnected(boolean again);

        void onDisconnected();
    }

    private static final Logger log = LoggerFactory.getLogger(AriEventSocket.class);
    private static final int MAX_FRAME = 1024 * 1024;

    private final Vertx vertx;
    private final String channelId;
    private final Listener listener;
    private final WebSocketClient client;
    private final WebSocketConnectOptions options;
    private final Duration min;
    private final Duration max;

    private Duration delay;
    private WebSocket socket;
    private boolean everConnected;
    private boolean stopped;
    private long timer = -1;

    AriEventSocket(Vertx vertx, String channelId, AriConfig config, Map<String, String> authHeader, Listener listener) {
        this.vertx = vertx;
        this.channelId = channelId;
        this.listener = listener;
        this.min = config.reconnectMin();
        this.max = config.reconnectMax();
        this.delay = min;
        URI base = URI.create(config.baseUrl());
        boolean tls = "https".equals(base.getScheme().toLowerCase(Locale.ROOT));
        int port = base.getPort() > 0 ? base.getPort() : tls ? 443 : 80;
        String path = (base.getRawPath() == null ? "" : base.getRawPath()) + "/events?app="
                + AriClient.encode(config.app()) + "&subscribeAll=false";
        this.options = new WebSocketConnectOptions().setHost(base.getHost()).setPort(port).setSsl(tls).setURI(path)
                .setConnectTimeout(config.requestTimeout().toMillis());
        authHeader.forEach(options::putHeader);
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxFrameSize(MAX_FRAME).setMaxMessageSize(MAX_FRAME));
    }

    /**
     * Connects once. Refused credentials fail the start; an unreachable Asterisk does not (the socket keeps
     * trying in the background and the channel stays not ready), so that a PBX outage does not stop the gateway.
     */
    Future<Void> start() {
        return connect().recover(e -> {
            if (e instanceof UpgradeRejectedException r && (r.getStatus() == 401 || r.getStatus() == 403)) {
                stopped = true;
                return Future.failedFuture(new IllegalStateException(
                        "channels." + channelId + ": Asterisk refused the ARI credentials (HTTP " + r.getStatus() + ")"));
            }
            log.warn("channel {}: ARI event stream not connected: {}", channelId, e.getMessage());
            scheduleReconnect();
            return Future.succeededFuture();
        });
    }

    synchronized boolean isConnected() {
        return socket != null;
    }

    /** Drops the stream and connects again after {@code after} (another connection took our application). */
    synchronized void reconnectAfter(Duration after) {
        WebSocket current = socket;
        socket = null;
        delay = after;
        if (current != null) {
            current.close();
        }
    }

    private Future<Void> connect() {
        return client.connect(options).map(ws -> {
            boolean again;
            synchronized (this) {
                if (stopped) {
                    ws.close();
                    return null;
                }
                socket = ws;
                again = everConnected;
                everConnected = true;
                delay = min;
            }
            ws.textMessageHandler(listener::onFrame);
            ws.exceptionHandler(e -> log.debug("channel {}: ARI event stream error: {}", channelId, e.getMessage()));
            ws.closeHandler(v -> dropped(ws));
            log.info("channel {}: ARI event stream {}", channelId, again ? "reconnected" : "connected");
            listener.onConnected(again);
            return null;
        });
    }

    private void dropped(WebSocket ws) {
        synchronized (this) {
            if (socket == ws) {
                socket = null;
            }
            if (stopped) {
                return;
            }
        }
        log.warn("channel {}: ARI event stream closed; reconnecting", channelId);
        listener.onDisconnected();
        scheduleReconnect();
    }

    private synchronized void scheduleReconnect() {
        if (stopped || timer >= 0) {
            return;
        }
        Duration wait = delay;
        delay = delay.multipliedBy(2).compareTo(max) > 0 ? max : delay.multipliedBy(2);
        timer = vertx.setTimer(Math.max(1, wait.toMillis()), t -> {
            synchronized (this) {
                timer = -1;
                if (stopped) {
                    return;
                }
            }
            connect().onFailure(e -> {
                log.debug("channel {}: ARI reconnect failed: {}", channelId, e.getMessage());
                scheduleReconnect();
            });
        });
    }

    Future<Void> stop() {
        WebSocket current;
        synchronized (this) {
            stopped = true;
            if (timer >= 0) {
                vertx.cancelTimer(timer);
                timer = -1;
            }
            current = socket;
            socket = null;
        }
        Future<Void> closed = current == null ? Future.succeededFuture() : current.close().recover(e -> Future.succeededFuture());
        return closed.compose(v -> client.close().recover(e -> Future.succeededFuture()));
    }
}
