package vestnik.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vestnik.loadtest.smsc.SimulatedSmsc;

/**
 * What an upstream system learns of its messages, end to end: SMS on loopback; status callbacks to the
 * demo tenant's upstream (a WireMock receiver); polling (on the {@code other} tenant, whose messages only
 * these tests send).
 */
class UpstreamStatusEndToEndTest {

    private static final AtomicInteger NEXT_PHONE = new AtomicInteger(5000);
    private static final Duration MAX_AGE = Duration.ofSeconds(5);

    @TempDir
    static Path dir;
    static SimulatedSmsc smsc;
    static CallbackReceiver receiver;
    static GatewayHarness gw;

    @BeforeAll
    static void start() throws Exception {
        smsc = SimulatedSmsc.builder().port(0).credentials("gw", "secret").receiptDelay(Duration.ofMillis(20)).start();
        receiver = new CallbackReceiver();
        gw = GatewayHarness.start(dir, smsc, new GatewayHarness.Callbacks(receiver.url("/demo/callbacks"), MAX_AGE));
    }

    @AfterAll
    static void stop() {
        if (gw != null) {
            gw.close();
        }
        if (receiver != null) {
            receiver.close();
        }
        if (smsc != null) {
            smsc.close();
        }
    }

    private static String phone() {
        return "+7916" + String.format("%07d", NEXT_PHONE.incrementAndGet());
    }

    private static String send(String key, JsonObject extra) {
        JsonObject job = new JsonObject().put("to", new JsonObject().put("phone", phone())).put("channel", "sms")
                .put("text", "Dolg 1200 RUB. OOO Demo").mergeIn(extra);
        Http.Reply r = gw.http.post("/v1/messages", key, job.encode());
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json().getString("id");
    }

    private static List<CallbackReceiver.Received> awaitAccepted(String id, int count) {
        return await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> receiver.acceptedOf(id), l -> l.size() >= count);
    }

    @Test
    @DisplayName("every status change of an SMS is POSTed in order, signed with the tenant's secret")
    void everyChangeInOrder() {
        String id = send(GatewayHarness.KEY, new JsonObject().put("externalId", "cb-order-1"));
        List<CallbackReceiver.Received> got = awaitAccepted(id, 4);
        JsonObject message = gw.awaitStatus(id, "delivered");

        assertThat(got).extracting(CallbackReceiver.Received::status).containsExactly("queued", "sending", "sent", "delivered");
        assertThat(got).extracting(CallbackReceiver.Received::eventId).containsExactly(id + ":1", id + ":2", id + ":3", id + ":4");
        assertThat(got).allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/demo/callbacks");
            assertThat(r.signedWith(GatewayHarness.DEMO_CALLBACK_SECRET)).as("signature of %s", r.body()).isTrue();
            assertThat(r.signedWith("some-other-secret-0123456789")).isFalse();
            assertThat(Math.abs(Long.parseLong(r.timestamp()) - Instant.now().getEpochSecond())).isLessThan(60);
            JsonObject body = r.json();
            assertThat(body.fieldNames()).containsExactlyInAnyOrder("eventId", "messageId", "externalId", "status",
                    "channel", "at", "detail", "error");
            assertThat(body.getString("externalId")).isEqualTo("cb-order-1");
            assertThat(body.getString("channel")).isEqualTo("sms");
            assertThat(body.getValue("error")).isNull();
        });
        // the callbacks say what the message's history says, event for event
        JsonArray events = message.getJsonArray("events");
        for (int i = 0; i < 4; i++) {
            assertThat(got.get(i).json().getString("at")).isEqualTo(events.getJsonObject(i).getString("at"));
            assertThat(got.get(i).json().getString("detail")).isEqualTo(events.getJsonObject(i).getString("detail"));
        }
        assertThat(gw.http.get("/metrics", null).body()).contains("vestnik_callbacks_sent_total{tenant=\"demo\"}");
    }

    @Test
    @DisplayName("a receiver answering 500 twice, then 200, gets the same event again and the rest in order after it")
    void retriedInOrder() {
        receiver.answerInTurn("/flaky", 500, 500);
        String id = send(GatewayHarness.KEY, new JsonObject().put("callbackUrl", receiver.url("/flaky")));
        awaitAccepted(id, 4);

        List<CallbackReceiver.Received> all = receiver.of(id);
        assertThat(all).extracting(CallbackReceiver.Received::answered).containsExactly(500, 500, 200, 200, 200, 200);
        assertThat(all).extracting(CallbackReceiver.Received::eventId)
                .containsExactly(id + ":1", id + ":1", id + ":1", id + ":2", id + ":3", id + ":4");
        // a retry is the same event: same id, same body, so the upstream can drop the copies it has
        assertThat(all.subList(0, 3)).extracting(CallbackReceiver.Received::body).containsOnly(all.get(0).body());
        assertThat(all).allSatisfy(r -> assertThat(r.signedWith(GatewayHarness.DEMO_CALLBACK_SECRET)).isTrue());
    }

    @Test
    @DisplayName("a job's callbackUrl takes the place of the tenant's")
    void jobUrlOverridesTenant() {
        String id = send(GatewayHarness.KEY, new JsonObject().put("callbackUrl", receiver.url("/job/own?ref=7")));
        List<CallbackReceiver.Received> got = awaitAccepted(id, 4);
        assertThat(got).extracting(CallbackReceiver.Received::path).containsOnly("/job/own?ref=7");
        assertThat(receiver.of(id)).hasSize(4);
    }

    @Test
    @DisplayName("a callbackUrl that is not http(s), or on a tenant without a secret, is refused with 422 and nothing is stored")
    void badCallbackUrl() {
        JsonObject job = new JsonObject().put("to", new JsonObject().put("phone", phone())).put("channel", "sms").put("text", "x");
        for (String bad : List.of("ftp://example.org/x", "not a url", "/relative", "https://user:pw@example.org/cb",
                "https://example.org/" + "a".repeat(2048))) {
            Http.Reply r = gw.http.post("/v1/messages", GatewayHarness.KEY, job.copy().put("callbackUrl", bad).encode());
            assertThat(r.status()).as(bad).isEqualTo(422);
            assertThat(r.errorCode()).isEqualTo("invalid_callback_url");
        }
        Http.Reply unsigned = gw.http.post("/v1/messages", GatewayHarness.OTHER_KEY,
                job.copy().put("callbackUrl", receiver.url("/other")).encode());
        assertThat(unsigned.status()).isEqualTo(422);
        assertThat(unsigned.errorCode()).isEqualTo("invalid_callback_url");
        assertThat(unsigned.json().getJsonObject("error").getString("message")).contains("secret");
    }

    @Test
    @DisplayName("an upstream that never answers delays neither sending nor other messages' callbacks, and is given up after maxAge")
    void deadReceiver() throws Exception {
        try (HungServer hung = new HungServer()) {
            List<String> stuck = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                stuck.add(send(GatewayHarness.KEY, new JsonObject().put("callbackUrl", hung.url())));
            }
            long start = System.nanoTime();
            String healthy = send(GatewayHarness.KEY, new JsonObject());
            awaitAccepted(healthy, 4);
            stuck.forEach(id -> gw.awaitStatus(id, "delivered"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            // the per-host bulkhead: never more connections to the hung host than configured (2)
            assertThat(hung.maxOpen()).isBetween(1, 2);

            await().atMost(MAX_AGE.plusSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> givenUp("demo") >= 3 * 4);
            assertThat(receiver.all()).noneMatch(r -> stuck.contains(r.messageId()));
        }
    }

    @Test
    @DisplayName("polling by status pages through the messages in the order they changed, and a kept cursor sees later changes")
    void pollingPages() {
        Instant before = Instant.now().minusMillis(5);
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ids.add(send(GatewayHarness.OTHER_KEY, new JsonObject().put("externalId", "poll-page-" + i)));
        }
        ids.forEach(id -> gw.awaitStatus(id, "delivered", GatewayHarness.OTHER_KEY));
        String query = "/v1/messages?status=delivered&since=" + before;

        JsonObject all = poll(query + "&limit=500", GatewayHarness.OTHER_KEY);
        assertThat(all.getBoolean("more")).isFalse();
        List<JsonObject> listed = objects(all.getJsonArray("messages"));
        assertThat(listed).extracting(m -> m.getString("id")).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(listed).allSatisfy(m -> {
            assertThat(m.getString("status")).isEqualTo("delivered");
            assertThat(m.getString("externalId")).startsWith("poll-page-");
            assertThat(m.containsKey("events")).isFalse();
            assertThat(m.getJsonObject("to").getString("phone")).startsWith("+7916");
        });
        assertThat(listed).extracting(m -> Instant.parse(m.getString("updatedAt"))).isSorted();

        List<String> paged = new ArrayList<>();
        List<Boolean> more = new ArrayList<>();
        String cursor = null;
        do {
            JsonObject page = poll(query + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor), GatewayHarness.OTHER_KEY);
            objects(page.getJsonArray("messages")).forEach(m -> paged.add(m.getString("id")));
            more.add(page.getBoolean("more"));
            cursor = page.getString("nextCursor");
        } while (more.get(more.size() - 1));
        assertThat(more).containsExactly(true, true, false);
        assertThat(paged).containsExactlyElementsOf(listed.stream().map(m -> m.getString("id")).toList());

        JsonObject nothingNew = poll("/v1/messages?cursor=" + cursor, GatewayHarness.OTHER_KEY);
        assertThat(nothingNew.getJsonArray("messages")).isEmpty();
        String later = send(GatewayHarness.OTHER_KEY, new JsonObject());
        gw.awaitStatus(later, "delivered", GatewayHarness.OTHER_KEY);
        JsonObject news = poll("/v1/messages?cursor=" + nothingNew.getString("nextCursor"), GatewayHarness.OTHER_KEY);
        assertThat(objects(news.getJsonArray("messages"))).singleElement()
                .satisfies(m -> assertThat(m.getString("id")).isEqualTo(later))
                .satisfies(m -> assertThat(m.getString("status")).isEqualTo("delivered"));
    }

    @Test
    @DisplayName("polling by externalId finds the tenant's own message only, filtered by status and since")
    void pollingByExternalId() {
        String id = send(GatewayHarness.OTHER_KEY, new JsonObject().put("externalId", "poll-ext-1"));
        gw.awaitStatus(id, "delivered", GatewayHarness.OTHER_KEY);

        JsonObject found = poll("/v1/messages?externalId=poll-ext-1", GatewayHarness.OTHER_KEY);
        assertThat(objects(found.getJsonArray("messages"))).singleElement().satisfies(m -> {
            assertThat(m.getString("id")).isEqualTo(id);
            assertThat(m.getString("status")).isEqualTo("delivered");
        });
        assertThat(found.getValue("nextCursor")).isNull();
        assertThat(poll("/v1/messages?externalId=poll-ext-1&status=failed,expired", GatewayHarness.OTHER_KEY)
                .getJsonArray("messages")).isEmpty();
        assertThat(poll("/v1/messages?externalId=poll-ext-1&since=" + Instant.now().plusSeconds(60), GatewayHarness.OTHER_KEY)
                .getJsonArray("messages")).isEmpty();
        assertThat(poll("/v1/messages?externalId=poll-ext-1", GatewayHarness.KEY).getJsonArray("messages")).isEmpty();
        assertThat(poll("/v1/messages?externalId=nobody-has-this", GatewayHarness.OTHER_KEY).getJsonArray("messages")).isEmpty();
    }

    @Test
    @DisplayName("a tenant's feed never shows another tenant's messages")
    void pollingTenantIsolation() {
        Instant before = Instant.now().minusMillis(5);
        String mine = send(GatewayHarness.OTHER_KEY, new JsonObject());
        String theirs = send(GatewayHarness.KEY, new JsonObject());
        gw.awaitStatus(mine, "delivered", GatewayHarness.OTHER_KEY);
        gw.awaitStatus(theirs, "delivered");
        List<String> otherFeed = objects(poll("/v1/messages?limit=500&since=" + before, GatewayHarness.OTHER_KEY)
                .getJsonArray("messages")).stream().map(m -> m.getString("id")).toList();
        List<String> demoFeed = objects(poll("/v1/messages?limit=500&since=" + before, GatewayHarness.KEY)
                .getJsonArray("messages")).stream().map(m -> m.getString("id")).toList();
        assertThat(otherFeed).contains(mine).doesNotContain(theirs);
        assertThat(demoFeed).contains(theirs).doesNotContain(mine);
    }

    @Test
    @DisplayName("a message that changes after it was polled comes again with its new status, and leaves its old status's list")
    void pollingSeesLaterChange() {
        Http.Reply r = gw.http.post("/v1/messages", GatewayHarness.OTHER_KEY, new JsonObject()
                .put("to", new JsonObject().put("phone", phone())).put("channel", "sms").put("text", "later")
                .put("sendAt", Instant.now().plusSeconds(3600).toString()).encode());
        String id = r.json().getString("id");
        JsonObject scheduled = poll("/v1/messages?status=scheduled&limit=500", GatewayHarness.OTHER_KEY);
        assertThat(objects(scheduled.getJsonArray("messages"))).extracting(m -> m.getString("id")).contains(id);

        assertThat(gw.http.delete("/v1/messages/" + id, GatewayHarness.OTHER_KEY).status()).isEqualTo(200);
        // a change in the very millisecond of a poll is left to the next poll: poll again from the same cursor
        JsonObject after = await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
                .until(() -> poll("/v1/messages?cursor=" + scheduled.getString("nextCursor"), GatewayHarness.OTHER_KEY),
                        p -> !p.getJsonArray("messages").isEmpty());
        assertThat(objects(after.getJsonArray("messages"))).singleElement().satisfies(m -> {
            assertThat(m.getString("id")).isEqualTo(id);
            assertThat(m.getString("status")).isEqualTo("cancelled");
        });
        assertThat(objects(poll("/v1/messages?status=scheduled&limit=500", GatewayHarness.OTHER_KEY).getJsonArray("messages")))
                .extracting(m -> m.getString("id")).doesNotContain(id);
    }

    @Test
    @DisplayName("a malformed poll is a 422 invalid_query; an agent key may not poll")
    void pollingBadQueries() {
        for (String q : List.of("status=bogus", "status=delivered,", "limit=0", "limit=501", "limit=ten", "cursor=garbage!",
                "since=yesterday", "stauts=failed", "status=sent&status=failed")) {
            Http.Reply r = gw.http.get("/v1/messages?" + q, GatewayHarness.OTHER_KEY);
            assertThat(r.status()).as(q).isEqualTo(422);
            assertThat(r.errorCode()).as(q).isEqualTo("invalid_query");
        }
        Http.Reply agent = gw.http.get("/v1/messages", GatewayHarness.AGENT_KEY);
        assertThat(agent.status()).isEqualTo(403);
    }

    private static JsonObject poll(String pathAndQuery, String key) {
        Http.Reply r = gw.http.get(pathAndQuery, key);
        assertThat(r.status()).as(pathAndQuery + " -> " + r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<JsonObject> objects(JsonArray array) {
        List<JsonObject> out = new ArrayList<>();
        array.forEach(o -> out.add((JsonObject) o));
        return out;
    }

    private static double givenUp(String tenant) {
        Matcher m = Pattern.compile("vestnik_callbacks_given_up_total\\{tenant=\"" + tenant + "\"} ([0-9.E]+)")
                .matcher(gw.http.get("/metrics", null).body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** An upstream that accepts connections and never answers; counts how many are open at once. */
    static final class HungServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();
        private final AtomicInteger open = new AtomicInteger();
        private final AtomicInteger maxOpen = new AtomicInteger();

        HungServer() throws IOException {
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket s = socket.accept();
                        accepted.add(s);
                        maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                        Thread reader = new Thread(() -> drainUntilClosed(s), "hung-upstream-conn");
                        reader.setDaemon(true);
                        reader.start();
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "hung-upstream");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        /** Reads and ignores the request; the connection counts as open until the client gives up on it. */
        private void drainUntilClosed(Socket s) {
            byte[] buf = new byte[4096];
            try {
                while (s.getInputStream().read(buf) >= 0) {
                    // never answer
                }
            } catch (IOException ignored) {
                // closed by either side
            } finally {
                open.decrementAndGet();
            }
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/never";
        }

        int maxOpen() {
            return maxOpen.get();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : accepted) {
                s.close();
            }
        }
    }
}
