package vestnik.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vestnik.loadtest.smsc.SimulatedSmsc;

/** Two gateways on one Redis: agents on either see the same conversations, live. */
class ConversationsTwoGatewaysTest {

    private static final String AGENT = GatewayHarness.AGENT_KEY;

    @TempDir
    static Path dir;
    static SimulatedSmsc smsc;
    static GatewayHarness first;
    static GatewayHarness second;

    @BeforeAll
    static void start() throws Exception {
        smsc = SimulatedSmsc.builder().port(0).credentials("gw", "secret").receiptDelay(Duration.ofMillis(20)).start();
        String yaml = GatewayHarness.config(dir.resolve("data"), smsc.port());
        first = GatewayHarness.startWith(dir.resolve("a"), yaml);
        String shared = first.gateway.redis().embeddedUri().orElseThrow();
        second = GatewayHarness.startWith(dir.resolve("b"), yaml
                .replace("instanceId: it-gateway", "instanceId: it-gateway-b")
                .replace("uri: embedded", "uri: " + shared));
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

    @Test
    @DisplayName("a reply and an upstream message sent through one gateway reach the live stream of an agent on the other, and a debtor's message is threaded once")
    void repliesAcrossGateways() {
        String phone = "+79265550101";
        assertThat(first.http.put("/v1/contacts/debtor-two", GatewayHarness.KEY,
                new JsonObject().put("phones", new JsonArray().add(phone)).encode()).status()).isEqualTo(201);
        try (SseReader onSecond = new SseReader(second.gateway.port(), AGENT)) {
            assertThat(smsc.sendMo(phone.substring(1), "7755", "Перезвоните мне")).isZero();
            String conversationId = onSecond.await("message",
                    e -> "inbound".equals(e.getJsonObject("entry").getString("type"))).getString("conversationId");

            String reply = first.http.post("/v1/conversations/" + conversationId + "/messages", AGENT,
                    "{\"text\":\"Perezvonim segodnya\"}").json().getString("id");
            onSecond.await("message", e -> reply.equals(e.getJsonObject("entry").getString("id")));
            onSecond.await("status", e -> reply.equals(e.getString("messageId")) && "delivered".equals(e.getString("status")));

            String upstream = first.post(new JsonObject().put("to", new JsonObject().put("contactId", "debtor-two"))
                    .put("channel", "sms").put("text", "Napominanie o platezhe")).json().getString("id");
            onSecond.await("message", e -> upstream.equals(e.getJsonObject("entry").getString("id")));

            first.http.post("/v1/conversations/" + conversationId + "/assign", AGENT, "{\"assignee\":\"anna\"}");
            onSecond.await("assignment", e -> "anna".equals(e.getJsonObject("conversation").getString("assignee")));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                List<JsonObject> timeline = second.http.get("/v1/conversations/" + conversationId, AGENT).json()
                        .getJsonArray("timeline").stream().map(o -> (JsonObject) o).toList();
                assertThat(timeline).extracting(e -> e.getString("type"))
                        .containsExactly("inbound", "outbound", "outbound", "activity");
                assertThat(timeline.get(1).getString("status")).isEqualTo("delivered");
            });
        }
    }
}
