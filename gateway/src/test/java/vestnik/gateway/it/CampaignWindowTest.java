package vestnik.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vestnik.loadtest.smsc.SimulatedSmsc;

/**
 * A campaign's window read in each debtor's local time, the debtor placed by the numbering plan (the test fixtures:
 * 495 Moscow, 423 Primorye, 415 Kamchatka), on a clock the test sets. The contact policy is off: what holds the
 * messages back here is the campaign's own window.
 */
class CampaignWindowTest {

    /** Wednesday 25 November 2026, 15:00 in Moscow, 22:00 in Vladivostok, Thursday 00:00 in Kamchatka. */
    private static final Instant WEDNESDAY_1200Z = Instant.parse("2026-11-25T12:00:00Z");
    private static final Set<String> OUT = Set.of("sent", "delivered");

    @TempDir
    static Path dir;
    static SimulatedSmsc smsc;
    static final ShiftedClock clock = new ShiftedClock();
    static GatewayHarness gw;

    @BeforeAll
    static void start() throws Exception {
        clock.set(WEDNESDAY_1200Z);
        smsc = SimulatedSmsc.builder().port(0).credentials("gw", "secret").receiptDelay(Duration.ofMillis(20)).start();
        gw = GatewayHarness.startWith(dir, GatewayHarness.config(dir.resolve("data"), smsc.port()), clock);
        for (String file : List.of("ABC-3xx-6col-cp1251.csv", "ABC-4xx-7col.csv", "DEF-9xx-8col.csv")) {
            HttpResponse<String> r = putPlan(file);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
    }

    @AfterAll
    static void stop() {
        if (gw != null) {
            gw.close();
        }
        if (smsc != null) {
            smsc.close();
        }
    }

    @Test
    @DisplayName("at 15:00 in Moscow the Moscow row goes out, the Primorye and Kamchatka rows wait for 09:00 their time")
    void farEastRowsWaitForTheirLocalOpening() {
        clock.set(WEDNESDAY_1200Z);
        JsonObject c = upload(Map.of("name", "Two days", "text", "Напоминание о долге", "channel", "sms",
                "zone", "Europe/Moscow", "from", "2026-11-25", "to", "2026-11-26", "fromHour", "9", "toHour", "20"),
                "phone\n+74950000101\n+74232000101\n+74152000101\n");
        assertThat(c.getLong("accepted")).isEqualTo(3);
        String id = c.getString("id");
        List<String> ids = messageIds(id);
        String moscow = ids.get(0);
        String vladivostok = ids.get(1);
        String kamchatka = ids.get(2);

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> OUT.contains(gw.message(moscow).getString("status"))
                        && deferral(vladivostok) != null && deferral(kamchatka) != null);
        assertThat(deferral(vladivostok)).isEqualTo("deferred: campaign_window until 2026-11-25T23:00:00Z "
                + "(local 2026-11-26T09:00); zone Asia/Vladivostok from numbering_plan");
        assertThat(deferral(kamchatka)).isEqualTo("deferred: campaign_window until 2026-11-25T21:00:00Z "
                + "(local 2026-11-26T09:00); zone Asia/Kamchatka from numbering_plan");
        assertThat(destinations()).contains("74950000101").doesNotContain("74232000101", "74152000101");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonObject p = campaign(id);
            assertThat(p.getLong("sent")).isEqualTo(1);
            assertThat(p.getLong("deferred")).isEqualTo(2);
            assertThat(p.getJsonObject("deferredReasons").getMap()).containsExactly(Map.entry("campaign_window", 2));
            assertThat(p.getJsonObject("cost").getString("amount")).isEqualTo("3.50");
        });
        List<String> report = reportLines(id);
        assertThat(report.get(2)).isEqualTo("3;" + vladivostok + ";queued;;;campaign_window");

        // 09:00 in Kamchatka is still 00:00 in Moscow: that row goes, the Primorye row waits two more hours
        clock.set(Instant.parse("2026-11-25T21:00:01Z"));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> OUT.contains(gw.message(kamchatka).getString("status")));
        assertThat(gw.message(vladivostok).getString("status")).isEqualTo("queued");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonObject p = campaign(id);
            assertThat(p.getLong("sent")).isEqualTo(2);
            assertThat(p.getLong("deferred")).isEqualTo(1);
            assertThat(p.getString("state")).isEqualTo("running");
        });
    }

    @Test
    @DisplayName("on the campaign's last day, a Kamchatka row reaching the send step after 20:00 its time expires with campaign_window_over")
    void rowPastItsLocalWindowExpires() {
        // Thursday 12:00 in Moscow, 21:00 in Kamchatka
        clock.set(Instant.parse("2026-11-26T09:00:00Z"));
        JsonObject c = upload(Map.of("name", "Last day", "text", "Напоминание", "channel", "sms",
                "zone", "Europe/Moscow", "from", "2026-11-26", "to", "2026-11-26", "fromHour", "9", "toHour", "20"),
                "phone\n+74950000202\n+74152000202\n");
        String id = c.getString("id");
        List<String> ids = messageIds(id);

        JsonObject expired = gw.awaitStatus(ids.get(1), "expired");
        assertThat(expired.getJsonObject("error").getString("code")).isEqualTo("campaign_window_over");
        assertThat(expired.getJsonObject("error").getString("message"))
                .startsWith("the campaign's window closed at 2026-11-26T08:00:00Z (local 2026-11-26T20:00)")
                .endsWith("zone Asia/Kamchatka from numbering_plan");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> OUT.contains(gw.message(ids.get(0)).getString("status")));
        assertThat(destinations()).contains("74950000202").doesNotContain("74152000202");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonObject p = campaign(id);
            assertThat(p.getLong("failed")).isEqualTo(1);
            assertThat(p.getJsonObject("statuses").getLong("expired")).isEqualTo(1);
            assertThat(p.getLong("deferred")).isZero();
        });
        assertThat(reportLines(id).get(2)).startsWith("3;" + ids.get(1) + ";expired;campaign_window_over;\"the campaign's window closed at")
                .endsWith("numbering_plan\";");
    }

    private static JsonObject upload(Map<String, String> params, String csv) {
        String query = new LinkedHashMap<>(params).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gw.gateway.port() + "/v1/campaigns?" + query))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + GatewayHarness.KEY)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build();
        try {
            HttpResponse<String> resp = HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString());
            assertThat(resp.statusCode()).as(resp.body()).isEqualTo(201);
            return new JsonObject(resp.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> putPlan(String file) throws Exception {
        byte[] body;
        try (InputStream in = CampaignWindowTest.class.getResourceAsStream("/policy/numbering/" + file)) {
            body = in.readAllBytes();
        }
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gw.gateway.port()
                        + "/v1/admin/numbering-plan/" + file.replace(".csv", "")))
                .header("Authorization", "Bearer " + GatewayHarness.ADMIN_KEY).header("Content-Type", "text/csv")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject campaign(String id) {
        Http.Reply r = gw.http.get("/v1/campaigns/" + id, GatewayHarness.KEY);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<String> reportLines(String id) {
        Http.Reply r = gw.http.get("/v1/campaigns/" + id + "/report", GatewayHarness.KEY);
        assertThat(r.status()).isEqualTo(200);
        return Arrays.asList(r.body().split("\n"));
    }

    private static List<String> messageIds(String campaignId) {
        return reportLines(campaignId).stream().skip(1).map(l -> l.split(";", -1)[1]).filter(s -> !s.isEmpty()).toList();
    }

    /** The detail of the message's last deferral while it waits queued, or null. */
    private static String deferral(String id) {
        JsonObject m = gw.message(id);
        if (!"queued".equals(m.getString("status"))) {
            return null;
        }
        String found = null;
        for (Object o : m.getJsonArray("events")) {
            String d = ((JsonObject) o).getString("detail");
            if (d != null && d.startsWith("deferred: ")) {
                found = d;
            }
        }
        return found;
    }

    private static List<String> destinations() {
        return smsc.acceptedSubmits().stream().map(s -> s.destinationAddr().replace("+", "")).toList();
    }
}
