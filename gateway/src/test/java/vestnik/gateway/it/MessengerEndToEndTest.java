package vestnik.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vestnik.channels.common.Hmac;
import vestnik.loadtest.smsc.SimulatedSmsc;

/**
 * Telegram, Viber and WhatsApp through the whole gateway: the providers are WireMock servers answering
 * with the reference fixtures; their webhooks are signed here exactly as the providers sign them.
 */
class MessengerEndToEndTest {

    private static final String TG_SECRET = "tg-secret-123";
    private static final String VIBER_TOKEN = "4453b6ac";
    private static final String WA_SECRET = "abc";
    private static final String WAMID = "wamid.HBgLNzkxNjEyMzQ1NjcVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA";

    @TempDir
    static Path dir;
    static SimulatedSmsc smsc;
    static WireMockServer providers;
    static GatewayHarness gw;
    static final HttpClient RAW = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        smsc = SimulatedSmsc.builder().port(0).credentials("gw", "secret").start();
        providers = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        providers.start();
        providers.stubFor(get(urlPathMatching("/bot.*/getMe")).willReturn(okJson(
                "{\"ok\":true,\"result\":{\"id\":7000000001,\"is_bot\":true,\"first_name\":\"Gateway\",\"username\":\"vestnik_demo_bot\"}}")));
        providers.stubFor(post(urlPathMatching("/bot.*/sendMessage")).willReturn(okJson(Fixtures.text("telegram-sendmessage-response.json"))));
        providers.stubFor(post(urlPathMatching("/bot.*/sendMessage")).withRequestBody(matchingJsonPath("$.chat_id", equalTo("555000555")))
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.text("telegram-error-403-blocked.json"))));
        providers.stubFor(post(urlPathMatching("/bot.*/setWebhook")).willReturn(okJson(Fixtures.text("telegram-setwebhook-response.json"))));
        providers.stubFor(post(urlPathEqualTo("/pa/send_message")).willReturn(okJson(Fixtures.text("viber-send-message-response.json"))));
        providers.stubFor(post(urlPathEqualTo("/v21.0/1065/messages")).willReturn(okJson(Fixtures.text("whatsapp-send-response.json"))));
        providers.stubFor(post(urlPathEqualTo("/v21.0/1065/messages")).withRequestBody(matchingJsonPath("$.type", equalTo("template")))
                .willReturn(okJson("{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid.TEMPLATE1\"}]}")));
        String base = "http://127.0.0.1:" + providers.port();
        gw = GatewayHarness.start(dir, smsc, """
                  tg:
                    type: telegram
                    token: "123:ABC"
                    botUsername: vestnik_demo_bot
                    webhookSecret: %s
                    baseUrl: %s
                  tg2:
                    type: telegram
                    token: "456:DEF"
                    botUsername: vestnik_second_bot
                    webhookSecret: first-secret-1
                    baseUrl: %s
                  vb:
                    type: viber
                    authToken: "%s"
                    senderName: "Demo"
                    chatUri: vestnikdemo
                    baseUrl: %s/pa
                  wa:
                    type: whatsapp
                    accessToken: "EAAG"
                    phoneNumberId: "1065"
                    appSecret: "%s"
                    verifyToken: "vt"
                    baseUrl: %s/v21.0
                """.formatted(TG_SECRET, base, base, VIBER_TOKEN, base, WA_SECRET, base));
    }

    @AfterAll
    static void stop() {
        if (gw != null) {
            gw.close();
        }
        if (providers != null) {
            providers.stop();
        }
        if (smsc != null) {
            smsc.close();
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static int hook(String channel, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gw.gateway.port() + "/hooks/" + channel))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json");
        headers.forEach(b::header);
        try {
            return RAW.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void putContact(String id, String phone) {
        Http.Reply r = gw.http.send("PUT", "/v1/contacts/" + id, GatewayHarness.KEY,
                new JsonObject().put("phones", new io.vertx.core.json.JsonArray().add(phone)).encode());
        assertThat(r.status()).as(r.body()).isIn(200, 201);
    }

    private static String linkToken(String contactId, String channel) {
        Http.Reply r = gw.http.post("/v1/contacts/" + contactId + "/links", GatewayHarness.KEY, null);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String link = r.json().getJsonObject("links").getString(channel);
        assertThat(link).isNotNull();
        return link.substring(link.lastIndexOf('=') + 1);
    }

    private static String telegramStart(long userId, String text) {
        return new JsonObject().put("update_id", System.nanoTime() % 1_000_000_000L)
                .put("message", new JsonObject().put("message_id", 5).put("date", Instant.now().getEpochSecond())
                        .put("text", text)
                        .put("from", new JsonObject().put("id", userId).put("is_bot", false).put("first_name", "Иван"))
                        .put("chat", new JsonObject().put("id", userId).put("type", "private")))
                .encode();
    }

    private static String job(String channel, JsonObject to, String text) {
        Http.Reply r = gw.post(new JsonObject().put("channel", channel).put("to", to).put("text", text));
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json().getString("id");
    }

    @Test
    @DisplayName("Telegram: a contact known by phone is linked by a deep link opened in the bot, then reached by phone or by contactId")
    void telegramLinking() {
        putContact("c-tg-1", "+79160000101");
        String before = job("tg", new JsonObject().put("contactId", "c-tg-1"), "до привязки");
        JsonObject failed = gw.awaitStatus(before, "failed");
        assertThat(failed.getJsonObject("error").getString("code")).isEqualTo("recipient_not_linked");
        int sendsBefore = providers.findAll(postRequestedFor(urlPathMatching("/bot.*/sendMessage"))).size();

        String token = linkToken("c-tg-1", "tg");
        assertThat(hook("tg", telegramStart(987654321012L, "/start " + token), Map.of("X-Telegram-Bot-Api-Secret-Token", "wrong")))
                .isEqualTo(401);
        assertThat(gw.http.get("/v1/contacts/c-tg-1", GatewayHarness.KEY).json().getJsonArray("linked")).isEmpty();
        assertThat(hook("tg", telegramStart(987654321012L, "/start " + token), Map.of("X-Telegram-Bot-Api-Secret-Token", TG_SECRET)))
                .isEqualTo(200);
        assertThat(gw.http.get("/v1/contacts/c-tg-1", GatewayHarness.KEY).json().getJsonArray("linked")).containsExactly("tg");

        String byPhone = job("tg", new JsonObject().put("phone", "+7 916 000-01-01"), "Долг 1 200 ₽");
        JsonObject sent = gw.awaitStatus(byPhone, "sent");
        assertThat(sent.getJsonArray("providerIds")).containsExactly("1111111:1368");
        String byContact = job("tg", new JsonObject().put("contactId", "c-tg-1"), "Напоминание");
        gw.awaitStatus(byContact, "sent");
        assertThat(providers.findAll(postRequestedFor(urlPathMatching("/bot.*/sendMessage"))
                .withRequestBody(matchingJsonPath("$.chat_id", equalTo("987654321012"))))).hasSize(2);
        assertThat(providers.findAll(postRequestedFor(urlPathMatching("/bot.*/sendMessage")))).hasSize(sendsBefore + 2);
    }

    @Test
    @DisplayName("Telegram: 'bot was blocked by the user' fails the message and opts the user out, so the next one is rejected unsent")
    void telegramBlocked() {
        putContact("c-tg-2", "+79160000102");
        String token = linkToken("c-tg-2", "tg");
        assertThat(hook("tg", telegramStart(555000555L, "/start " + token), Map.of("X-Telegram-Bot-Api-Secret-Token", TG_SECRET)))
                .isEqualTo(200);
        String first = job("tg", new JsonObject().put("contactId", "c-tg-2"), "первое");
        assertThat(gw.awaitStatus(first, "failed").getJsonObject("error").getString("code")).isEqualTo("recipient_opted_out");
        String second = job("tg", new JsonObject().put("contactId", "c-tg-2"), "второе");
        JsonObject rejected = gw.awaitStatus(second, "rejected");
        assertThat(rejected.getJsonObject("error").getString("code")).isEqualTo("opted_out");
        assertThat(providers.findAll(postRequestedFor(urlPathMatching("/bot.*/sendMessage"))
                .withRequestBody(matchingJsonPath("$.chat_id", equalTo("555000555"))))).hasSize(1);
    }

    @Test
    @DisplayName("Telegram: messages to one chat keep Telegram's one-a-second pace, across the gateway, none lost")
    void perChatRate() {
        putContact("c-tg-3", "+79160000103");
        String token = linkToken("c-tg-3", "tg");
        assertThat(hook("tg", telegramStart(777000777L, "/start " + token), Map.of("X-Telegram-Bot-Api-Secret-Token", TG_SECRET)))
                .isEqualTo(200);
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(job("tg", new JsonObject().put("contactId", "c-tg-3"), "сообщение " + i));
        }
        ids.forEach(id -> gw.awaitStatus(id, "sent"));
        java.util.List<Long> at = providers.findAll(postRequestedFor(urlPathMatching("/bot.*/sendMessage"))
                        .withRequestBody(matchingJsonPath("$.chat_id", equalTo("777000777"))))
                .stream().map(r -> r.getLoggedDate().getTime()).sorted().toList();
        assertThat(at).hasSize(3);
        assertThat(at.get(1) - at.get(0)).isGreaterThanOrEqualTo(900);
        assertThat(at.get(2) - at.get(1)).isGreaterThanOrEqualTo(900);
    }

    @Test
    @DisplayName("an admin registers a bot's webhook: the provider gets our URL and a fresh secret, and only that secret is accepted after")
    void webhookRegistration() {
        String body = new JsonObject().put("publicUrl", "https://gw.example").encode();
        assertThat(gw.http.post("/v1/channels/tg2/webhook", GatewayHarness.KEY, body).status()).isEqualTo(403);
        Http.Reply r = gw.http.post("/v1/channels/tg2/webhook", GatewayHarness.ADMIN_KEY, body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().getString("url")).isEqualTo("https://gw.example/hooks/tg2");
        var set = providers.findAll(postRequestedFor(urlPathEqualTo("/bot456:DEF/setWebhook")));
        assertThat(set).hasSize(1);
        JsonObject request = new JsonObject(set.get(0).getBodyAsString());
        assertThat(request.getString("url")).isEqualTo("https://gw.example/hooks/tg2");
        String secret = request.getString("secret_token");
        assertThat(secret).hasSizeGreaterThanOrEqualTo(32).matches("[A-Za-z0-9-]+");
        String update = telegramStart(42L, "привет");
        assertThat(hook("tg2", update, Map.of("X-Telegram-Bot-Api-Secret-Token", "first-secret-1"))).isEqualTo(401);
        assertThat(hook("tg2", update, Map.of("X-Telegram-Bot-Api-Secret-Token", secret))).isEqualTo(200);
        assertThat(gw.http.post("/v1/channels/sms/webhook", GatewayHarness.ADMIN_KEY, body).status()).isEqualTo(422);
    }

    @Test
    @DisplayName("Telegram: a debtor sharing their own phone is bound to the contact that has it")
    void sharedPhoneBinds() {
        putContact("c-tg-4", "+79161234567");
        String update = Fixtures.text("telegram-update-contact.json");
        assertThat(hook("tg", update, Map.of("X-Telegram-Bot-Api-Secret-Token", TG_SECRET))).isEqualTo(200);
        assertThat(gw.http.get("/v1/contacts/c-tg-4", GatewayHarness.KEY).json().getJsonArray("linked")).containsExactly("tg");
    }

    @Test
    @DisplayName("Viber: linked by conversation_started, and receipts arriving seen-before-delivered leave the message read")
    void viberReceiptsOutOfOrder() {
        putContact("c-vb-1", "+79160000201");
        String token = linkToken("c-vb-1", "vb");
        String started = Fixtures.text("viber-callback-conversation-started.json").replace("promo-qr-01", token);
        String signature = Hmac.sha256Hex(VIBER_TOKEN, bytes(started));
        String tampered = (signature.charAt(0) == '0' ? '1' : '0') + signature.substring(1);
        assertThat(hook("vb", started, Map.of("X-Viber-Content-Signature", tampered)))
                .as("tampered signature").isEqualTo(401);
        assertThat(hook("vb", started, Map.of("X-Viber-Content-Signature", Hmac.sha256Hex(VIBER_TOKEN, bytes(started)))))
                .isEqualTo(200);

        String id = job("vb", new JsonObject().put("phone", "+79160000201"), "Долг 1 200 ₽");
        JsonObject sent = gw.awaitStatus(id, "sent");
        assertThat(sent.getJsonArray("providerIds")).containsExactly("5741311803571721087");
        for (String fixture : new String[] {"viber-callback-seen.json", "viber-callback-delivered.json", "viber-callback-delivered.json"}) {
            String body = Fixtures.text(fixture);
            assertThat(hook("vb", body, Map.of("X-Viber-Content-Signature", Hmac.sha256Hex(VIBER_TOKEN, bytes(body))))).isEqualTo(200);
        }
        JsonObject read = gw.awaitStatus(id, "read");
        assertThat(read.getJsonArray("events").stream().map(e -> ((JsonObject) e).getString("status")).toList())
                .containsExactly("queued", "sending", "sent", "read");
        assertThat(providers.findAll(postRequestedFor(urlPathEqualTo("/pa/send_message"))
                .withRequestBody(matchingJsonPath("$.receiver", equalTo("01234567890A="))))).hasSize(1);
    }

    @Test
    @DisplayName("WhatsApp: free text waits for the 24-hour window, a template goes at any time, and read before delivered stays read")
    void whatsappWindow() {
        String closed = job("wa", new JsonObject().put("phone", "+79161234567"), "вне окна");
        assertThat(gw.awaitStatus(closed, "failed").getJsonObject("error").getString("code")).isEqualTo("window_closed");
        assertThat(providers.findAll(postRequestedFor(urlPathEqualTo("/v21.0/1065/messages")))).isEmpty();

        Http.Reply templated = gw.post(new JsonObject().put("channel", "wa").put("to", new JsonObject().put("phone", "+79160000301"))
                .put("whatsappTemplate", new JsonObject().put("name", "payment_reminder").put("language", "ru")));
        assertThat(templated.status()).as(templated.body()).isEqualTo(202);
        gw.awaitStatus(templated.json().getString("id"), "sent");

        // the fixture's message is from 2025: dated now, it opens the window as a fresh reply does
        String inbound = Fixtures.text("whatsapp-webhook-inbound-text.json")
                .replaceAll("\"timestamp\": \"\\d+\"", "\"timestamp\": \"" + Instant.now().getEpochSecond() + "\"");
        assertThat(hook("wa", inbound, Map.of("X-Hub-Signature-256", "sha256=" + Hmac.sha256Hex("wrong", bytes(inbound))))).isEqualTo(401);
        assertThat(hook("wa", inbound, Map.of("X-Hub-Signature-256", "sha256=" + Hmac.sha256Hex(WA_SECRET, bytes(inbound))))).isEqualTo(200);

        String open = job("wa", new JsonObject().put("phone", "+79161234567"), "в окне");
        assertThat(gw.awaitStatus(open, "sent").getJsonArray("providerIds")).containsExactly(WAMID);
        for (String fixture : new String[] {"whatsapp-webhook-status-read.json", "whatsapp-webhook-status-delivered.json"}) {
            String body = Fixtures.text(fixture);
            assertThat(hook("wa", body, Map.of("X-Hub-Signature-256", "sha256=" + Hmac.sha256Hex(WA_SECRET, bytes(body))))).isEqualTo(200);
        }
        gw.awaitStatus(open, "read");
        assertThat(providers.findAll(postRequestedFor(urlPathEqualTo("/v21.0/1065/messages"))
                .withRequestBody(matchingJsonPath("$.to", equalTo("79161234567"))))).hasSize(1);
    }

    @Test
    @DisplayName("WhatsApp: the webhook verification challenge is echoed only for the right verify token")
    void whatsappVerification() throws Exception {
        String base = "http://127.0.0.1:" + gw.gateway.port() + "/hooks/wa?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=";
        HttpResponse<String> ok = RAW.send(HttpRequest.newBuilder(URI.create(base + "vt")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("1158201444");
        HttpResponse<String> bad = RAW.send(HttpRequest.newBuilder(URI.create(base + "nope")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(403);
    }

    @Test
    @DisplayName("contacts and links: validation errors are 4xx with codes, other tenants see nothing")
    void contactsApi() {
        assertThat(gw.http.send("PUT", "/v1/contacts/c-bad", GatewayHarness.KEY, "{\"phones\":[\"12\"]}").errorCode()).isEqualTo("invalid_phone");
        assertThat(gw.http.send("PUT", "/v1/contacts/c-bad", GatewayHarness.KEY, "{\"statuses\":[\"rich\"]}").errorCode()).isEqualTo("validation_failed");
        assertThat(gw.http.send("PUT", "/v1/contacts/c-bad", GatewayHarness.KEY, "{\"timezone\":\"Mars/Base\"}").errorCode()).isEqualTo("validation_failed");
        putContact("c-iso", "+79160000401");
        assertThat(gw.http.get("/v1/contacts/c-iso", GatewayHarness.OTHER_KEY).status()).isEqualTo(404);
        assertThat(gw.http.post("/v1/contacts/c-iso/links", GatewayHarness.OTHER_KEY, null).status()).isEqualTo(404);
        Http.Reply unknown = gw.post(new JsonObject().put("channel", "sms").put("to", new JsonObject().put("contactId", "nobody")).put("text", "x"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.errorCode()).isEqualTo("unknown_contact");
        String viaContact = job("sms", new JsonObject().put("contactId", "c-iso"), "SMS по контакту");
        assertThat(gw.awaitStatus(viaContact, "delivered").getJsonObject("to").getString("phone")).isEqualTo("+79160000401");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
