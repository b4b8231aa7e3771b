package vestnik.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vestnik.loadtest.smsc.SimulatedSmsc;

/** What the console reads: the tenant's day per channel, and its campaigns newest first. */
class StatsTest {

    @TempDir
    static Path dir;
    static SimulatedSmsc smsc;
    static GatewayHarness gw;

    @BeforeAll
    static void start() throws Exception {
        smsc = SimulatedSmsc.builder().port(0).credentials("gw", "secret").receiptDelay(Duration.ofMillis(20)).start();
        gw = GatewayHarness.start(dir, smsc);
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
    @DisplayName("today's figures count the tenant's accepted, sent, delivered and deferred messages and their cost, and no other tenant's")
    void today() {
        JsonObject before = sms(GatewayHarness.AGENT_KEY);
        JsonObject othersBefore = sms(GatewayHarness.OTHER_MARKETER_KEY);
        String a = gw.sendSms("+79170003001", "Напоминание");
        String b = gw.sendSms("+79170003002", "Напоминание");
        gw.awaitStatus(a, "delivered");
        gw.awaitStatus(b, "delivered");
        // a zone in which it is now 22:xx: the campaign's 09–20 window is shut, so its row waits for tomorrow
        String zone = zoneWhereItIs(22);
        LocalDate today = LocalDate.now(ZoneId.of(zone));
        String waiting = upload(GatewayHarness.KEY, Map.of("name", "Evening", "text", "Напоминание", "channel", "sms",
                "zone", zone, "from", today.toString(), "to", today.plusDays(1).toString(), "fromHour", "9", "toHour", "20"),
                "phone\n+79170003003\n").getString("id");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonObject campaign = gw.http.get("/v1/campaigns/" + waiting, GatewayHarness.KEY).json();
            assertThat(campaign.getJsonObject("deferredReasons").getMap()).containsExactly(Map.entry("campaign_window", 1));
        });

        Http.Reply r = gw.http.get("/v1/stats/today?zone=Europe/Moscow", GatewayHarness.AGENT_KEY);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonObject body = r.json();
        assertThat(body.getString("date")).isEqualTo(LocalDate.now(ZoneId.of("Europe/Moscow")).toString());
        assertThat(body.getString("zone")).isEqualTo("Europe/Moscow");
        JsonObject after = sms(GatewayHarness.AGENT_KEY);
        assertThat(after.getString("channel")).isEqualTo("sms");
        assertThat(grew(before, after, "accepted")).isEqualTo(3);
        assertThat(grew(before, after, "sent")).isEqualTo(2);
        assertThat(grew(before, after, "delivered")).isEqualTo(2);
        assertThat(grew(before, after, "read")).isZero();
        assertThat(grew(before, after, "failed")).isZero();
        assertThat(grew(before, after, "deferred")).isEqualTo(1);
        assertThat(after.getJsonObject("deferredReasons").getLong("campaign_window"))
                .isEqualTo(before.getJsonObject("deferredReasons").getLong("campaign_window", 0L) + 1);
        assertThat(after.getJsonObject("cost").getString("currency")).isEqualTo("RUB");
        // two one-part SMS at 3.50 a part
        assertThat(amount(after).subtract(amount(before))).isEqualByComparingTo("7.00");

        JsonObject othersAfter = sms(GatewayHarness.OTHER_MARKETER_KEY);
        assertThat(othersAfter).isEqualTo(othersBefore);
        assertThat(othersAfter.containsKey("cost")).isFalse();
    }

    /** The caller's tenant's SMS figures today in Moscow (all zero, without cost, before any). */
    private static JsonObject sms(String key) {
        Http.Reply r = gw.http.get("/v1/stats/today?zone=Europe/Moscow", key);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().getJsonArray("channels").stream().map(o -> (JsonObject) o)
                .filter(c -> "sms".equals(c.getString("channel"))).findFirst()
                .orElse(new JsonObject().put("channel", "sms").put("deferredReasons", new JsonObject()));
    }

    private static BigDecimal amount(JsonObject channel) {
        return channel.containsKey("cost") ? new BigDecimal(channel.getJsonObject("cost").getString("amount")) : BigDecimal.ZERO;
    }

    private static long grew(JsonObject before, JsonObject after, String field) {
        return after.getLong(field, 0L) - before.getLong(field, 0L);
    }

    @Test
    @DisplayName("the day's figures are for agents, marketers and admins; a zone that is not one is refused")
    void todayRoles() {
        assertThat(gw.http.get("/v1/stats/today", GatewayHarness.MARKETER_KEY).status()).isEqualTo(200);
        assertThat(gw.http.get("/v1/stats/today?zone=Asia/Kamchatka", GatewayHarness.ADMIN_KEY).json().getString("zone"))
                .isEqualTo("Asia/Kamchatka");
        Http.Reply upstream = gw.http.get("/v1/stats/today", GatewayHarness.KEY);
        assertThat(upstream.status()).isEqualTo(403);
        assertThat(upstream.errorCode()).isEqualTo("forbidden");
        assertThat(gw.http.get("/v1/stats/today", null).status()).isEqualTo(401);
        Http.Reply bad = gw.http.get("/v1/stats/today?zone=Mars/Olympus", GatewayHarness.AGENT_KEY);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.errorCode()).isEqualTo("invalid_query");
    }

    @Test
    @DisplayName("campaigns are listed newest first a page at a time, filtered by state, each tenant its own")
    void campaignList() {
        LocalDate later = LocalDate.now(ZoneId.of("Europe/Moscow")).plusDays(2);
        Map<String, String> window = Map.of("from", later.toString(), "to", later.toString(), "fromHour", "9", "toHour", "20");
        String first = upload(GatewayHarness.KEY, with(window, "name", "List 1"), "phone\n+79170004001\n").getString("id");
        String second = upload(GatewayHarness.KEY, with(window, "name", "List 2"), "phone\n+79170004002\n").getString("id");
        // every row refused: nothing is left to send, so the campaign is done at once
        String third = upload(GatewayHarness.KEY, with(window, "name", "List 3"), "phone\n12\n").getString("id");
        String others = upload(GatewayHarness.OTHER_KEY, with(window, "name", "Other's"), "phone\n+79170004003\n").getString("id");
        assertThat(gw.http.post("/v1/campaigns/" + second + "/pause", GatewayHarness.KEY, null).status()).isEqualTo(200);

        List<String> all = ids(gw.http.get("/v1/campaigns?limit=100", GatewayHarness.MARKETER_KEY).json());
        assertThat(all).containsSubsequence(third, second, first).doesNotContain(others);

        JsonObject page1 = gw.http.get("/v1/campaigns?limit=2", GatewayHarness.KEY).json();
        assertThat(ids(page1)).containsExactly(all.get(0), all.get(1));
        String cursor = URLEncoder.encode(page1.getString("nextCursor"), StandardCharsets.UTF_8);
        JsonObject page2 = gw.http.get("/v1/campaigns?limit=2&cursor=" + cursor, GatewayHarness.KEY).json();
        assertThat(ids(page2)).containsExactlyElementsOf(all.subList(2, Math.min(4, all.size())));

        assertThat(ids(gw.http.get("/v1/campaigns?state=paused", GatewayHarness.KEY).json())).containsExactly(second);
        JsonObject done = gw.http.get("/v1/campaigns?state=done", GatewayHarness.KEY).json();
        assertThat(ids(done)).contains(third).doesNotContain(first, second);
        JsonObject shown = done.getJsonArray("campaigns").getJsonObject(0);
        assertThat(shown.getString("name")).isEqualTo("List 3");
        assertThat(shown.getLong("rejected")).isEqualTo(1);
        assertThat(shown.getJsonObject("cost").getString("amount")).isEqualTo("0.00");
        assertThat(ids(gw.http.get("/v1/campaigns?state=running", GatewayHarness.KEY).json())).contains(first)
                .doesNotContain(second, third);

        assertThat(ids(gw.http.get("/v1/campaigns", GatewayHarness.OTHER_KEY).json())).containsExactly(others);
        assertThat(gw.http.get("/v1/campaigns/" + first, GatewayHarness.OTHER_MARKETER_KEY).status()).isEqualTo(404);
        assertThat(gw.http.get("/v1/campaigns/" + first, GatewayHarness.MARKETER_KEY).status()).isEqualTo(200);
        assertThat(gw.http.post("/v1/campaigns/" + first + "/cancel", GatewayHarness.MARKETER_KEY, null).status()).isEqualTo(403);
        assertThat(gw.http.get("/v1/campaigns", GatewayHarness.AGENT_KEY).status()).isEqualTo(403);
        Http.Reply bad = gw.http.get("/v1/campaigns?state=finished", GatewayHarness.KEY);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.errorCode()).isEqualTo("invalid_query");
    }

    private static List<String> ids(JsonObject list) {
        return list.getJsonArray("campaigns").stream().map(o -> ((JsonObject) o).getString("id")).toList();
    }

    private static Map<String, String> with(Map<String, String> base, String k, String v) {
        Map<String, String> m = new LinkedHashMap<>(base);
        m.put(k, v);
        m.put("text", "Напоминание");
        m.put("channel", "sms");
        return m;
    }

    /** A fixed-offset zone in which it is now {@code hour}:xx. */
    private static String zoneWhereItIs(int hour) {
        int utcHour = ZonedDateTime.now(ZoneId.of("UTC")).getHour();
        int offset = Math.floorMod(hour - utcHour + 12, 24) - 12;
        return offset == 0 ? "UTC" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset);
    }

    private static JsonObject upload(String key, Map<String, String> params, String csv) {
        String query = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gw.gateway.port() + "/v1/campaigns?" + query))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key)
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
}
