package vestnik.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vestnik.loadtest.smsc.SimulatedSmsc;

/** {@code /v1/templates} over HTTP against a running gateway: editing, publishing, versions, preview, roles. */
class TemplatesApiTest {

    static final String SMS = "{{creditor}}: долг {{amount}} до {{due}}. Тел. {{phone}}";

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

    /** The PUT body: four typed variables and an SMS text. */
    static String template(String smsText) {
        return new JsonObject()
                .put("description", "мягкое напоминание")
                .put("variables", new JsonObject().put("creditor", "string").put("amount", "money").put("due", "date")
                        .put("phone", "phone"))
                .put("channels", new JsonObject().put("sms", new JsonObject().put("text", smsText)))
                .encode();
    }

    static Http.Reply put(String key, String apiKey, String body) {
        return http.put("/v1/templates/" + key, apiKey, body);
    }

    static Http.Reply as(String actor, String method, String path, String body) {
        return http.send(method, path, GatewayHarness.MARKETER_KEY, body, Map.of("X-Actor", actor));
    }

    static Http.Reply publish(String key) {
        return http.post("/v1/templates/" + key + "/publish", GatewayHarness.MARKETER_KEY, null);
    }

    static Http.Reply preview(String key, String apiKey, JsonObject body) {
        return http.post("/v1/templates/" + key + "/preview", apiKey, body.encode());
    }

    @Test
    @DisplayName("a marketer saves a draft, reads it back and sees it listed; discarding a never-published draft removes the template")
    void draftLifecycle() {
        Http.Reply saved = put("debt-soft", GatewayHarness.MARKETER_KEY, template(SMS));

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().getLong("revision")).isEqualTo(1L);
        assertThat(saved.json().getJsonObject("draft").getJsonObject("content").getJsonObject("channels")
                .getJsonObject("sms").getString("text")).isEqualTo(SMS);
        assertThat(saved.json().getBoolean("publishable")).isTrue();
        assertThat(saved.json().getJsonArray("findings")).isEmpty();

        Http.Reply read = http.get("/v1/templates/debt-soft", GatewayHarness.KEY);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().getJsonObject("draft").getString("savedBy")).startsWith("key ");
        assertThat(read.json().containsKey("latest")).isFalse();

        JsonObject listed = listed(GatewayHarness.AGENT_KEY, "debt-soft");
        assertThat(listed.getBoolean("draft")).isTrue();
        assertThat(listed.getString("description")).isEqualTo("мягкое напоминание");
        assertThat(listed.containsKey("latestVersion")).isFalse();

        Http.Reply deleted = http.delete("/v1/templates/debt-soft", GatewayHarness.MARKETER_KEY);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().getBoolean("deleted")).isTrue();
        assertThat(http.get("/v1/templates/debt-soft", GatewayHarness.KEY).errorCode()).isEqualTo("not_found");
    }

    @Test
    @DisplayName("publish answers the version number and clears the draft; an unchanged or missing draft is refused with 409")
    void publishNumbersVersions() {
        put("publish-me", GatewayHarness.MARKETER_KEY, template(SMS));

        Http.Reply first = publish("publish-me");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().getInteger("version")).isEqualTo(1);
        assertThat(publish("publish-me").errorCode()).isEqualTo("no_draft");

        put("publish-me", GatewayHarness.MARKETER_KEY, template(SMS.replace("Тел.", "Телефон")));
        assertThat(publish("publish-me").json().getInteger("version")).isEqualTo(2);
        put("publish-me", GatewayHarness.MARKETER_KEY, template(SMS.replace("Тел.", "Телефон")));
        Http.Reply same = publish("publish-me");
        assertThat(same.status()).isEqualTo(409);
        assertThat(same.errorCode()).isEqualTo("unchanged");

        JsonObject read = http.get("/v1/templates/publish-me", GatewayHarness.KEY).json();
        assertThat(read.getJsonObject("latest").getInteger("version")).isEqualTo(2);
        assertThat(read.getJsonObject("latest").getJsonObject("content").getJsonObject("channels").getJsonObject("sms")
                .getString("text")).contains("Телефон");
        assertThat(listed(GatewayHarness.KEY, "publish-me").getInteger("latestVersion")).isEqualTo(2);

        Http.Reply keep = http.delete("/v1/templates/publish-me", GatewayHarness.MARKETER_KEY);
        assertThat(keep.json().getBoolean("deleted")).as("a published template loses only its draft").isFalse();
        assertThat(keep.json().getJsonObject("latest").getInteger("version")).isEqualTo(2);
        assertThat(http.delete("/v1/templates/publish-me", GatewayHarness.MARKETER_KEY).errorCode()).isEqualTo("no_draft");
    }

    @Test
    @DisplayName("a draft without a contact phone and with a forbidden phrase saves, but publish is refused with every finding named")
    void publishRefusedByLint() {
        String body = new JsonObject()
                .put("variables", new JsonObject().put("creditor", "string").put("amount", "money"))
                .put("channels", new JsonObject().put("sms", new JsonObject()
                        .put("text", "{{creditor}}: долг {{amount}}, иначе уголовное дело")))
                .encode();

        Http.Reply saved = put("threat", GatewayHarness.MARKETER_KEY, body);
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json().getBoolean("publishable")).isFalse();

        Http.Reply refused = publish("threat");
        assertThat(refused.status()).isEqualTo(422);
        JsonObject error = refused.json().getJsonObject("error");
        assertThat(error.getString("code")).isEqualTo("lint_failed");
        assertThat(error.getString("message")).contains("уголовн");
        assertThat(error.getJsonArray("details").stream().map(d -> (JsonObject) d)
                .map(d -> tuple(d.getString("code"), d.getString("channel"))).toList())
                .containsExactlyInAnyOrder(tuple("missing_contact_phone", "sms"), tuple("forbidden_phrase", "sms"));
        assertThat(http.get("/v1/templates/threat", GatewayHarness.KEY).json().containsKey("latest")).isFalse();
    }

    @Test
    @DisplayName("versions and the audit trail say who did what to which version, and rollback republishes an old text as a new version")
    void versionsAuditRollback() {
        String path = "/v1/templates/audited";
        as("anna", "PUT", path, template(SMS));
        as("boris", "POST", path + "/publish", null);
        as("anna", "PUT", path, template(SMS.replace("долг", "задолженность")));
        as("boris", "POST", path + "/publish", null);

        Http.Reply rolled = as("vera", "POST", path + "/rollback", "{\"version\":1}");
        assertThat(rolled.status()).as(rolled.body()).isEqualTo(200);
        assertThat(rolled.json().getInteger("version")).isEqualTo(3);
        assertThat(rolled.json().getInteger("rolledBackFrom")).isEqualTo(1);

        JsonObject history = http.get(path + "/versions", GatewayHarness.AGENT_KEY).json();
        List<JsonObject> versions = objects(history.getJsonArray("versions"));
        assertThat(versions).extracting(v -> v.getInteger("version")).containsExactly(1, 2, 3);
        assertThat(versions.get(2).getInteger("rolledBackFrom")).isEqualTo(1);
        assertThat(versions.get(2).getJsonObject("content")).isEqualTo(versions.get(0).getJsonObject("content"));
        assertThat(versions.get(1).getString("publishedBy")).startsWith("boris (key ");
        List<JsonObject> audit = objects(history.getJsonArray("audit"));
        assertThat(audit).extracting(a -> a.getString("action"), a -> a.getString("actor").split(" ")[0], a -> a.getInteger("version"))
                .containsExactly(
                        tuple("draft_saved", "anna", null),
                        tuple("published", "boris", 1),
                        tuple("draft_saved", "anna", null),
                        tuple("published", "boris", 2),
                        tuple("rolled_back", "vera", 3));
        assertThat(audit.get(2).getString("detail")).isEqualTo("sms");
        assertThat(audit).allSatisfy(a -> assertThat(a.getString("at")).endsWith("Z"));

        Http.Reply again = as("vera", "POST", path + "/rollback", "{\"version\":1}");
        assertThat(again.errorCode()).as("version 3 already has version 1's text").isEqualTo("unchanged");
        assertThat(as("vera", "POST", path + "/rollback", "{\"version\":7}").errorCode()).isEqualTo("unknown_version");
    }

    @Test
    @DisplayName("preview shows GSM-7 in one part for a Latin text and UCS-2 in two parts of 67 once the text turns Cyrillic, priced from the tariff")
    void previewPartsFollowTheText() {
        String latin = "Reminder: please pay your debt. OOO Demo, tel 88000000000";
        String cyrillic = "Напоминаем о задолженности за коммунальные услуги. ООО «Демо», тел. 8 800 000-00-00";
        put("preview-parts", GatewayHarness.MARKETER_KEY, smsOnly(latin));

        Http.Reply onePart = preview("preview-parts", GatewayHarness.AGENT_KEY, new JsonObject());
        assertThat(onePart.body()).as("prices keep their kopecks").contains("\"cost\":3.50");
        JsonObject one = onePart.json();
        assertThat(one.getBoolean("draft")).isTrue();
        JsonObject sms = one.getJsonObject("channels").getJsonObject("sms");
        assertThat(sms.getString("text")).isEqualTo(latin);
        assertThat(sms.getString("encoding")).isEqualTo("GSM7");
        assertThat(sms.getInteger("parts")).isEqualTo(1);
        assertThat(sms.getInteger("charsPerPart")).isEqualTo(160);

        put("preview-parts", GatewayHarness.MARKETER_KEY, smsOnly(cyrillic));

        JsonObject two = preview("preview-parts", GatewayHarness.KEY, new JsonObject()).json().getJsonObject("channels")
                .getJsonObject("sms");
        assertThat(two.getString("encoding")).isEqualTo("UCS2");
        assertThat(two.getInteger("length")).isEqualTo(cyrillic.length()).isGreaterThan(70);
        assertThat(two.getInteger("parts")).isEqualTo(2);
        assertThat(two.getInteger("charsPerPart")).isEqualTo(67);
        assertThat(two.getDouble("cost")).isEqualTo(7.0);
    }

    @Test
    @DisplayName("preview fills the variables given, samples the rest, can show a published version, and names a bad or unknown variable")
    void previewVariables() {
        put("preview-vars", GatewayHarness.MARKETER_KEY, template(SMS));
        publish("preview-vars");
        put("preview-vars", GatewayHarness.MARKETER_KEY, template(SMS.replace("долг", "задолженность")));

        JsonObject p = preview("preview-vars", GatewayHarness.MARKETER_KEY, new JsonObject()
                .put("version", 1).put("variables", new JsonObject().put("amount", 1234.56).put("due", "2026-11-25"))).json();
        assertThat(p.getBoolean("draft")).isFalse();
        assertThat(p.getInteger("templateVersion")).isEqualTo(1);
        assertThat(p.getJsonObject("channels").getJsonObject("sms").getString("text"))
                .isEqualTo("ООО «Демо»: долг 1\u00A0234,56\u00A0₽ до 25 ноября 2026. Тел. 8 800 000-00-00");
        assertThat(p.getJsonArray("sampled")).isNull();

        JsonObject draft = preview("preview-vars", GatewayHarness.MARKETER_KEY, new JsonObject()).json();
        assertThat(draft.getJsonObject("channels").getJsonObject("sms").getString("text")).contains("задолженность");
        assertThat(draft.getJsonArray("sampled")).containsExactly("amount", "due");

        Http.Reply mistyped = preview("preview-vars", GatewayHarness.KEY, new JsonObject()
                .put("variables", new JsonObject().put("amount", "много")));
        assertThat(mistyped.status()).isEqualTo(422);
        assertThat(mistyped.errorCode()).isEqualTo("invalid_variable");
        assertThat(mistyped.json().getJsonObject("error").getJsonArray("details").getJsonObject(0).getString("variable"))
                .isEqualTo("amount");
        Http.Reply unknown = preview("preview-vars", GatewayHarness.KEY, new JsonObject()
                .put("variables", new JsonObject().put("debt", 1)));
        assertThat(unknown.errorCode()).isEqualTo("unknown_variable");
        assertThat(unknown.json().getJsonObject("error").getString("message")).contains("'debt'");
        assertThat(preview("preview-vars", GatewayHarness.KEY, new JsonObject().put("version", 5)).errorCode())
                .isEqualTo("unknown_version");
        assertThat(preview("preview-vars", GatewayHarness.KEY, new JsonObject().put("colour", 1)).errorCode())
                .isEqualTo("unknown_field");
    }

    @Test
    @DisplayName("only marketers (and admins) edit and publish; upstream systems and agents read and preview")
    void roles() {
        put("roles", GatewayHarness.MARKETER_KEY, template(SMS));

        Http.Reply upstreamPut = put("roles", GatewayHarness.KEY, template(SMS));
        assertThat(upstreamPut.status()).isEqualTo(403);
        assertThat(upstreamPut.errorCode()).isEqualTo("forbidden");
        assertThat(http.post("/v1/templates/roles/publish", GatewayHarness.KEY, null).status()).isEqualTo(403);
        assertThat(http.post("/v1/templates/roles/rollback", GatewayHarness.AGENT_KEY, "{\"version\":1}").status()).isEqualTo(403);
        assertThat(http.delete("/v1/templates/roles", GatewayHarness.AGENT_KEY).status()).isEqualTo(403);
        assertThat(http.get("/v1/templates/roles", null).status()).isEqualTo(401);

        assertThat(http.get("/v1/templates", GatewayHarness.AGENT_KEY).status()).isEqualTo(200);
        assertThat(http.get("/v1/templates/roles/versions", GatewayHarness.KEY).status()).isEqualTo(200);
        assertThat(preview("roles", GatewayHarness.KEY, new JsonObject()).status()).isEqualTo(200);
        assertThat(http.get("/v1/templates/roles", GatewayHarness.KEY).json().getLong("revision"))
                .as("nothing the forbidden calls did was stored").isEqualTo(1L);
    }

    @Test
    @DisplayName("a tenant never sees or changes another tenant's templates, even under the same key")
    void tenantIsolation() {
        put("shared-key", GatewayHarness.MARKETER_KEY, template(SMS));
        publish("shared-key");

        assertThat(http.get("/v1/templates/shared-key", GatewayHarness.OTHER_MARKETER_KEY).status()).isEqualTo(404);
        assertThat(http.post("/v1/templates/shared-key/publish", GatewayHarness.OTHER_MARKETER_KEY, null).status()).isEqualTo(404);
        assertThat(http.get("/v1/templates", GatewayHarness.OTHER_KEY).json().getJsonArray("templates")).isEmpty();

        Http.Reply theirs = put("shared-key", GatewayHarness.OTHER_MARKETER_KEY, template("{{creditor}}: {{amount}} {{due}} {{phone}}"));
        assertThat(theirs.json().getLong("revision")).isEqualTo(1L);
        assertThat(theirs.json().containsKey("latest")).isFalse();

        JsonObject ours = http.get("/v1/templates/shared-key", GatewayHarness.KEY).json();
        assertThat(ours.getJsonObject("latest").getJsonObject("content").getJsonObject("channels").getJsonObject("sms")
                .getString("text")).isEqualTo(SMS);
        assertThat(ours.containsKey("draft")).isFalse();
    }

    @Test
    @DisplayName("bad keys, bodies and stale revisions are 4xx with a code naming the problem")
    void invalidRequests() {
        assertThat(put("Bad_Key", GatewayHarness.MARKETER_KEY, template(SMS)).errorCode()).isEqualTo("invalid_template_key");
        Http.Reply pigeon = put("bad-body", GatewayHarness.MARKETER_KEY, "{\"channels\":{\"pigeon\":{\"text\":\"x\"}}}");
        assertThat(pigeon.status()).isEqualTo(422);
        assertThat(pigeon.errorCode()).isEqualTo("invalid_template");
        assertThat(pigeon.json().getJsonObject("error").getString("message")).contains("channels.pigeon");
        Http.Reply rubles = put("bad-body", GatewayHarness.MARKETER_KEY, "{\"variables\":{\"a\":\"rubles\"}}");
        assertThat(rubles.errorCode()).isEqualTo("invalid_template");
        assertThat(rubles.json().getJsonObject("error").getString("message")).contains("rubles");
        assertThat(put("bad-body", GatewayHarness.MARKETER_KEY, "{\"variables\":{\"due date\":\"date\"}}").errorCode())
                .isEqualTo("invalid_template");
        assertThat(put("bad-body", GatewayHarness.MARKETER_KEY, "[1]").errorCode()).isEqualTo("invalid_template");
        Http.Reply shape = put("bad-body", GatewayHarness.MARKETER_KEY, "{\"channels\":{\"sms\":\"hello\"}}");
        assertThat(shape.errorCode()).isEqualTo("invalid_template");
        assertThat(shape.json().getJsonObject("error").getString("message")).isEqualTo("channels.sms: expected an object");
        assertThat(put("bad-body", GatewayHarness.MARKETER_KEY, "{\"variables\":").errorCode()).isEqualTo("malformed_json");
        assertThat(http.get("/v1/templates/bad-body", GatewayHarness.KEY).status()).as("nothing was saved").isEqualTo(404);
        assertThat(http.post("/v1/templates/nope/publish", GatewayHarness.MARKETER_KEY, null).status()).isEqualTo(404);

        put("stale", GatewayHarness.MARKETER_KEY, template(SMS));
        assertThat(http.post("/v1/templates/stale/rollback", GatewayHarness.MARKETER_KEY, "{}").errorCode()).isEqualTo("missing_field");
        assertThat(http.post("/v1/templates/stale/rollback", GatewayHarness.MARKETER_KEY, "{\"version\":\"x\"}").errorCode())
                .isEqualTo("validation_failed");
        Http.Reply stale = http.send("PUT", "/v1/templates/stale", GatewayHarness.MARKETER_KEY, template(SMS + "!"),
                Map.of("If-Match", "\"7\""));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.errorCode()).isEqualTo("revision_mismatch");
        Http.Reply fresh = http.send("PUT", "/v1/templates/stale", GatewayHarness.MARKETER_KEY, template(SMS + "!"),
                Map.of("If-Match", "\"1\""));
        assertThat(fresh.json().getLong("revision")).isEqualTo(2L);
    }

    private static String smsOnly(String text) {
        return new JsonObject().put("channels", new JsonObject().put("sms", new JsonObject().put("text", text))).encode();
    }

    private static JsonObject listed(String apiKey, String key) {
        Http.Reply r = http.get("/v1/templates", apiKey);
        assertThat(r.status()).isEqualTo(200);
        return objects(r.json().getJsonArray("templates")).stream().filter(t -> key.equals(t.getString("key")))
                .findFirst().orElseThrow(() -> new AssertionError(key + " is not listed: " + r.body()));
    }

    private static List<JsonObject> objects(JsonArray array) {
        return array.stream().map(o -> (JsonObject) o).toList();
    }
}
