package vestnik.gateway.it;

import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import vestnik.channels.ChannelRegistry;
import vestnik.gateway.Gateway;
import vestnik.gateway.config.ConfigReader;
import vestnik.gateway.config.GatewayConfig;
import vestnik.loadtest.smsc.SimulatedSmsc;

/**
 * A gateway running in this JVM on the embedded Redis, wired to a simulated SMSC on loopback, with two
 * tenants: {@code demo} (upstream key {@link #KEY}, an agent-only key {@link #AGENT_KEY}, an admin key
 * {@link #ADMIN_KEY}, a marketer key {@link #MARKETER_KEY}; creditor profile, tariff and publish-check settings
 * for templates; callbacks signed with {@link #DEMO_CALLBACK_SECRET}, to {@link Callbacks#demoUrl()} when one
 * is given) and {@code other} ({@link #OTHER_KEY}, marketer {@link #OTHER_MARKETER_KEY}; no callbacks). The
 * contact policy is off ({@code contactPolicy: false}) so that tests of other things may send at any hour and
 * as often as they like; {@code ContactPolicyEndToEndTest} turns it on.
 */
final class GatewayHarness implements AutoCloseable {

    static final String KEY = "demo-upstream-key";
    static final String AGENT_KEY = "demo-agent-only-key";
    static final String OTHER_KEY = "other-tenant-upstream-key";
    static final String ADMIN_KEY = "demo-admin-key-0001";
    static final String MARKETER_KEY = "demo-marketer-key";
    static final String OTHER_MARKETER_KEY = "other-tenant-marketer-key";
    static final String DEMO_PHONE = "8 800 000-00-00";
    static final String DEMO_CALLBACK_SECRET = "demo-callback-secret-0123456789";

    /** The demo tenant's callback URL (null: per-job URLs only) and how long a callback is retried. */
    record Callbacks(String demoUrl, Duration maxAge) {
        static final Callbacks PER_JOB_ONLY = new Callbacks(null, Duration.ofMinutes(1));
    }

    final Gateway gateway;
    final Http http;
    private final Vertx vertx;

    static String config(Path dataDir, int smscPort) {
        return config(dataDir, smscPort, Callbacks.PER_JOB_ONLY);
    }

    static String config(Path dataDir, int smscPort, Callbacks callbacks) {
        String demoCallbacks = "{secret: " + DEMO_CALLBACK_SECRET
                + (callbacks.demoUrl() == null ? "" : ", url: \"" + callbacks.demoUrl() + "\"") + "}";
        return """
                instanceId: it-gateway
                http:
                  host: 127.0.0.1
                  port: 0
                redis:
                  uri: embedded
                  dataDir: %s
                dispatch:
                  retryBase: PT0.2S
                  retryMax: PT2S
                  schedulerInterval: PT0.05S
                  reclaimAfter: PT10S
                  breakerOpenFor: PT1S
                  contactPolicy: false
                console:
                  bcryptCost: 4
                callbacks:
                  timeout: PT0.5S
                  retryBase: PT0.1S
                  retryMax: PT0.3S
                  maxAge: %s
                  perHostConcurrency: 2
                  pollInterval: PT0.05S
                tenants:
                  - id: demo
                    name: "ООО «Демо»"
                    callbacks: %s
                    profile:
                      phone: "%s"
                    tariff:
                      smsPart: 3.50
                      messengerMessage: 0.40
                      email: 0.05
                      callMinute: 1.20
                    lint:
                      maxSmsParts: 4
                      forbiddenPhrases: ["уголовн* дел*", "арест*"]
                    apiKeys:
                      - key: %s
                        roles: [upstream]
                      - key: %s
                        roles: [agent]
                      - key: %s
                        roles: [admin]
                      - key: %s
                        roles: [marketer]
                  - id: other
                    name: "ООО «Другой»"
                    apiKeys:
                      - key: %s
                        roles: [upstream]
                      - key: %s
                        roles: [marketer]
                channels:
                  sms:
                    type: smpp
                    host: 127.0.0.1
                    port: %d
                    systemId: gw
                    password: secret
                    sourceAddr: VESTNIK
                    binds: 1
                    window: 8
                    maxRate: 2000
                    reconnectMin: PT0.1S
                    reconnectMax: PT0.5S
                    throttleRetryAfter: PT0.2S
                """.formatted(dataDir.toAbsolutePath(), callbacks.maxAge(), demoCallbacks, DEMO_PHONE, KEY, AGENT_KEY,
                ADMIN_KEY, MARKETER_KEY, OTHER_KEY, OTHER_MARKETER_KEY, smscPort);
    }

    static GatewayHarness start(Path dir, SimulatedSmsc smsc) throws IOException {
        return start(dir, smsc, Callbacks.PER_JOB_ONLY, "");
    }

    /** With more channels: {@code extraChannels} is YAML indented by two spaces, placed under {@code channels:}. */
    static GatewayHarness start(Path dir, SimulatedSmsc smsc, String extraChannels) throws IOException {
        return start(dir, smsc, Callbacks.PER_JOB_ONLY, extraChannels);
    }

    static GatewayHarness start(Path dir, SimulatedSmsc smsc, Callbacks callbacks) throws IOException {
        return start(dir, smsc, callbacks, "");
    }

    static GatewayHarness start(Path dir, SimulatedSmsc smsc, Callbacks callbacks, String extraChannels) throws IOException {
        return startWith(dir, config(dir.resolve("data"), smsc.port(), callbacks) + extraChannels);
    }

    /** A gateway from a whole configuration text. */
    static GatewayHarness startWith(Path dir, String yaml) throws IOException {
        return startWith(dir, yaml, Clock.systemUTC());
    }

    /** A gateway from a whole configuration text, on the given clock. */
    static GatewayHarness startWith(Path dir, String yaml, Clock clock) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("vestnik.yaml");
        Files.writeString(file, yaml);
        GatewayConfig config = ConfigReader.load(file, Map.of());
        Gateway gateway = new Gateway(config, clock, ChannelRegistry.builtIn());
        Vertx vertx = Vertx.vertx();
        try {
            vertx.deployVerticle(gateway).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("gateway did not start", e);
        }
        GatewayHarness h = new GatewayHarness(gateway, vertx);
        await().atMost(Duration.ofSeconds(15)).until(() -> h.http.get("/health/ready", null).status() == 200);
        return h;
    }

    private GatewayHarness(Gateway gateway, Vertx vertx) {
        this.gateway = gateway;
        this.http = new Http(gateway.port());
        this.vertx = vertx;
    }

    /** Posts a job and answers the reply. */
    Http.Reply post(JsonObject job) {
        return http.post("/v1/messages", KEY, job.encode());
    }

    /** Posts an SMS job and answers the new message's id. */
    String sendSms(String phone, String text) {
        Http.Reply r = http.post("/v1/messages", KEY, new JsonObject()
                .put("to", new JsonObject().put("phone", phone))
                .put("channel", "sms")
                .put("text", text)
                .encode());
        if (r.status() != 202) {
            throw new AssertionError("job not accepted: " + r);
        }
        return r.json().getString("id");
    }

    JsonObject message(String id) {
        return message(id, KEY);
    }

    JsonObject message(String id, String key) {
        Http.Reply r = http.get("/v1/messages/" + id, key);
        if (r.status() != 200) {
            throw new AssertionError("GET message " + id + ": " + r);
        }
        return r.json();
    }

    JsonObject awaitStatus(String id, String status) {
        return awaitStatus(id, status, KEY);
    }

    JsonObject awaitStatus(String id, String status, String key) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> status.equals(message(id, key).getString("status")));
        return message(id, key);
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("gateway did not stop", e);
        }
    }
}
