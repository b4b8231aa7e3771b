package vestnik.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.Range;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vestnik.gateway.store.Keys;
import vestnik.loadtest.smsc.MessageIdFormat;
import vestnik.loadtest.smsc.ReceiptCarrier;
import vestnik.loadtest.smsc.ReceiptOutcome;
import vestnik.loadtest.smsc.ReceivedSubmit;
import vestnik.loadtest.smsc.SimulatedSmsc;

/** SMS end to end: HTTP intake → Redis → dispatcher → jSMPP client → simulated SMSC → receipt → status. */
class SmsEndToEndTest {

    private static final AtomicInteger NEXT_PHONE = new AtomicInteger(1000);

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

    @AfterEach
    void resetSmsc() {
        smsc.submitDelay(Duration.ZERO);
        smsc.acceptBinds(true);
        smsc.refuseSubmitsAfter(-1, 0);
        smsc.receiptBeforeResponse(false);
        smsc.messageIdFormat(MessageIdFormat.HEX_UPPER);
        smsc.receiptCarrier(ReceiptCarrier.BOTH);
        smsc.throttleEvery(0);
        smsc.defaultOutcome(ReceiptOutcome.DELIVRD);
    }

    /** A fresh valid Russian mobile number per test, so the SMSC's records can be told apart. */
    private static String phone() {
        return "+7916" + String.format("%07d", NEXT_PHONE.incrementAndGet());
    }

    private static List<ReceivedSubmit> submitsTo(String phone) {
        String digits = phone.substring(1);
        return smsc.submits().stream().filter(s -> s.destinationAddr().equals(digits)).collect(Collectors.toList());
    }

    @Test
    @DisplayName("a job goes queued → sending → sent → delivered when the SMSC's receipt comes back")
    void submitAndReceipt() {
        String to = phone();
        String id = gw.sendSms(to, "Dolg 1200 RUB. OOO Demo, tel. 88000000000");
        JsonObject m = gw.awaitStatus(id, "delivered");

        assertThat(m.getString("channel")).isEqualTo("sms");
        assertThat(m.getJsonObject("to").getString("phone")).isEqualTo(to);
        assertThat(m.getInteger("segments")).isEqualTo(1);
        assertThat(m.getJsonArray("events").stream().map(e -> ((JsonObject) e).getString("status")).toList())
                .containsExactly("queued", "sending", "sent", "delivered");
        List<ReceivedSubmit> wire = submitsTo(to);
        assertThat(wire).singleElement().satisfies(s -> {
            assertThat(s.sourceAddr()).isEqualTo("VESTNIK");
            assertThat(s.sourceTon()).isEqualTo(5);
            assertThat(s.destTon()).isEqualTo(1);
            assertThat(s.destNpi()).isEqualTo(1);
            assertThat(s.registeredDelivery()).isEqualTo(1);
            assertThat(s.dataCoding()).isZero();
            assertThat(new String(s.shortMessage(), StandardCharsets.US_ASCII)).isEqualTo("Dolg 1200 RUB. OOO Demo, tel. 88000000000");
            assertThat(m.getJsonArray("providerIds")).containsExactly(s.messageId());
        });
    }

    @Test
    @DisplayName("a 98-character Cyrillic text goes as two UCS2 parts under one UDH reference and is delivered when both are")
    void ucs2Concatenation() {
        String to = phone();
        String text = "Здравствуйте! Ваш заказ №12345 собран и передан в службу доставки. Ожидайте SMS с кодом получения.";
        String id = gw.sendSms(to, text);
        JsonObject m = gw.awaitStatus(id, "delivered");

        assertThat(m.getInteger("segments")).isEqualTo(2);
        List<ReceivedSubmit> parts = submitsTo(to);
        assertThat(parts).hasSize(2);
        assertThat(parts).allSatisfy(p -> {
            assertThat(p.dataCoding()).isEqualTo(8);
            assertThat(p.esmClass() & 0x40).isEqualTo(0x40);
            assertThat(p.registeredDelivery()).isEqualTo(1);
        });
        int[] first = parts.get(0).udh8();
        int[] second = parts.get(1).udh8();
        assertThat(first[0]).isEqualTo(second[0]);
        assertThat(new int[] {first[1], first[2], second[1], second[2]}).containsExactly(2, 1, 2, 2);
        assertThat(parts.get(0).shortMessage()).hasSize(6 + 134);
        assertThat(m.getJsonArray("providerIds")).hasSize(2);
    }

    @Test
    @DisplayName("a receipt that arrives before submit_sm_resp still delivers the message")
    void receiptBeforeResponse() {
        smsc.receiptBeforeResponse(true);
        String id = gw.sendSms(phone(), "early receipt");
        gw.awaitStatus(id, "delivered");
    }

    @Test
    @DisplayName("receipts written in decimal for ids given in hex, and receipts carried only in TLVs, are matched")
    void idFormats() {
        smsc.messageIdFormat(MessageIdFormat.HEX_IN_RESP_DECIMAL_IN_RECEIPT);
        String decimal = gw.sendSms(phone(), "decimal receipt");
        gw.awaitStatus(decimal, "delivered");

        smsc.messageIdFormat(MessageIdFormat.HEX_LOWER);
        smsc.receiptCarrier(ReceiptCarrier.TLV_ONLY);
        String tlv = gw.sendSms(phone(), "tlv receipt");
        gw.awaitStatus(tlv, "delivered");
    }

    @Test
    @DisplayName("throttled submits are resent later: every message is delivered and accepted exactly once")
    void throttling() {
        smsc.throttleEvery(3);
        Map<String, String> idByPhone = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            String to = phone();
            idByPhone.put(to, gw.sendSms(to, "throttle " + i));
        }
        idByPhone.values().forEach(id -> gw.awaitStatus(id, "delivered"));
        idByPhone.keySet().forEach(to -> {
            List<ReceivedSubmit> tries = submitsTo(to);
            assertThat(tries.stream().filter(ReceivedSubmit::accepted).count()).as("accepted submits to %s", to).isEqualTo(1);
        });
        assertThat(smsc.submits().stream().filter(s -> s.commandStatus() == 0x58).count()).isPositive();
    }

    @Test
    @DisplayName("a permanent refusal (0x0B) fails the message with the SMSC's code, without retrying")
    void permanentRefusal() {
        String to = phone();
        smsc.rejectDestination(to.substring(1), 0x0B);
        String id = gw.sendSms(to, "bad destination");
        JsonObject m = gw.awaitStatus(id, "failed");
        JsonObject error = m.getJsonObject("error");
        assertThat(error.getString("providerCode")).isEqualToIgnoringCase("0x0000000B");
        assertThat(error.getString("class")).isEqualTo("permanent_recipient");
        assertThat(submitsTo(to)).hasSize(1);
    }

    @Test
    @DisplayName("an UNDELIV receipt fails the message with the receipt's error")
    void undeliverable() {
        String to = phone();
        smsc.outcomeFor(to.substring(1), ReceiptOutcome.UNDELIV);
        String id = gw.sendSms(to, "will not arrive");
        JsonObject m = gw.awaitStatus(id, "failed");
        assertThat(m.getJsonObject("error").getString("code")).isEqualTo("delivery_failed");
        assertThat(m.getJsonObject("error").getString("class")).isEqualTo("permanent_recipient");
        assertThat(m.getJsonObject("error").getString("providerCode")).isEqualTo("001");
    }

    @Test
    @DisplayName("an MO reply is stored with sender, text and time before deliver_sm_resp is sent")
    void moStored() {
        int status = smsc.sendMo("79161234567", "7755", "СТОП");
        assertThat(status).isZero();
        Map<String, String> record = findInbound(r -> "СТОП".equals(r.get("tx")));
        assertThat(record.get("fph")).isEqualTo("+79161234567");
        assertThat(record.get("c")).isEqualTo("sms");
        assertThat(record.get("k")).isEqualTo("message");
        assertThat(Long.parseLong(record.get("at"))).isPositive();
    }

    @Test
    @DisplayName("a СТОП reply opts the number out of SMS: the next job to it is rejected unsent")
    void stopReplyOptsOut() {
        String to = phone();
        assertThat(smsc.sendMo(to.substring(1), "7755", "СТОП")).isZero();
        String id = gw.sendSms(to, "после отписки");
        JsonObject m = gw.awaitStatus(id, "rejected");
        assertThat(m.getJsonObject("error").getString("code")).isEqualTo("opted_out");
        assertThat(submitsTo(to)).isEmpty();
    }

    @Test
    @DisplayName("concatenated MO parts arriving out of order are reassembled into one message")
    void concatenatedMo() {
        String text = "Я оплатил задолженность вчера через приложение банка, прошу больше не беспокоить. "
                + "Квитанция у меня есть, могу прислать фото по запросу. Спасибо!";
        List<Integer> statuses = smsc.sendConcatenatedMo("79031112233", "7755", text, 3, 1, 2);
        assertThat(statuses).containsOnly(0);
        Map<String, String> record = findInbound(r -> text.equals(r.get("tx")));
        assertThat(record.get("np")).isEqualTo("3");
        assertThat(inboundRecords().stream().filter(r -> "+79031112233".equals(r.get("fph")))).hasSize(1);
    }

    @Test
    @DisplayName("the SMSC drops the link mid-stream: the gateway re-binds and every message is delivered")
    void dropAndRebind() {
        int bindsBefore = smsc.bindCount();
        smsc.dropConnectionsAfter(4);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            ids.add(gw.sendSms(phone(), "drop " + i));
        }
        ids.forEach(id -> gw.awaitStatus(id, "delivered"));
        assertThat(smsc.bindCount()).isGreaterThan(bindsBefore);
    }

    @Test
    @DisplayName("an SMSC that refuses binds: jobs wait queued without using attempts, and are delivered once it is back")
    void providerOutage() {
        smsc.acceptBinds(false);
        smsc.dropConnections();
        await().atMost(Duration.ofSeconds(10)).until(() -> "down".equals(
                gw.http.get("/health/ready", null).json().getJsonObject("channels").getString("sms")));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(gw.sendSms(phone(), "outage " + i));
        }
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() ->
                ids.stream().allMatch(id -> "queued".equals(gw.message(id).getString("status"))));
        ids.forEach(id -> assertThat(gw.message(id).getInteger("attempts")).isZero());
        smsc.acceptBinds(true);
        ids.forEach(id -> gw.awaitStatus(id, "delivered"));
    }

    @Test
    @DisplayName("a provider failing its submits opens the breaker: no traffic for a while, then trial sends, then every message delivered")
    void breakerOpensAndCloses() {
        smsc.refuseSubmitsAfter(0, 0x08);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            ids.add(gw.sendSms(phone(), "breaker " + i));
        }
        await().atMost(Duration.ofSeconds(15)).until(() ->
                gw.http.get("/metrics", null).body().contains("vestnik_breaker_state{channel=\"sms\"} 1.0"));
        long submitsWhileOpen = smsc.submitCount();
        smsc.refuseSubmitsAfter(-1, 0);
        ids.forEach(id -> gw.awaitStatus(id, "delivered"));
        assertThat(smsc.submitCount()).isGreaterThan(submitsWhileOpen);
        assertThat(gw.http.get("/metrics", null).body()).contains("vestnik_breaker_state{channel=\"sms\"} 0.0");
    }

    @Test
    @DisplayName("a high-priority reminder overtakes a running bulk campaign on the same channel")
    void priorities() {
        smsc.submitDelay(Duration.ofMillis(100));
        List<String> bulk = new ArrayList<>();
        io.vertx.core.json.JsonArray jobs = new io.vertx.core.json.JsonArray();
        for (int i = 0; i < 120; i++) {
            String to = phone();
            jobs.add(new JsonObject().put("to", new JsonObject().put("phone", to)).put("channel", "sms")
                    .put("text", "bulk " + i).put("priority", "bulk"));
            bulk.add(to.substring(1));
        }
        // one batch request: the backlog is queued at once, however slow the machine
        Http.Reply batch = gw.http.post("/v1/messages:batch", GatewayHarness.KEY, new JsonObject().put("jobs", jobs).encode());
        assertThat(batch.status()).as(batch.body()).isEqualTo(200);
        String urgent = phone();
        Http.Reply r = gw.post(new JsonObject().put("to", new JsonObject().put("phone", urgent)).put("channel", "sms")
                .put("text", "urgent").put("priority", "high"));
        gw.awaitStatus(r.json().getString("id"), "delivered");
        assertThat(gw.message(r.json().getString("id")).getString("priority")).isEqualTo("high");
        List<String> order = smsc.submits().stream().map(ReceivedSubmit::destinationAddr).toList();
        int urgentAt = order.indexOf(urgent.substring(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> smsc.submits().stream()
                .filter(x -> bulk.contains(x.destinationAddr())).count() >= bulk.size());
        long bulkAfter = smsc.submits().stream().skip(urgentAt + 1L).filter(x -> bulk.contains(x.destinationAddr())).count();
        assertThat(bulkAfter).as("bulk messages sent after the urgent one").isGreaterThanOrEqualTo(30);
        assertCode(gw.post(new JsonObject().put("to", new JsonObject().put("phone", urgent)).put("channel", "sms")
                .put("text", "x").put("priority", "asap")), 422, "invalid_priority");
    }

    @Test
    @DisplayName("the same externalId twice answers the same id and sends once")
    void idempotentIntake() {
        String to = phone();
        String body = new JsonObject().put("externalId", "inv-42-r1").put("to", new JsonObject().put("phone", to))
                .put("channel", "sms").put("text", "once").encode();
        Http.Reply first = gw.http.post("/v1/messages", GatewayHarness.KEY, body);
        Http.Reply second = gw.http.post("/v1/messages", GatewayHarness.KEY, body);
        assertThat(first.status()).isEqualTo(202);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().getString("id")).isEqualTo(first.json().getString("id"));
        gw.awaitStatus(first.json().getString("id"), "delivered");
        assertThat(submitsTo(to)).hasSize(1);
        assertThat(gw.http.get("/v1/messages/" + first.json().getString("id"), GatewayHarness.KEY).json()
                .getString("externalId")).isEqualTo("inv-42-r1");
    }

    @Test
    @DisplayName("another tenant's message answers 404 to read and to cancel")
    void tenantIsolation() {
        String id = gw.sendSms(phone(), "mine");
        assertThat(gw.http.get("/v1/messages/" + id, GatewayHarness.OTHER_KEY).status()).isEqualTo(404);
        assertThat(gw.http.delete("/v1/messages/" + id, GatewayHarness.OTHER_KEY).status()).isEqualTo(404);
        assertThat(gw.http.get("/v1/messages/" + id, GatewayHarness.KEY).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("a scheduled message can be cancelled and is never sent; a sent one cannot be")
    void scheduleAndCancel() {
        String to = phone();
        Http.Reply r = gw.http.post("/v1/messages", GatewayHarness.KEY, new JsonObject()
                .put("to", new JsonObject().put("phone", to)).put("channel", "sms").put("text", "later")
                .put("sendAt", java.time.Instant.now().plusSeconds(3600).toString()).encode());
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.json().getString("status")).isEqualTo("scheduled");
        String id = r.json().getString("id");
        Http.Reply cancel = gw.http.delete("/v1/messages/" + id, GatewayHarness.KEY);
        assertThat(cancel.status()).isEqualTo(200);
        assertThat(gw.message(id).getString("status")).isEqualTo("cancelled");
        assertThat(submitsTo(to)).isEmpty();

        String sent = gw.sendSms(phone(), "now");
        gw.awaitStatus(sent, "delivered");
        Http.Reply refused = gw.http.delete("/v1/messages/" + sent, GatewayHarness.KEY);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("not_cancellable");
    }

    @Test
    @DisplayName("bad input gets a 4xx with a machine-readable code, never a 500, and stores nothing")
    void badInput() {
        long before = messageCount();
        String k = GatewayHarness.KEY;
        String good = "\"to\":{\"phone\":\"+79161234567\"},\"channel\":\"sms\"";
        assertCode(gw.http.post("/v1/messages", k, "{not json"), 400, "malformed_json");
        assertCode(gw.http.post("/v1/messages", k, "[1,2]"), 400, "malformed_json");
        assertCode(gw.http.post("/v1/messages", null, "{" + good + ",\"text\":\"x\"}"), 401, "unauthorized");
        assertCode(gw.http.post("/v1/messages", "wrong-key-123456", "{" + good + ",\"text\":\"x\"}"), 401, "unauthorized");
        assertCode(gw.http.post("/v1/messages", GatewayHarness.AGENT_KEY, "{" + good + ",\"text\":\"x\"}"), 403, "forbidden");
        assertCode(gw.http.post("/v1/messages", k, "{\"to\":{\"phone\":\"12\"},\"channel\":\"sms\",\"text\":\"x\"}"), 422, "invalid_phone");
        assertCode(gw.http.post("/v1/messages", k, "{\"channel\":\"sms\",\"text\":\"x\"}"), 422, "missing_field");
        assertCode(gw.http.post("/v1/messages", k, "{\"to\":{\"phone\":\"+79161234567\"},\"channel\":\"pigeon\",\"text\":\"x\"}"), 422, "unknown_channel");
        assertCode(gw.http.post("/v1/messages", k, "{" + good + ",\"text\":\"   \"}"), 422, "text_empty");
        assertCode(gw.http.post("/v1/messages", k, "{" + good + ",\"text\":\"" + "Ж".repeat(67 * 10 + 1) + "\"}"), 422, "text_too_long");
        assertCode(gw.http.post("/v1/messages", k, "{" + good + ",\"text\":\"x\",\"sendat\":\"2026-01-01T00:00:00Z\"}"), 422, "unknown_field");
        assertCode(gw.http.post("/v1/messages", k, "{" + good + ",\"text\":\"x\",\"ttl\":\"tomorrow\"}"), 422, "invalid_ttl");
        assertCode(gw.http.post("/v1/messages", k, "{" + good + ",\"text\":\"x\",\"sendAt\":\"9am\"}"), 422, "invalid_send_at");
        assertCode(gw.http.post("/v1/messages", k, "{" + good + ",\"text\":\"x\",\"metadata\":[1]}"), 422, "invalid_metadata");
        assertCode(gw.http.post("/v1/messages", k, "{" + good + ",\"text\":\"" + "a".repeat(70_000) + "\"}"), 413, "body_too_large");
        assertCode(gw.http.get("/v1/messages/NOSUCHMESSAGE", k), 404, "not_found");
        assertCode(gw.http.send("PUT", "/v1/messages/x", k, "{}"), 404, "not_found");
        assertThat(messageCount()).isEqualTo(before);
    }

    @Test
    @DisplayName("readiness reports the SMSC link, and /metrics counts deliveries by channel")
    void healthAndMetrics() {
        String id = gw.sendSms(phone(), "metrics");
        gw.awaitStatus(id, "delivered");
        Http.Reply ready = gw.http.get("/health/ready", null);
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().getJsonObject("channels").getString("sms")).isEqualTo("up");
        String metrics = gw.http.get("/metrics", null).body();
        assertThat(metrics).contains("vestnik_messages_delivered_total{channel=\"sms\"}")
                .contains("vestnik_messages_accepted_total{channel=\"sms\"}")
                .contains("vestnik_queue_depth{channel=\"sms\"}");
    }

    private static void assertCode(Http.Reply r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.errorCode()).isEqualTo(code);
        assertThat(r.json().getJsonObject("error").getString("message")).isNotBlank();
    }

    private static long messageCount() {
        try {
            return gw.gateway.redis().commands().keys("vn:*:msg:*").get(5, TimeUnit.SECONDS).size();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<Map<String, String>> inboundRecords() {
        try {
            Keys keys = gw.gateway.redis().keys();
            var entries = gw.gateway.redis().commands().xrange(keys.inboundStream(), Range.create("-", "+"))
                    .get(5, TimeUnit.SECONDS);
            List<Map<String, String>> out = new ArrayList<>();
            for (var e : entries) {
                out.add(gw.gateway.redis().commands().hgetall(keys.inbound(e.getBody().get("id"))).get(5, TimeUnit.SECONDS));
            }
            return out;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, String> findInbound(java.util.function.Predicate<Map<String, String>> p) {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> inboundRecords().stream().filter(p).findFirst().orElse(null), r -> r != null);
    }
}
