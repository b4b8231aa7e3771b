package vestnik.gateway.callbacks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.lettuce.core.Consumer;
import io.lettuce.core.XReadArgs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vestnik.channels.spi.MessageStatus;
import vestnik.gateway.config.ApiKey;
import vestnik.gateway.config.CallbacksConfig;
import vestnik.gateway.config.Role;
import vestnik.gateway.config.Tenant;
import vestnik.gateway.config.TenantCallbacks;
import vestnik.gateway.store.Ids;
import vestnik.gateway.store.MessageRepository;
import vestnik.gateway.store.NewMessage;
import vestnik.gateway.store.RedisFixture;
import vestnik.gateway.store.Scripts;

/**
 * Callback dispatchers against a real Redis and a WireMock upstream, started and stopped as gateways
 * are: what one leaves behind, the next one finishes, in order.
 */
class CallbackDispatcherTest {

    private static final String SECRET = "tenant-callback-secret-42";
    private static final CallbacksConfig CONFIG = new CallbacksConfig(Duration.ofSeconds(1), Duration.ofMillis(100),
            Duration.ofMillis(200), Duration.ofSeconds(30), 4, Duration.ofMillis(50));

    /** One POST as the upstream saw it, and how it answered. */
    record Seen(String path, String eventId, String messageId, int answered) {
    }

    @TempDir
    static Path dir;
    static RedisFixture fx;
    static MessageRepository repo;
    static CallbackQueue queue;
    static CallbackSender sender;
    static CallbackTargets targets;
    static WireMockServer upstream;
    static final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final List<Map.Entry<Context, CallbackDispatcher>> running = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        fx = new RedisFixture(dir);
        repo = new MessageRepository(fx.redis, new Scripts(), Duration.ofDays(1).toSeconds());
        queue = new CallbackQueue(fx.redis, CONFIG.maxAge());
        sender = new CallbackSender(fx.vertx, CONFIG, Clock.systemUTC());
        targets = new CallbackTargets(List.of(new Tenant("demo", "Demo",
                List.of(new ApiKey("demo", ApiKey.hash("demo-upstream-key"), java.util.Set.of(Role.UPSTREAM))),
                new TenantCallbacks(null, SECRET))));
        upstream = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        upstream.addMockServiceRequestListener((request, response) -> {
            JsonObject body = new JsonObject(request.getBodyAsString());
            seen.add(new Seen(request.getUrl(), body.getString("eventId"), body.getString("messageId"), response.getStatus()));
        });
        upstream.start();
        warmUp();
    }

    /** A cold WireMock may take longer than a callback's timeout to answer its first request. */
    private static void warmUp() throws Exception {
        upstream.stubFor(post(urlPathEqualTo("/warm-up")).willReturn(aResponse().withStatus(200)));
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + upstream.port() + "/warm-up"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.discarding());
    }

    @AfterAll
    static void stop() {
        upstream.stop();
        fx.close();
    }

    @AfterEach
    void stopDispatchers() {
        running.forEach(e -> onContext(e.getKey(), () -> e.getValue().stop()));
        running.clear();
    }

    private CallbackDispatcher dispatcher(String instanceId, SimpleMeterRegistry registry) {
        CallbackDispatcher d = new CallbackDispatcher(fx.vertx, fx.redis, queue, sender, targets, new CallbackMetrics(registry),
                CONFIG, Clock.systemUTC(), 0, instanceId, Duration.ofSeconds(30));
        Context context = fx.vertx.getOrCreateContext();
        CompletableFuture<Void> started = new CompletableFuture<>();
        context.runOnContext(v -> d.start().onComplete(ar -> {
            if (ar.succeeded()) {
                started.complete(null);
            } else {
                started.completeExceptionally(ar.cause());
            }
        }));
        try {
            started.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("dispatcher did not start", e);
        }
        running.add(Map.entry(context, d));
        return d;
    }

    private static void onContext(Context context, Runnable r) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        context.runOnContext(v -> {
            r.run();
            done.complete(null);
        });
        done.join();
    }

    /** A message whose four status changes (queued, sending, sent, delivered) are to be POSTed to {@code path}. */
    private static String messageWithFourChanges(String path) {
        String url = "http://127.0.0.1:" + upstream.port() + path;
        String id = Ids.next();
        Instant now = Instant.now();
        RedisFixture.await(repo.create(new NewMessage(id, "demo", null, "sms", "+79161234567", "x", null, 1, now, null,
                now.plus(Duration.ofHours(1)), null, url)));
        for (MessageStatus next : List.of(MessageStatus.SENDING, MessageStatus.SENT, MessageStatus.DELIVERED)) {
            RedisFixture.await(repo.transition(id, "sms", next, Instant.now(), null, null, null, false, null, Map.of()));
        }
        return id;
    }

    private static List<Seen> acceptedOf(String messageId) {
        return seen.stream().filter(s -> messageId.equals(s.messageId()) && s.answered() == 200).toList();
    }

    private static List<String> eventIds(List<Seen> list) {
        return list.stream().map(Seen::eventId).toList();
    }

    private static List<String> expectedIds(String messageId) {
        return List.of(messageId + ":1", messageId + ":2", messageId + ":3", messageId + ":4");
    }

    @Test
    @DisplayName("a callback waiting for its retry is finished by the dispatcher that starts after a restart, in order")
    void retrySurvivesRestart() {
        upstream.stubFor(post(urlPathEqualTo("/down")).willReturn(aResponse().withStatus(503)));
        dispatcher("gw-1", new SimpleMeterRegistry());
        String id = messageWithFourChanges("/down");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> seen.stream().filter(s -> id.equals(s.messageId())).count() >= 2);
        stopDispatchers();

        Long waiting = RedisFixture.await(fx.redis.call(c -> c.zcard(queue.keys().callbackQueue(id))));
        Double due = RedisFixture.await(fx.redis.call(c -> c.zscore(queue.keys().callbackDue(0), id)));
        assertThat(waiting).as("all four events wait in Redis, none in memory").isEqualTo(4L);
        assertThat(due).isNotNull();

        upstream.stubFor(post(urlPathEqualTo("/down")).willReturn(aResponse().withStatus(200)));
        dispatcher("gw-2", new SimpleMeterRegistry());
        await().atMost(Duration.ofSeconds(10)).until(() -> acceptedOf(id).size() >= 4);
        assertThat(eventIds(acceptedOf(id))).containsExactlyElementsOf(expectedIds(id));
        assertThat(seen.stream().filter(s -> id.equals(s.messageId()) && s.answered() == 503))
                .extracting(Seen::eventId).containsOnly(id + ":1");
    }

    @Test
    @DisplayName("two gateways on one Redis send every message's callbacks once each, in order")
    void twoGatewaysKeepOrder() {
        upstream.stubFor(post(urlPathEqualTo("/busy")).willReturn(aResponse().withStatus(200).withUniformRandomDelay(1, 25)));
        SimpleMeterRegistry first = new SimpleMeterRegistry();
        SimpleMeterRegistry second = new SimpleMeterRegistry();
        dispatcher("gw-a", first);
        dispatcher("gw-b", second);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(messageWithFourChanges("/busy"));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream().allMatch(id -> acceptedOf(id).size() >= 4));
        for (String id : ids) {
            assertThat(eventIds(seen.stream().filter(s -> id.equals(s.messageId())).toList()))
                    .as("callbacks of %s", id).containsExactlyElementsOf(expectedIds(id));
        }
        // the upstream has answered the last one; the gateway counts it a moment later
        await().atMost(Duration.ofSeconds(5)).until(() -> first.counter("vestnik_callbacks_sent", "tenant", "demo").count()
                + second.counter("vestnik_callbacks_sent", "tenant", "demo").count() == 80);
    }

    @Test
    @DisplayName("an event read but not yet queued when its gateway stopped is taken up when that gateway starts again")
    void pendingEntryRecovered() {
        upstream.stubFor(post(urlPathEqualTo("/recover")).willReturn(aResponse().withStatus(200)));
        RedisFixture.await(queue.createGroup(0));
        String id = messageWithFourChanges("/recover");
        String stream = queue.keys().callbackEvents(0);
        // the previous run read the events and stopped before admitting them: they stay pending for it
        RedisFixture.await(fx.redis.call(c -> c.xreadgroup(Consumer.from(CallbackQueue.GROUP, "gw-3"),
                XReadArgs.Builder.count(100), XReadArgs.StreamOffset.lastConsumed(stream))));

        dispatcher("gw-3", new SimpleMeterRegistry());
        await().atMost(Duration.ofSeconds(10)).until(() -> acceptedOf(id).size() >= 4);
        assertThat(eventIds(acceptedOf(id))).containsExactlyElementsOf(expectedIds(id));
    }
}
