package vestnik.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vestnik.loadtest.smsc.SimulatedSmsc;

/** The composer's side of the inbox: which channels a reply can take, and canned replies from published templates. */
class ConversationRepliesTest {

    private static final AtomicInteger NEXT_PHONE = new AtomicInteger(6000);
    private static final String AGENT = GatewayHarness.AGENT_KEY;

    @TempDir
    static Path dir;
    static SimulatedSmsc smsc;
    static GatewayHarness gw;

    @BeforeAll
    static void start() throws Exception {
        smsc = SimulatedSmsc.builder().port(0).credentials("gw", "secret").receiptDelay(Duration.ofMillis(20)).start();
        gw = GatewayHarness.startWith(dir, GatewayHarness.config(dir.resolve("data"), smsc.port())
                + "inbox:\n  channelTenants: {sms: demo}\n");
        Http.Reply saved = gw.http.put("/v1/templates/promise-thanks", GatewayHarness.MARKETER_KEY, new JsonObject()
                .put("variables", new JsonObject().put("creditor", "string").put("due", "date").put("phone", "phone"))
                .put("channels", new JsonObject().put("sms", new JsonObject()
                        .put("text", "{{creditor}}: спасибо, ждём оплату до {{due}}. Тел. {{phone}}")))
                .encode());
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(gw.http.post("/v1/templates/promise-thanks/publish", GatewayHarness.MARKETER_KEY, null).status()).isEqualTo(200);
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

    private static String conversationFrom(String phone, String text) {
        assertThat(smsc.sendMo(phone.substring(1), "7755", text)).isZero();
        return await().atMost(Duration.ofSeconds(10)).until(() -> gw.http.get("/v1/conversations?limit=100", AGENT).json()
                .getJsonArray("conversations").stream().map(o -> (JsonObject) o)
                .filter(c -> c.encode().contains(phone.substring(1))).map(c -> c.getString("id")).findFirst().orElse(null),
                id -> id != null);
    }

    /** The text of one UCS-2 submit_sm, its UDH (if any) skipped. */
    private static String ucs2Text(vestnik.loadtest.smsc.ReceivedSubmit s) {
        assertThat(s.dataCoding()).isEqualTo(8);
        byte[] sm = s.shortMessage();
        int from = (s.esmClass() & 0x40) != 0 ? (sm[0] & 0xff) + 1 : 0;
        return new String(sm, from, sm.length - from, java.nio.charset.StandardCharsets.UTF_16BE);
    }

    private static String phone() {
        return "+7926" + String.format("%07d", NEXT_PHONE.incrementAndGet());
    }

    @Test
    @DisplayName("a conversation lists the channels a reply can take, the debtor's last one first")
    void replyChannels() {
        String id = conversationFrom(phone(), "Кто это?");
        JsonArray channels = gw.http.get("/v1/conversations/" + id, AGENT).json().getJsonArray("replyChannels");
        assertThat(channels.encode()).isEqualTo("[{\"channel\":\"sms\",\"type\":\"smpp\"}]");
    }

    @Test
    @DisplayName("the list shows each conversation's last message, folded to a line, and whose it was")
    void lastMessage() {
        String phone = phone();
        String id = conversationFrom(phone, "Здравствуйте,\n   я   оплачу завтра");
        JsonObject listed = gw.http.get("/v1/conversations?limit=100", AGENT).json().getJsonArray("conversations").stream()
                .map(o -> (JsonObject) o).filter(c -> id.equals(c.getString("id"))).findFirst().orElseThrow();
        assertThat(listed.getJsonObject("lastMessage").encode())
                .isEqualTo("{\"text\":\"Здравствуйте, я оплачу завтра\",\"direction\":\"inbound\"}");
        assertThat(gw.http.post("/v1/conversations/" + id + "/messages", AGENT, "{\"text\":\"Спасибо!\"}").status()).isEqualTo(202);
        JsonObject after = gw.http.get("/v1/conversations/" + id, AGENT).json();
        assertThat(after.getJsonObject("lastMessage").getString("direction")).isEqualTo("outbound");
        assertThat(after.getJsonObject("lastMessage").getString("text")).isEqualTo("Спасибо!");
    }

    @Test
    @DisplayName("a canned reply renders a published template with the tenant's profile, reaches the SMSC and shows its text in the thread")
    void cannedReply() {
        String phone = phone();
        String id = conversationFrom(phone, "Оплачу в пятницу");
        Http.Reply r = gw.http.post("/v1/conversations/" + id + "/messages", AGENT, new JsonObject()
                .put("template", "promise-thanks").put("variables", new JsonObject().put("due", "2026-11-27")).encode());
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        String messageId = r.json().getString("id");
        gw.awaitStatus(messageId, "delivered");

        String expected = "ООО «Демо»: спасибо, ждём оплату до 27 ноября 2026. Тел. " + GatewayHarness.DEMO_PHONE;
        String atSmsc = smsc.acceptedSubmits().stream().filter(s -> s.destinationAddr().equals(phone.substring(1)))
                .map(ConversationRepliesTest::ucs2Text).collect(java.util.stream.Collectors.joining());
        assertThat(atSmsc).isEqualTo(expected);
        JsonArray timeline = gw.http.get("/v1/conversations/" + id, AGENT).json().getJsonArray("timeline");
        JsonObject reply = timeline.stream().map(o -> (JsonObject) o).filter(e -> messageId.equals(e.getString("id")))
                .findFirst().orElseThrow();
        assertThat(reply.getString("text")).isEqualTo(expected);
        assertThat(reply.getString("status")).isEqualTo("delivered");
    }

    @Test
    @DisplayName("a reply names text or a template, not both or neither; a missing variable or an unknown template is refused")
    void cannedReplyMistakes() {
        String id = conversationFrom(phone(), "Алло");
        String path = "/v1/conversations/" + id + "/messages";
        assertThat(gw.http.post(path, AGENT, "{\"text\":\"x\",\"template\":\"promise-thanks\"}").errorCode())
                .isEqualTo("text_and_template");
        assertThat(gw.http.post(path, AGENT, "{}").errorCode()).isEqualTo("missing_field");
        assertThat(gw.http.post(path, AGENT, "{\"text\":\"x\",\"variables\":{}}").errorCode()).isEqualTo("unknown_field");
        assertThat(gw.http.post(path, AGENT, "{\"template\":\"promise-thanks\"}").errorCode()).isEqualTo("missing_variable");
        assertThat(gw.http.post(path, AGENT, "{\"template\":\"no-such\"}").errorCode()).isEqualTo("unknown_template");
    }
}
