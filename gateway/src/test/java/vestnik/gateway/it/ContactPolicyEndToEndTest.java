package vestnik.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vestnik.loadtest.smsc.SimulatedSmsc;

/**
 * The contact policy at dispatch time (issue #8), end to end: two gateways on one Redis and one SMSC, on a clock
 * the test sets to Wednesday 25 November 2026, 12:30 UTC — 22:30 in Vladivostok (quiet), 14:30 in Kaliningrad.
 */
class ContactPolicyEndToEndTest {

    private static final Instant WEDNESDAY_1230Z = Instant.parse("2026-11-25T12:30:00Z");
    private static final Set<String> OUT = Set.of("sent", "delivered");

    /** A second route to the same SMSC, so that a cascade has somewhere to move on to. */
    private static final String SECOND_SMS_CHANNEL = """
              sms2:
                type: smpp
                host: 127.0.0.1
                port: %d
                systemId: gw
                password: secret
                sourceAddr: VESTNIK2
                binds: 1
                window: 8
                reconnectMin: PT0.1S
                reconnectMax: PT0.5S
            """;

    @TempDir
    static Path dir;
    static SimulatedSmsc smsc;
    static final ShiftedClock clock = new ShiftedClock();
    static GatewayHarness first;
    static GatewayHarness second;

    @BeforeAll
    static void start() throws Exception {
        clock.set(WEDNESDAY_1230Z);
        smsc = SimulatedSmsc.builder().port(0).credentials("gw", "secret").start();
        String yaml = GatewayHarness.config(dir.resolve("data"), smsc.port())
                .replace("contactPolicy: false", "contactPolicy: true") + SECOND_SMS_CHANNEL.formatted(smsc.port());
        first = GatewayHarness.startWith(dir.resolve("a"), yaml, clock);
        String shared = first.gateway.redis().embeddedUri().orElseThrow();
        second = GatewayHarness.startWith(dir.resolve("b"), yaml
                .replace("instanceId: it-gateway", "instanceId: it-gateway-b")
                .replace("uri: embedded", "uri: " + shared), clock);
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        if (smsc != null) {
            smsc.close();
        }
    }

    @BeforeEach
    void wednesdayNoonUtc() {
        clock.set(WEDNESDAY_1230Z);
    }

    @Test
    @DisplayName("quiet hours are the debtor's: Vladivostok waits for 08:00 local, Kaliningrad is reached at once")
    void quietHoursInTheDebtorsZone() {
        putContact("vl-1", "+79140000001", new JsonObject().put("timezone", "Asia/Vladivostok"));
        putContact("kg-1", "+79110000001", new JsonObject().put("region", "RU-KGD"));

        String vladivostok = sms(first, "vl-1", "+79140000001", "Напоминание о платеже");
        String kaliningrad = sms(first, "kg-1", "+79110000001", "Напоминание о платеже");

        awaitOut(first, kaliningrad);
        String detail = awaitDeferral(first, vladivostok);
        assertThat(detail).startsWith("deferred: quiet_hours until 2026-11-25T22:00:00Z (local 2026-11-26T08:00)")
                .endsWith("zone Asia/Vladivostok from contact_zone");
        assertThat(first.message(vladivostok).getString("status")).isEqualTo("queued");
        assertThat(destinations()).contains("79110000001").doesNotContain("79140000001");

        clock.set(Instant.parse("2026-11-25T22:00:01Z"));
        awaitOut(first, vladivostok);
        assertThat(destinations()).contains("79140000001");
    }

    @Test
    @DisplayName("an agent's reply in the debtor's quiet hours waits, and the thread says until when and why")
    void replyInQuietHoursSaysWhy() {
        putContact("vl-reply", "+79140000077", new JsonObject().put("timezone", "Asia/Vladivostok"));
        assertThat(smsc.sendMo("79140000077", "7755", "Когда можно оплатить?")).isZero();
        String conversation = await().atMost(Duration.ofSeconds(10)).until(() -> first.http.get("/v1/conversations?limit=100",
                        GatewayHarness.AGENT_KEY).json().getJsonArray("conversations").stream().map(o -> (JsonObject) o)
                .filter(c -> "vl-reply".equals(c.getJsonObject("contact").getString("id"))).map(c -> c.getString("id"))
                .findFirst().orElse(null), id -> id != null);

        Http.Reply r = first.http.post("/v1/conversations/" + conversation + "/messages", GatewayHarness.AGENT_KEY,
                "{\"text\":\"Завтра с 9 утра\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        String reply = r.json().getString("id");
        awaitDeferral(first, reply);

        JsonObject entry = first.http.get("/v1/conversations/" + conversation, GatewayHarness.AGENT_KEY).json()
                .getJsonArray("timeline").stream().map(o -> (JsonObject) o).filter(e -> reply.equals(e.getString("id")))
                .findFirst().orElseThrow();
        assertThat(entry.getString("status")).isEqualTo("queued");
        assertThat(entry.getJsonObject("deferred").encode())
                .isEqualTo("{\"reason\":\"quiet_hours\",\"until\":\"2026-11-25T22:00:00Z\"}");
    }

    @Test
    @DisplayName("with the daily cap of 2 used, the 3rd message waits for the next local day's window")
    void dailyCapDefersTheThirdToTheNextLocalDay() {
        putContact("kg-2", "+79110000002", new JsonObject().put("region", "RU-KGD"));

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(sms(first, "kg-2", "+79110000002", "Сообщение " + i));
        }

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> ids.stream().filter(id -> OUT.contains(first.message(id).getString("status"))).count() == 2
                        && ids.stream().anyMatch(id -> deferral(first, id) != null));
        String waiting = ids.stream().filter(id -> deferral(first, id) != null).findFirst().orElseThrow();
        // 08:00 Thursday in Kaliningrad (UTC+2): the day's cap frees at midnight, quiet hours last until 08:00
        assertThat(deferral(first, waiting)).startsWith("deferred: daily_cap until 2026-11-26T06:00:00Z (local 2026-11-26T08:00)");
        assertThat(destinations().stream().filter("79110000002"::equals).count()).isEqualTo(2);
    }

    @Test
    @DisplayName("two gateways on one Redis racing for one debtor send 2 messages a day between them, not more")
    void twoGatewaysCannotExceedTheCap() {
        putContact("kg-3", "+79110000003", new JsonObject().put("region", "RU-KGD"));

        List<String> onFirst = new ArrayList<>();
        List<String> onSecond = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            (i % 2 == 0 ? onFirst : onSecond).add(sms(i % 2 == 0 ? first : second, "kg-3", "+79110000003", "Сообщение " + i));
        }

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> onFirst.stream().filter(id -> deferral(first, id) != null).count()
                        + onSecond.stream().filter(id -> deferral(second, id) != null).count() == 6);
        long out = onFirst.stream().filter(id -> OUT.contains(first.message(id).getString("status"))).count()
                + onSecond.stream().filter(id -> OUT.contains(second.message(id).getString("status"))).count();
        assertThat(out).isEqualTo(2);
        assertThat(destinations().stream().filter("79110000003"::equals).count()).isEqualTo(2);
    }

    @Test
    @DisplayName("a debtor who refused interaction is not written to: the message is rejected with blocked_status")
    void blockingStatusRejects() {
        putContact("kg-4", "+79110000004", new JsonObject().put("region", "RU-KGD")
                .put("statuses", new JsonArray().add("refused_interaction")));

        String id = sms(first, "kg-4", "+79110000004", "Напоминание");

        JsonObject m = first.awaitStatus(id, "rejected");
        assertThat(m.getJsonObject("error").getString("code")).isEqualTo("blocked_status");
        assertThat(m.getJsonObject("error").getString("message")).contains("refused_interaction");
        assertThat(destinations()).doesNotContain("79110000004");
    }

    @Test
    @DisplayName("payment_received cancels the contact's deferred, scheduled and cascading messages; later jobs still go")
    void paymentCancelsWhatIsPending() {
        putContact("vl-5", "+79140000005", new JsonObject().put("timezone", "Asia/Vladivostok"));
        String deferred = sms(first, "vl-5", "+79140000005", "Напоминание");
        Http.Reply r = first.post(job("vl-5", "+79140000005", "Через два дня").put("channel", "sms")
                .put("sendAt", "2026-11-27T03:00:00Z"));
        assertThat(r.status()).isEqualTo(202);
        String scheduled = r.json().getString("id");
        r = first.post(job("vl-5", "+79140000005", "Каскад").put("route", new JsonArray()
                .add(new JsonObject().put("channel", "sms").put("waitFor", "delivered").put("timeout", "PT10M"))
                .add(new JsonObject().put("channel", "sms"))));
        assertThat(r.status()).as("cascade: %s", r).isEqualTo(202);
        String cascade = r.json().getString("id");
        awaitDeferral(first, deferred);
        awaitDeferral(first, cascade);

        Http.Reply paid = first.http.post("/v1/events", GatewayHarness.KEY,
                new JsonObject().put("type", "payment_received").put("contactId", "vl-5").encode());

        assertThat(paid.status()).as("%s", paid).isEqualTo(200);
        assertThat(paid.json().getInteger("cancelled")).isEqualTo(3);
        // the mark outlives every job accepted before it (dispatch.maxTtl, 7 days) by a day, and no more
        long kept = first.gateway.redis().call(c -> c.pttl(first.gateway.redis().keys().paymentReceived("demo", "vl-5")))
                .toCompletionStage().toCompletableFuture().join();
        assertThat(kept).isBetween(Duration.ofDays(7).toMillis(), Duration.ofDays(8).toMillis());
        for (String id : List.of(deferred, scheduled, cascade)) {
            JsonObject m = first.message(id);
            assertThat(m.getString("status")).as(id).isEqualTo("cancelled");
            JsonArray events = m.getJsonArray("events");
            assertThat(events.getJsonObject(events.size() - 1).getString("detail")).startsWith("payment_received");
        }
        List<JsonObject> ledger = first.http.get("/v1/contacts/vl-5/ledger", GatewayHarness.KEY).body().lines()
                .map(JsonObject::new).toList();
        assertThat(ledger.stream().filter(l -> "cancelled".equals(l.getString("decision"))))
                .extracting(l -> l.getString("messageId")).containsExactlyInAnyOrder(deferred, scheduled, cascade);
        String after = sms(first, "vl-5", "+79140000005", "Новый график платежей");
        assertThat(awaitDeferral(first, after)).startsWith("deferred: quiet_hours");
        assertThat(destinations()).doesNotContain("79140000005");
    }

    @Test
    @DisplayName("after phone_invalid, jobs to the number are rejected with phone_invalid")
    void invalidPhoneRejects() {
        Http.Reply r = first.http.post("/v1/events", GatewayHarness.KEY,
                new JsonObject().put("type", "phone_invalid").put("phone", "+7 911 000-00-06").encode());
        assertThat(r.status()).as("%s", r).isEqualTo(200);

        String id = first.sendSms("+79110000006", "Напоминание");

        assertThat(first.awaitStatus(id, "rejected").getJsonObject("error").getString("code")).isEqualTo("phone_invalid");
        assertThat(destinations()).doesNotContain("79110000006");
    }

    @Test
    @DisplayName("the contact's ledger exports every decision as JSON lines with UTC and local time and the zone's source")
    void ledgerExportListsTheDecisions() {
        putContact("kg-7", "+79110000007", new JsonObject().put("region", "Калининградская область"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(sms(first, "kg-7", "+79110000007", "Сообщение " + i));
        }
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> ids.stream().anyMatch(id -> deferral(first, id) != null)
                        && ids.stream().filter(id -> OUT.contains(first.message(id).getString("status"))).count() == 2);

        Http.Reply r = first.http.get("/v1/contacts/kg-7/ledger?from=2026-11-25T00:00:00Z&to=2026-11-26T00:00:00Z",
                GatewayHarness.KEY);

        assertThat(r.status()).as("%s", r).isEqualTo(200);
        List<JsonObject> lines = r.body().lines().map(JsonObject::new).toList();
        assertThat(lines).hasSize(3);
        assertThat(lines).extracting(l -> l.getString("decision")).containsExactlyInAnyOrder("allowed", "allowed", "deferred");
        assertThat(lines).allSatisfy(l -> {
            assertThat(l.getString("zone")).isEqualTo("Europe/Kaliningrad");
            assertThat(l.getString("zoneSource")).isEqualTo("region");
            assertThat(l.getString("at")).startsWith("2026-11-25T12:30");
            assertThat(l.getString("local")).startsWith("2026-11-25T14:30");
            assertThat(ids).contains(l.getString("messageId"));
        });
        assertThat(lines.stream().filter(l -> "deferred".equals(l.getString("decision"))).findFirst().orElseThrow()
                .getString("reason")).isEqualTo("daily_cap");

        Http.Reply later = first.http.get("/v1/contacts/kg-7/ledger?from=2026-11-26T00:00:00Z", GatewayHarness.KEY);
        assertThat(later.status()).isEqualTo(200);
        assertThat(later.body()).isEmpty();
    }

    @Test
    @DisplayName("a suppression posted for a contact's phone stops its messages with opted_out, on every channel or those named")
    void suppressionsReject() {
        putContact("kg-8", "+79110000008", new JsonObject().put("region", "RU-KGD"));
        Http.Reply all = first.http.post("/v1/suppressions", GatewayHarness.KEY,
                new JsonObject().put("phone", "+7 911 000-00-08").put("reason", "letter of 20.11").encode());
        Http.Reply smsOnly = first.http.post("/v1/suppressions", GatewayHarness.KEY,
                new JsonObject().put("phone", "+79110000009").put("channels", new JsonArray().add("sms")).encode());
        Http.Reply unknown = first.http.post("/v1/suppressions", GatewayHarness.KEY,
                new JsonObject().put("phone", "+79110000010").put("channels", new JsonArray().add("fax")).encode());
        assertThat(all.status()).as("%s", all).isEqualTo(201);
        assertThat(smsOnly.status()).as("%s", smsOnly).isEqualTo(201);
        assertThat(unknown.status()).as("%s", unknown).isEqualTo(422);

        String byContact = sms(first, "kg-8", "+79110000008", "Напоминание");
        String byPhone = first.sendSms("+79110000009", "Напоминание");

        JsonObject a = first.awaitStatus(byContact, "rejected");
        assertThat(a.getJsonObject("error").getString("code")).isEqualTo("opted_out");
        assertThat(a.getJsonObject("error").getString("message")).contains("letter of 20.11");
        assertThat(first.awaitStatus(byPhone, "rejected").getJsonObject("error").getString("code")).isEqualTo("opted_out");
        assertThat(destinations()).doesNotContain("79110000008", "79110000009");
    }

    @Test
    @DisplayName("a message whose TTL ends before the debtor's next window is rejected with quiet_hours, not kept")
    void ttlBeforeTheWindowRejects() {
        putContact("vl-9", "+79140000009", new JsonObject().put("timezone", "Asia/Vladivostok"));

        Http.Reply r = first.post(job("vl-9", "+79140000009", "Напоминание").put("channel", "sms").put("ttl", "PT2H"));
        assertThat(r.status()).isEqualTo(202);

        JsonObject m = first.awaitStatus(r.json().getString("id"), "rejected");
        assertThat(m.getJsonObject("error").getString("code")).isEqualTo("quiet_hours");
        assertThat(m.getJsonObject("error").getString("class")).isEqualTo("policy");
        assertThat(destinations()).doesNotContain("79140000009");
    }

    @Test
    @DisplayName("a cascade step the policy rejects moves the cascade on to its next channel")
    void rejectedStepMovesTheCascadeOn() {
        putContact("kg-10", "+79110000011", new JsonObject().put("region", "RU-KGD"));
        Http.Reply sup = first.http.post("/v1/suppressions", GatewayHarness.KEY,
                new JsonObject().put("phone", "+79110000011").put("channels", new JsonArray().add("sms")).encode());
        assertThat(sup.status()).isEqualTo(201);

        Http.Reply r = first.post(job("kg-10", "+79110000011", "Каскад").put("route", new JsonArray()
                .add(new JsonObject().put("channel", "sms")).add(new JsonObject().put("channel", "sms2"))));
        assertThat(r.status()).as("%s", r).isEqualTo(202);
        String jobId = r.json().getString("id");

        assertThat(first.awaitStatus(jobId, "rejected").getJsonObject("error").getString("code")).isEqualTo("opted_out");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> smsc.acceptedSubmits().stream().anyMatch(s -> s.destinationAddr().endsWith("79110000011")
                        && "VESTNIK2".equals(s.sourceAddr())));
    }

    @Test
    @DisplayName("a job's to.timezone or to.region places a debtor no contact describes")
    void jobHintsPlaceTheDebtor() {
        Http.Reply vl = first.post(new JsonObject().put("channel", "sms").put("text", "Напоминание")
                .put("to", new JsonObject().put("phone", "+79140000012").put("timezone", "Asia/Vladivostok")));
        Http.Reply kg = first.post(new JsonObject().put("channel", "sms").put("text", "Напоминание")
                .put("to", new JsonObject().put("phone", "+79110000012").put("region", "RU-KGD")));
        Http.Reply bad = first.post(new JsonObject().put("channel", "sms").put("text", "Напоминание")
                .put("to", new JsonObject().put("phone", "+79110000013").put("timezone", "Mars/Olympus")));
        assertThat(vl.status()).isEqualTo(202);
        assertThat(kg.status()).isEqualTo(202);
        assertThat(bad.status()).as("%s", bad).isEqualTo(422);

        awaitOut(first, kg.json().getString("id"));
        assertThat(awaitDeferral(first, vl.json().getString("id")))
                .startsWith("deferred: quiet_hours until 2026-11-25T22:00:00Z")
                .endsWith("zone Asia/Vladivostok from job_hint");
    }

    private static JsonObject job(String contactId, String phone, String text) {
        return new JsonObject().put("to", new JsonObject().put("contactId", contactId).put("phone", phone))
                .put("text", text);
    }

    private static void putContact(String id, String phone, JsonObject facts) {
        Http.Reply r = first.http.put("/v1/contacts/" + id, GatewayHarness.KEY,
                facts.copy().put("phones", new JsonArray().add(phone)).encode());
        assertThat(r.status()).as("PUT contact: %s", r).isIn(200, 201);
    }

    private static String sms(GatewayHarness gw, String contactId, String phone, String text) {
        Http.Reply r = gw.post(new JsonObject()
                .put("to", new JsonObject().put("contactId", contactId).put("phone", phone))
                .put("channel", "sms")
                .put("text", text));
        assertThat(r.status()).as("job: %s", r).isEqualTo(202);
        return r.json().getString("id");
    }

    private static void awaitOut(GatewayHarness gw, String id) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> OUT.contains(gw.message(id).getString("status")));
    }

    private static String awaitDeferral(GatewayHarness gw, String id) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> deferral(gw, id) != null);
        return deferral(gw, id);
    }

    /** The detail of the message's last policy deferral, or null. */
    private static String deferral(GatewayHarness gw, String id) {
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
