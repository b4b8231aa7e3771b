package vestnik.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vestnik.loadtest.smsc.ReceiptOutcome;
import vestnik.loadtest.smsc.SimulatedSmsc;

/** A tenant that books only outcomes subscribes to those statuses; the others cost it no POST. */
class CallbackStatusesTest {

    @TempDir
    static Path dir;
    static SimulatedSmsc smsc;
    static CallbackReceiver receiver;
    static GatewayHarness gw;

    @BeforeAll
    static void start() throws Exception {
        smsc = SimulatedSmsc.builder().port(0).credentials("gw", "secret").receiptDelay(Duration.ofMillis(20)).start();
        receiver = new CallbackReceiver();
        String yaml = GatewayHarness.config(dir.resolve("data"), smsc.port(),
                new GatewayHarness.Callbacks(receiver.url("/outcomes"), Duration.ofMinutes(1)));
        String plain = "{secret: " + GatewayHarness.DEMO_CALLBACK_SECRET + ", url: ";
        assertThat(yaml).contains(plain);
        gw = GatewayHarness.startWith(dir, yaml.replace(plain, "{statuses: [delivered, failed], secret: "
                + GatewayHarness.DEMO_CALLBACK_SECRET + ", url: "));
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

    private static String send(String phone) {
        Http.Reply r = gw.http.post("/v1/messages", GatewayHarness.KEY, new JsonObject()
                .put("to", new JsonObject().put("phone", phone)).put("channel", "sms").put("text", "Dolg 1200 RUB").encode());
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        return r.json().getString("id");
    }

    @Test
    @DisplayName("with statuses [delivered, failed] a delivered message makes one callback, numbered 1, and nothing for queued, sending or sent")
    void onlyOutcomes() {
        String id = send("+79160001001");
        gw.awaitStatus(id, "delivered");
        List<CallbackReceiver.Received> got = await().atMost(Duration.ofSeconds(10)).until(() -> receiver.acceptedOf(id),
                l -> !l.isEmpty());
        // what was not subscribed is never even queued: give a late one the time to show up
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> true);
        got = receiver.acceptedOf(id);
        assertThat(got).extracting(CallbackReceiver.Received::status).containsExactly("delivered");
        assertThat(got.get(0).eventId()).isEqualTo(id + ":1");
        assertThat(got.get(0).signedWith(GatewayHarness.DEMO_CALLBACK_SECRET)).isTrue();
    }

    @Test
    @DisplayName("a failed message's outcome is called back with its error")
    void failedOutcome() {
        smsc.outcomeFor("79160001002", ReceiptOutcome.UNDELIV);
        String id = send("+79160001002");
        gw.awaitStatus(id, "failed");
        List<CallbackReceiver.Received> got = await().atMost(Duration.ofSeconds(10)).until(() -> receiver.acceptedOf(id),
                l -> !l.isEmpty());
        assertThat(got).extracting(CallbackReceiver.Received::status).containsExactly("failed");
        assertThat(got.get(0).json().getJsonObject("error")).isNotNull();
    }
}
