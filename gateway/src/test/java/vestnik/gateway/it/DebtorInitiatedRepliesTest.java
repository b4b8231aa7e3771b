package vestnik.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vestnik.loadtest.smsc.SimulatedSmsc;

/**
 * R-CP-7 enabled for the demo tenant ({@code debtorInitiatedReplies: PT30M}), on a clock at 22:30 in Vladivostok:
 * the debtor writes late at night, and the agent's answer goes at once; nothing else does.
 */
class DebtorInitiatedRepliesTest {

    private static final Instant WEDNESDAY_1230Z = Instant.parse("2026-11-25T12:30:00Z");
    private static final Set<String> OUT = Set.of("sent", "delivered");
    private static final String AGENT = GatewayHarness.AGENT_KEY;

    @TempDir
    static Path dir;
    static SimulatedSmsc smsc;
    static final ShiftedClock clock = new ShiftedClock();
    static GatewayHarness gw;

    @BeforeAll
    static void start() throws Exception {
        clock.set(WEDNESDAY_1230Z);
        smsc = SimulatedSmsc.builder().port(0).credentials("gw", "secret").start();
        String yaml = GatewayHarness.config(dir.resolve("data"), smsc.port())
                .replace("contactPolicy: false", "contactPolicy: true");
        String demo = "  - id: demo\n    name: \"ООО «Демо»\"\n";
        assertThat(yaml).contains(demo);
        gw = GatewayHarness.startWith(dir, yaml.replace(demo, demo + "    policy:\n      debtorInitiatedReplies: PT30M\n"), clock);
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

    private static void contact(String id, String phone) {
        Http.Reply r = gw.http.put("/v1/contacts/" + id, GatewayHarness.KEY, new JsonObject()
                .put("phones", new JsonArray().add(phone)).put("timezone", "Asia/Vladivostok").encode());
        assertThat(r.status()).as(r.toString()).isIn(200, 201);
    }

    private static String conversationAfterMo(String contactId, String phone, String text) {
        assertThat(smsc.sendMo(phone.substring(1), "7755", text)).isZero();
        return await().atMost(Duration.ofSeconds(10)).until(() -> gw.http.get("/v1/conversations?limit=100", AGENT).json()
                .getJsonArray("conversations").stream().map(o -> (JsonObject) o)
                .filter(c -> contactId.equals(c.getJsonObject("contact").getString("id")))
                .filter(c -> c.getJsonObject("lastMessage") != null && text.equals(c.getJsonObject("lastMessage").getString("text")))
                .map(c -> c.getString("id")).findFirst().orElse(null), id -> id != null);
    }

    private static String reply(String conversation, String text) {
        Http.Reply r = gw.http.post("/v1/conversations/" + conversation + "/messages", AGENT,
                new JsonObject().put("text", text).encode());
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        return r.json().getString("id");
    }

    private static String status(String id) {
        return gw.message(id).getString("status");
    }

    @Test
    @DisplayName("at 22:30 local the debtor writes; the agent's reply goes at once, and the ledger says why")
    void replyInsideTheSessionGoes() {
        clock.set(WEDNESDAY_1230Z);
        contact("vl-night", "+79140000101");
        String conversation = conversationAfterMo("vl-night", "+79140000101", "Можно рассрочку?");
        String answer = reply(conversation, "Да, пришлём условия завтра");
        await().atMost(Duration.ofSeconds(15)).until(() -> OUT.contains(status(answer)));

        String ledger = gw.http.get("/v1/contacts/vl-night/ledger", GatewayHarness.KEY).body();
        assertThat(ledger).contains("\"reason\":\"debtor_initiated\"").contains(answer);
    }

    @Test
    @DisplayName("once the debtor has been quiet for 30 minutes, a reply waits for the morning like any message")
    void replyAfterTheSessionWaits() {
        clock.set(WEDNESDAY_1230Z);
        contact("vl-late", "+79140000102");
        String conversation = conversationAfterMo("vl-late", "+79140000102", "Алло?");
        clock.set(WEDNESDAY_1230Z.plus(Duration.ofMinutes(31)));
        String answer = reply(conversation, "Здравствуйте");
        await().atMost(Duration.ofSeconds(15)).until(() -> gw.message(answer).getJsonArray("events").encode()
                .contains("deferred: quiet_hours"));
        assertThat(status(answer)).isEqualTo("queued");
    }

    @Test
    @DisplayName("during the debtor's session an upstream reminder to the same contact is not exempt")
    void upstreamMessageIsNotAReply() {
        clock.set(WEDNESDAY_1230Z);
        contact("vl-upstream", "+79140000103");
        conversationAfterMo("vl-upstream", "+79140000103", "Кто это?");
        Http.Reply r = gw.post(new JsonObject().put("to", new JsonObject().put("contactId", "vl-upstream"))
                .put("channel", "sms").put("text", "Напоминание о платеже"));
        assertThat(r.status()).isEqualTo(202);
        String id = r.json().getString("id");
        await().atMost(Duration.ofSeconds(15)).until(() -> gw.message(id).getJsonArray("events").encode()
                .contains("deferred: quiet_hours"));
    }
}
