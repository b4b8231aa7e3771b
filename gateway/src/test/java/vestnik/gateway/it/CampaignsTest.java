package vestnik.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
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
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vestnik.loadtest.smsc.SimulatedSmsc;

/** Bulk intake end to end: batches of jobs, campaign uploads streamed as CSV or JSON lines, their control and report. */
class CampaignsTest {

    private static final AtomicInteger NEXT_PHONE = new AtomicInteger(2000);

    @TempDir
    static Path dir;
    static SimulatedSmsc smsc;
    static GatewayHarness gw;
    static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

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

    private static String phone() {
        return "+7917" + String.format("%07d", NEXT_PHONE.incrementAndGet());
    }

    /** A window open now: a fixed-offset zone in which it is now between 10:00 and 19:59. */
    private static Map<String, String> openWindow() {
        int utcHour = ZonedDateTime.now(ZoneId.of("UTC")).getHour();
        int offset = Math.floorMod(14 - utcHour + 12, 24) - 12;
        String zone = offset == 0 ? "UTC" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset);
        LocalDate today = LocalDate.now(ZoneId.of(zone));
        return Map.of("zone", zone, "from", today.toString(), "to", today.toString(), "fromHour", "8", "toHour", "22");
    }

    /**
     * A window that opens the day after tomorrow in Moscow: its messages wait, scheduled (a campaign's rows are due
     * when its first day opens in Russia's easternmost zone, up to 9 hours before Moscow's opening).
     */
    private static Map<String, String> tomorrow() {
        LocalDate d = LocalDate.now(ZoneId.of("Europe/Moscow")).plusDays(2);
        return Map.of("from", d.toString(), "to", d.toString(), "fromHour", "9", "toHour", "20");
    }

    private static String query(Map<String, String> base, Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(base);
        all.putAll(more);
        return all.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Http.Reply upload(String query, String contentType, HttpRequest.BodyPublisher body) {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gw.gateway.port() + "/v1/campaigns?" + query))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + GatewayHarness.KEY)
                .header("Content-Type", contentType)
                .POST(body).build();
        try {
            HttpResponse<String> resp = client.send(r, HttpResponse.BodyHandlers.ofString());
            return new Http.Reply(resp.statusCode(), resp.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static JsonObject created(Http.Reply r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private static JsonObject campaign(String id) {
        Http.Reply r = gw.http.get("/v1/campaigns/" + id, GatewayHarness.KEY);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static JsonObject control(String id, String action) {
        Http.Reply r = gw.http.post("/v1/campaigns/" + id + "/" + action, GatewayHarness.KEY, null);
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

    @Test
    @DisplayName("a batch stores its good jobs and answers each bad one with its own error, under HTTP 200")
    void batchWithGoodAndBadJobs() {
        String a = phone();
        String b = phone();
        JsonArray jobs = new JsonArray()
                .add(new JsonObject().put("to", new JsonObject().put("phone", a)).put("channel", "sms").put("text", "Batch one"))
                .add(new JsonObject().put("to", new JsonObject().put("phone", "12")).put("channel", "sms").put("text", "bad phone"))
                .add(new JsonObject().put("to", new JsonObject().put("phone", b)).put("channel", "nope").put("text", "bad channel"))
                .add(new JsonObject().put("to", new JsonObject().put("phone", b)).put("channel", "sms").put("text", "Batch two")
                        .put("externalId", "batch-ext-1"));
        Http.Reply r = gw.http.post("/v1/messages:batch", GatewayHarness.KEY, new JsonObject().put("jobs", jobs).encode());

        assertThat(r.status()).isEqualTo(200);
        JsonObject body = r.json();
        assertThat(body.getInteger("accepted")).isEqualTo(2);
        assertThat(body.getInteger("rejected")).isEqualTo(2);
        JsonArray results = body.getJsonArray("results");
        assertThat(results.getJsonObject(0).getInteger("index")).isZero();
        assertThat(results.getJsonObject(0).getString("status")).isEqualTo("queued");
        assertThat(results.getJsonObject(1).getJsonObject("error").getString("code")).isEqualTo("invalid_phone");
        assertThat(results.getJsonObject(2).getJsonObject("error").getString("code")).isEqualTo("unknown_channel");
        assertThat(results.getJsonObject(3).getInteger("index")).isEqualTo(3);
        gw.awaitStatus(results.getJsonObject(0).getString("id"), "delivered");
        JsonObject second = gw.awaitStatus(results.getJsonObject(3).getString("id"), "delivered");
        assertThat(second.getString("externalId")).isEqualTo("batch-ext-1");

        Http.Reply again = gw.http.post("/v1/messages:batch", GatewayHarness.KEY, new JsonObject().put("jobs", new JsonArray()
                .add(jobs.getJsonObject(3))).encode());
        assertThat(again.json().getJsonArray("results").getJsonObject(0).getString("id"))
                .isEqualTo(results.getJsonObject(3).getString("id"));
        assertThat(again.json().getJsonArray("results").getJsonObject(0).getBoolean("duplicate")).isTrue();
    }

    @Test
    @DisplayName("a batch of more than 1,000 jobs is refused whole")
    void batchTooLarge() {
        JsonArray jobs = new JsonArray();
        for (int i = 0; i < 1001; i++) {
            jobs.add(new JsonObject().put("to", new JsonObject().put("phone", "+79170000001")).put("channel", "sms").put("text", "x"));
        }
        Http.Reply r = gw.http.post("/v1/messages:batch", GatewayHarness.KEY, jobs.encode());
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.errorCode()).isEqualTo("too_many_jobs");
    }

    @Test
    @DisplayName("a campaign's rate share holds: 1 % of a 2,000/s channel paces its 40 rows at about 20 a second")
    void rateShare() {
        StringBuilder csv = new StringBuilder("phone\r\n");
        List<String> phones = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String p = phone();
            phones.add(p.substring(1));
            csv.append(p).append("\r\n");
        }
        JsonObject c = created(upload(query(openWindow(), Map.of("name", "Shared", "text", "Pay", "channel", "sms",
                "rateShare", "0.01")), "text/csv; charset=utf-8", HttpRequest.BodyPublishers.ofString(csv.toString())));
        String id = c.getString("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(campaign(id).getJsonObject("statuses").getLong("delivered")).isEqualTo(40));
        List<java.time.Instant> at = smsc.acceptedSubmits().stream().filter(x -> phones.contains(x.destinationAddr()))
                .map(vestnik.loadtest.smsc.ReceivedSubmit::at).sorted().toList();
        assertThat(at).hasSize(40);
        // 20 a second with a tenth of a second of burst: the 40 take close to two seconds, not the moment they would alone
        assertThat(Duration.between(at.get(0), at.get(39))).isGreaterThan(Duration.ofMillis(1500));
    }

    @Test
    @DisplayName("a campaign that cannot finish in its window is still accepted, and its creation says so with an estimate")
    void estimateWarnsOnCreation() {
        StringBuilder csv = new StringBuilder("phone\n");
        for (int i = 0; i < 100; i++) {
            csv.append(phone()).append('\n');
        }
        // a millionth of 2,000/s is one message every 500 s: 100 need 50,000 s, the 09–20 window holds 39,600
        JsonObject c = created(upload(query(tomorrow(), Map.of("name", "Too slow", "text", "Pay", "channel", "sms",
                "rateShare", "0.000001")), "text/csv", HttpRequest.BodyPublishers.ofString(csv.toString())));
        assertThat(c.getLong("accepted")).isEqualTo(100);
        JsonObject estimate = c.getJsonObject("estimate");
        assertThat(estimate.getBoolean("fits")).isFalse();
        assertThat(estimate.getLong("windowSeconds")).isEqualTo(11 * 3600);
        assertThat(estimate.getString("warning")).contains("the window holds 39600 s").contains("about 79 will be sent");
        assertThat(campaign(c.getString("id")).getJsonObject("estimate")).isEqualTo(estimate);
    }

    @Test
    @DisplayName("a CSV campaign sends its valid rows, reports the invalid ones by line, and counts their statuses")
    void csvCampaign() {
        String p1 = phone();
        String p2 = phone();
        String p3 = phone();
        String csv = "phone;debt\r\n" + p1 + ";100\r\n" + "12345;200\r\n" + p2 + ";300;extra\r\n" + ";400\r\n" + p2 + ";500\r\n"
                + "\"" + p3 + "\";\"6;00\"\r\n";
        JsonObject c = created(upload(query(openWindow(), Map.of("name", "Night 1", "text", "Pay your debt", "channel", "sms")),
                "text/csv; charset=utf-8", HttpRequest.BodyPublishers.ofString(csv)));

        assertThat(c.getString("state")).isEqualTo("running");
        assertThat(c.getLong("rows")).isEqualTo(6);
        assertThat(c.getLong("accepted")).isEqualTo(3);
        assertThat(c.getLong("rejected")).isEqualTo(3);
        JsonArray errors = c.getJsonArray("errors");
        assertThat(errors.stream().map(e -> ((JsonObject) e).getInteger("line")).toList()).containsExactly(3, 4, 5);
        assertThat(errors.getJsonObject(0).getString("code")).isEqualTo("invalid_phone");
        assertThat(errors.getJsonObject(1).getString("message")).contains("3 fields");
        assertThat(errors.getJsonObject(2).getString("code")).isEqualTo("missing_field");
        assertThat(c.getJsonObject("estimate").getBoolean("fits")).isTrue();

        String id = c.getString("id");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(campaign(id).getJsonObject("statuses").getLong("delivered")).isEqualTo(3));
        JsonObject progress = campaign(id);
        assertThat(progress.getLong("rows")).isEqualTo(6);
        assertThat(progress.getLong("accepted")).isEqualTo(3);
        assertThat(progress.getLong("rejected")).isEqualTo(3);
        assertThat(progress.getJsonObject("spec").getString("priority")).isEqualTo("bulk");
        // counted by the status changes: each message left queued, sending and sent behind
        assertThat(progress.getJsonObject("statuses").getMap()).containsOnly(Map.entry("delivered", (Object) 3));

        List<String> report = reportLines(id);
        assertThat(report.get(0)).isEqualTo("line;messageId;status;errorCode;errorMessage;deferredReason");
        assertThat(report).hasSize(7);
        assertThat(report.get(1)).startsWith("2;").endsWith(";delivered;;;");
        assertThat(report.get(2)).startsWith("3;;rejected;invalid_phone;");
        assertThat(report.get(6)).startsWith("7;").contains(";delivered;");
        String first = report.get(1).split(";")[1];
        JsonObject m = gw.message(first);
        assertThat(m.getString("priority")).isEqualTo("bulk");
        assertThat(m.getJsonObject("to").getString("phone")).isEqualTo(p1);
    }

    @Test
    @DisplayName("a JSON-lines campaign reports lines that are not JSON objects or lack a recipient")
    void jsonLinesCampaign() {
        String body = "{\"phone\":\"" + phone() + "\",\"name\":\"A\"}\n"
                + "not json\n"
                + "[1,2]\n"
                + "{\"name\":\"no recipient\"}\n"
                + "{\"phone\":\"" + phone() + "\"}\n";
        JsonObject c = created(upload(query(tomorrow(), Map.of("name", "Night 2", "text", "Reminder", "channel", "sms")),
                "application/x-ndjson", HttpRequest.BodyPublishers.ofString(body)));
        assertThat(c.getLong("accepted")).isEqualTo(2);
        assertThat(c.getJsonArray("errors").stream().map(e -> ((JsonObject) e).getInteger("line")).toList())
                .containsExactly(2, 3, 4);
        assertThat(c.getJsonArray("errors").getJsonObject(0).getString("code")).isEqualTo("invalid_row");
        assertThat(messageIds(c.getString("id"))).allSatisfy(mid ->
                assertThat(gw.message(mid).getString("status")).isEqualTo("scheduled"));
    }

    @Test
    @DisplayName("an upload without a phone or contactId column, with a line that never ends, outside the legal hours or not CSV/JSON lines is refused")
    void refusedUploads() {
        Http.Reply noRecipient = upload(query(tomorrow(), Map.of("name", "x", "text", "t", "channel", "sms")), "text/csv",
                HttpRequest.BodyPublishers.ofString("name;debt\nA;1\n"));
        assertThat(noRecipient.status()).isEqualTo(422);
        assertThat(noRecipient.errorCode()).isEqualTo("invalid_rows");

        Http.Reply night = upload(query(tomorrow(), Map.of("name", "x", "text", "t", "channel", "sms", "toHour", "23")),
                "text/csv", HttpRequest.BodyPublishers.ofString("phone\n+79170000001\n"));
        assertThat(night.status()).isEqualTo(422);
        assertThat(night.errorCode()).isEqualTo("invalid_window");

        JsonObject longLine = created(upload(query(tomorrow(), Map.of("name", "x", "text", "t", "channel", "sms")), "text/csv",
                HttpRequest.BodyPublishers.ofString("phone;note\n+79170000001;" + "x".repeat(70_000) + "\n+79170000002;ok\n")));
        assertThat(longLine.getLong("accepted")).isEqualTo(1);
        assertThat(longLine.getJsonArray("errors").getJsonObject(0).getString("message")).isEqualTo("the line is longer than 65536 bytes");

        StringBuilder before = new StringBuilder("phone;note\n");
        for (int i = 0; i < 600; i++) {
            before.append("+7919").append(String.format("%07d", i)).append(";ok\n");
        }
        Http.Reply endless = upload(query(tomorrow(), Map.of("name", "x", "text", "t", "channel", "sms")), "text/csv",
                HttpRequest.BodyPublishers.ofString(before + "+79170000001;" + "x".repeat(1_100_000)));
        assertThat(endless.status()).isEqualTo(422);
        assertThat(endless.errorCode()).isEqualTo("invalid_rows");
        // the rows stored before the upload broke off are cancelled: the sender will upload the file again
        String failed = endless.json().getJsonObject("error").getJsonArray("details").getJsonObject(0).getString("campaignId");
        JsonObject progress = campaign(failed);
        assertThat(progress.getString("state")).isEqualTo("failed");
        assertThat(progress.getLong("accepted")).isEqualTo(500);
        assertThat(progress.getJsonObject("statuses").getLong("cancelled")).isEqualTo(500);

        Http.Reply xml = upload(query(tomorrow(), Map.of("name", "x", "text", "t", "channel", "sms")), "application/xml",
                HttpRequest.BodyPublishers.ofString("<rows/>"));
        assertThat(xml.status()).isEqualTo(415);
    }

    @Test
    @DisplayName("pause parks a campaign's unsent messages, resume releases them, cancel cancels every one")
    void pauseResumeCancel() {
        String csv = "phone\n" + phone() + "\n" + phone() + "\n" + phone() + "\n";
        JsonObject c = created(upload(query(tomorrow(), Map.of("name", "Night 3", "text", "Reminder", "channel", "sms")),
                "text/csv", HttpRequest.BodyPublishers.ofString(csv)));
        String id = c.getString("id");
        List<String> ids = messageIds(id);
        assertThat(ids).hasSize(3);

        assertThat(control(id, "pause").getLong("held")).isEqualTo(3);
        assertThat(campaign(id).getString("state")).isEqualTo("paused");
        Http.Reply twice = gw.http.post("/v1/campaigns/" + id + "/pause", GatewayHarness.KEY, null);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.errorCode()).isEqualTo("campaign_state");

        assertThat(control(id, "resume").getLong("released")).isEqualTo(3);
        assertThat(campaign(id).getString("state")).isEqualTo("running");
        assertThat(ids).allSatisfy(mid -> assertThat(gw.message(mid).getString("status")).isEqualTo("scheduled"));

        assertThat(control(id, "cancel").getLong("cancelled")).isEqualTo(3);
        JsonObject after = campaign(id);
        assertThat(after.getString("state")).isEqualTo("cancelled");
        assertThat(after.getJsonObject("statuses").getMap()).containsOnly(Map.entry("cancelled", (Object) 3));
        assertThat(ids).allSatisfy(mid -> assertThat(gw.message(mid).getString("status")).isEqualTo("cancelled"));
    }

    @Test
    @DisplayName("a paused campaign's message stays scheduled and unsent, and another tenant cannot see the campaign")
    void pausedCampaignHoldsItsMessages() {
        String p = phone();
        JsonObject c = created(upload(query(tomorrow(), Map.of("name", "Night 4", "text", "Held", "channel", "sms")),
                "text/csv", HttpRequest.BodyPublishers.ofString("phone\n" + p + "\n")));
        String id = c.getString("id");
        control(id, "pause");
        String mid = messageIds(id).get(0);
        assertThat(gw.message(mid).getString("status")).isEqualTo("scheduled");
        assertThat(smsc.submits().stream().noneMatch(s -> s.destinationAddr().equals(p.substring(1)))).isTrue();
        Http.Reply other = gw.http.get("/v1/campaigns/" + id, GatewayHarness.OTHER_KEY);
        assertThat(other.status()).isEqualTo(404);
    }

    @Test
    @DisplayName("a 50,000-row CSV streams in and every row is accepted")
    void largeStreamedUpload() {
        int rows = 50_000;
        InputStream header = new java.io.ByteArrayInputStream("phone;debt\n".getBytes(StandardCharsets.UTF_8));
        Enumeration<InputStream> parts = Collections.enumeration(List.of(header, new RowStream(rows)));
        long t0 = System.nanoTime();
        JsonObject c = created(upload(query(tomorrow(), Map.of("name", "Big", "text", "Reminder", "channel", "sms")),
                "text/csv", HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(parts))));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(c.getLong("rows")).isEqualTo(rows);
        assertThat(c.getLong("accepted")).isEqualTo(rows);
        assertThat(ms).as("upload time in ms").isLessThan(60_000);
    }

    /** Rows generated as they are read: the test holds none of them either. */
    private static final class RowStream extends InputStream {
        private final int rows;
        private int next;
        private byte[] line = new byte[0];
        private int pos;

        RowStream(int rows) {
            this.rows = rows;
        }

        @Override
        public int read() {
            if (pos == line.length) {
                if (next == rows) {
                    return -1;
                }
                line = ("+7918" + String.format("%07d", next) + ";" + next + "\n").getBytes(StandardCharsets.US_ASCII);
                next++;
                pos = 0;
            }
            return line[pos++];
        }
    }
}
