package vestnik.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vestnik.loadtest.smsc.ReceivedSubmit;
import vestnik.loadtest.smsc.SimulatedSmsc;

/** Jobs that name a template: rendered at intake, sent through the simulated SMSC, recorded with key and version. */
class TemplateJobsTest {

    private static final AtomicInteger NEXT_PHONE = new AtomicInteger(5000);
    private static final String SMS = TemplatesApiTest.SMS;

    @TempDir
    static Path dir;
    static SimulatedSmsc smsc;
    static GatewayHarness gw;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        smsc = SimulatedSmsc.builder().port(0).credentials("gw", "secret").receiptDelay(Duration.ofMillis(20)).start();
        gw = GatewayHarness.start(dir, smsc);
        http = gw.http;
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
        return "+7916" + String.format("%07d", NEXT_PHONE.incrementAndGet());
    }

    private static void published(String key, String smsText) {
        Http.Reply saved = http.put("/v1/templates/" + key, GatewayHarness.MARKETER_KEY, TemplatesApiTest.template(smsText));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        Http.Reply published = http.post("/v1/templates/" + key + "/publish", GatewayHarness.MARKETER_KEY, null);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
    }

    private static JsonObject job(String to, String template) {
        return new JsonObject()
                .put("to", new JsonObject().put("phone", to))
                .put("channel", "sms")
                .put("template", template)
                .put("variables", new JsonObject().put("amount", "1234.56").put("due", "2026-11-25"));
    }

    private static Http.Reply send(JsonObject job) {
        return http.post("/v1/messages", GatewayHarness.KEY, job.encode());
    }

    private static String accepted(JsonObject job) {
        Http.Reply r = send(job);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json().getString("id");
    }

    /** The single submit_sm the SMSC received for {@code phone}, decoded by its data coding. */
    private static String textAtSmsc(String phone) {
        String digits = phone.substring(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> smsc.submits().stream().anyMatch(s -> s.destinationAddr().equals(digits)));
        List<ReceivedSubmit> submits = smsc.submits().stream().filter(s -> s.destinationAddr().equals(digits)).toList();
        assertThat(submits).hasSize(1);
        ReceivedSubmit s = submits.get(0);
        return new String(s.shortMessage(), s.dataCoding() == 8 ? StandardCharsets.UTF_16BE : StandardCharsets.US_ASCII);
    }

    @Test
    @DisplayName("a job sent by template reaches the SMSC as the rendered text, with the tenant's name and phone filled in, and records key and version")
    void sentByTemplate() {
        published("debt-reminder-soft", SMS);
        String to = phone();

        String id = accepted(job(to, "debt-reminder-soft"));
        JsonObject m = gw.awaitStatus(id, "delivered");

        assertThat(textAtSmsc(to)).isEqualTo("ООО «Демо»: долг 1\u00A0234,56\u00A0₽ до 25 ноября 2026. Тел. 8 800 000-00-00");
        assertThat(m.getJsonObject("template")).isEqualTo(new JsonObject().put("key", "debt-reminder-soft").put("version", 1));
        assertThat(m.getInteger("segments")).isEqualTo(1);
    }

    @Test
    @DisplayName("a job pinned to version 1 keeps its text after version 2 is published; rollback makes version 1's text the latest again")
    void pinAndRollback() {
        published("pinned", SMS);
        published("pinned", SMS.replace("долг", "сумма"));

        String toPinned = phone();
        JsonObject pinned = gw.awaitStatus(accepted(job(toPinned, "pinned").put("templateVersion", 1)), "delivered");
        String toLatest = phone();
        JsonObject latest = gw.awaitStatus(accepted(job(toLatest, "pinned")), "delivered");

        assertThat(pinned.getJsonObject("template").getInteger("version")).isEqualTo(1);
        assertThat(textAtSmsc(toPinned)).contains(": долг ");
        assertThat(latest.getJsonObject("template").getInteger("version")).isEqualTo(2);
        assertThat(textAtSmsc(toLatest)).contains(": сумма ");

        Http.Reply rolled = http.post("/v1/templates/pinned/rollback", GatewayHarness.MARKETER_KEY, "{\"version\":1}");
        assertThat(rolled.json().getInteger("version")).isEqualTo(3);
        String toRolled = phone();
        JsonObject afterRollback = gw.awaitStatus(accepted(job(toRolled, "pinned")), "delivered");

        assertThat(afterRollback.getJsonObject("template").getInteger("version")).isEqualTo(3);
        assertThat(textAtSmsc(toRolled)).contains(": долг ");
        Http.Reply unknownPin = send(job(phone(), "pinned").put("templateVersion", 9));
        assertThat(unknownPin.status()).isEqualTo(422);
        assertThat(unknownPin.errorCode()).isEqualTo("unknown_version");
        assertThat(unknownPin.json().getJsonObject("error").getString("message")).contains("latest is 3");
    }

    @Test
    @DisplayName("a bad template reference or variable set is a 422 naming what is wrong, and nothing is sent")
    void badReferences() {
        published("strict", SMS);
        http.put("/v1/templates/draft-only", GatewayHarness.MARKETER_KEY, TemplatesApiTest.template(SMS));
        http.put("/v1/templates/telegram-only", GatewayHarness.MARKETER_KEY, new JsonObject()
                .put("variables", new JsonObject().put("creditor", "string").put("phone", "phone"))
                .put("channels", new JsonObject().put("telegram", new JsonObject().put("text", "{{creditor}}, тел. {{phone}}")))
                .encode());
        http.post("/v1/templates/telegram-only/publish", GatewayHarness.MARKETER_KEY, null);
        int submitsBefore = smsc.submits().size();

        Http.Reply both = send(job(phone(), "strict").put("text", "Долг"));
        assertThat(both.errorCode()).isEqualTo("text_and_template");
        assertThat(send(job(phone(), "no-such-template")).errorCode()).isEqualTo("unknown_template");
        assertThat(send(job(phone(), "draft-only")).errorCode()).as("a template never published").isEqualTo("unknown_template");
        assertThat(send(job(phone(), "Not A Key")).errorCode()).isEqualTo("invalid_template_key");
        assertThat(send(job(phone(), "telegram-only")).errorCode()).isEqualTo("no_variant_for_channel");

        Http.Reply missing = send(job(phone(), "strict").put("variables", new JsonObject().put("due", "2026-11-25")));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.errorCode()).isEqualTo("missing_variable");
        assertThat(missing.json().getJsonObject("error").getString("message")).contains("'amount'");
        assertThat(missing.json().getJsonObject("error").getJsonArray("details").getJsonObject(0).getString("variable"))
                .isEqualTo("amount");
        Http.Reply mistyped = send(job(phone(), "strict").put("variables", new JsonObject().put("amount", "много").put("due", "2026-11-25")));
        assertThat(mistyped.errorCode()).isEqualTo("invalid_variable");
        assertThat(mistyped.json().getJsonObject("error").getString("message")).contains("'amount'").contains("много");
        Http.Reply stray = send(new JsonObject().put("to", new JsonObject().put("phone", phone())).put("channel", "sms")
                .put("text", "Долг").put("variables", new JsonObject()));
        assertThat(stray.errorCode()).isEqualTo("validation_failed");
        assertThat(send(job(phone(), "strict").put("templateVersion", 0)).errorCode()).isEqualTo("validation_failed");

        assertThat(smsc.submits()).hasSize(submitsBefore);
    }
}
