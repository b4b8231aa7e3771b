package vestnik.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vestnik.channels.common.Hmac;
import vestnik.loadtest.smsc.ReceivedSubmit;
import vestnik.loadtest.smsc.SimulatedSmsc;

/** Viber, then SMS: each step its own message, linked to the job; the chain shown on the job. */
class CascadeEndToEndTest {

    private static final String VIBER_TOKEN = "4453b6ac";
    /** Its own message token, so its receipt cannot be taken for another test's message. */
    private static final String HAPPY_TOKEN = "9007199254740993123";

    @TempDir
    static Path dir;
    static SimulatedSmsc smsc;
    static WireMockServer viber;
    static GatewayHarness gw;

    @BeforeAll
    static void start() throws Exception {
        smsc = SimulatedSmsc.builder().port(0).credentials("gw", "secret").receiptDelay(Duration.ofMillis(20)).start();
        viber = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        viber.start();
        viber.stubFor(post(urlPathEqualTo("/pa/send_message")).willReturn(json(Fixtures.text("viber-send-message-response.json"))));
        viber.stubFor(post(urlPathEqualTo("/pa/send_message")).withRequestBody(matchingJsonPath("$.receiver", equalTo("gone-user=")))
                .willReturn(json("{\"status\":5,\"status_message\":\"receiverNotRegistered\"}")));
        viber.stubFor(post(urlPathEqualTo("/pa/send_message")).withRequestBody(matchingJsonPath("$.receiver", equalTo("happy-user=")))
                .willReturn(json("{\"status\":0,\"status_message\":\"ok\",\"message_token\":" + HAPPY_TOKEN + "}")));
        gw = GatewayHarness.start(dir, smsc, """
                  vb:
                    type: viber
                    authToken: "%s"
                    senderName: "Demo"
                    chatUri: vestnikdemo
                    baseUrl: http://127.0.0.1:%d/pa
                routes:
                  viber-then-sms:
                    - {channel: vb, waitFor: delivered, timeout: PT2S}
                    - {channel: sms}
                """.formatted(VIBER_TOKEN, viber.port()));
    }

    @AfterAll
    static void stop() {
        if (gw != null) {
            gw.close();
        }
        if (viber != null) {
            viber.stop();
        }
        if (smsc != null) {
            smsc.close();
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** A contact whose Viber user is bound, through the real linking flow. */
    private static void linkedContact(String contactId, String phone, String viberUser) throws Exception {
        assertThat(gw.http.send("PUT", "/v1/contacts/" + contactId, GatewayHarness.KEY,
                new JsonObject().put("phones", new JsonArray().add(phone)).encode()).status()).isIn(200, 201);
        String link = gw.http.post("/v1/contacts/" + contactId + "/links", GatewayHarness.KEY, null).json()
                .getJsonObject("links").getString("vb");
        String token = link.substring(link.lastIndexOf('=') + 1);
        String started = Fixtures.text("viber-callback-conversation-started.json").replace("promo-qr-01", token)
                .replace("01234567890A=", viberUser);
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gw.gateway.port() + "/hooks/vb"))
                .header("X-Viber-Content-Signature", Hmac.sha256Hex(VIBER_TOKEN, started.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(started)).build();
        assertThat(HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
    }

    private static String cascade(Object route, String phone) {
        Http.Reply r = gw.post(new JsonObject().put("route", route).put("to", new JsonObject().put("phone", phone))
                .put("text", "Долг 1 200 ₽. ООО «Демо», тел. 8 800 000-00-00"));
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json().getString("id");
    }

    private static JsonObject awaitChain(String jobId, List<String> statuses) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonObject c = gw.message(jobId).getJsonObject("cascade");
            return c != null && c.getJsonArray("steps").stream().map(s -> ((JsonObject) s).getString("status")).toList().equals(statuses);
        });
        return gw.message(jobId).getJsonObject("cascade");
    }

    @Test
    @DisplayName("not linked on Viber: the cascade falls back to SMS at once, and the job shows both steps")
    void notLinkedFallsBack() {
        JsonArray route = new JsonArray().add(new JsonObject().put("channel", "vb").put("waitFor", "delivered").put("timeout", "PT10M"))
                .add(new JsonObject().put("channel", "sms"));
        String job = cascade(route, "+79160000501");
        JsonObject chain = awaitChain(job, List.of("failed", "delivered"));
        assertThat(chain.getJsonArray("steps").getJsonObject(0).getString("channel")).isEqualTo("vb");
        assertThat(chain.getJsonArray("steps").getJsonObject(1).getString("channel")).isEqualTo("sms");
        String smsStep = chain.getJsonArray("steps").getJsonObject(1).getString("id");
        assertThat(gw.message(smsStep).getJsonObject("cascade").getString("jobId")).isEqualTo(job);
        assertThat(gw.message(job).getJsonObject("error").getString("code")).isEqualTo("recipient_not_linked");
    }

    @Test
    @DisplayName("sent on Viber but not delivered within its timeout: SMS follows (named route from config)")
    void timeoutFallsBack() throws Exception {
        linkedContact("c-cs-1", "+79160000502", "quiet-user=");
        String job = cascade("viber-then-sms", "+79160000502");
        JsonObject chain = awaitChain(job, List.of("sent", "delivered"));
        assertThat(chain.getJsonArray("steps")).hasSize(2);
        assertThat(smsc.submits().stream().map(ReceivedSubmit::destinationAddr)).contains("79160000502");
    }

    @Test
    @DisplayName("a permanent Viber refusal moves on to SMS; a delivered first step ends the cascade there")
    void permanentFailureAndSuccess() throws Exception {
        linkedContact("c-cs-2", "+79160000503", "gone-user=");
        String failedJob = cascade("viber-then-sms", "+79160000503");
        awaitChain(failedJob, List.of("failed", "delivered"));

        linkedContact("c-cs-3", "+79160000504", "happy-user=");
        String okJob = cascade("viber-then-sms", "+79160000504");
        await().atMost(Duration.ofSeconds(10)).until(() -> "sent".equals(gw.message(okJob).getString("status")));
        String delivered = Fixtures.text("viber-callback-delivered.json").replace("5741311803571721087", HAPPY_TOKEN);
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gw.gateway.port() + "/hooks/vb"))
                .header("X-Viber-Content-Signature", Hmac.sha256Hex(VIBER_TOKEN, delivered.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(delivered)).build();
        assertThat(HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> "delivered".equals(gw.message(okJob).getString("status")));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                gw.message(okJob).getJsonObject("cascade").getJsonArray("steps").size() == 1);
        assertThat(smsc.submits().stream().map(ReceivedSubmit::destinationAddr)).doesNotContain("79160000504");
    }

    @Test
    @DisplayName("a cancelled job sends no further step")
    void cancelStops() throws Exception {
        linkedContact("c-cs-4", "+79160000505", "slow-user=");
        String job = cascade("viber-then-sms", "+79160000505");
        await().atMost(Duration.ofSeconds(10)).until(() -> "sent".equals(gw.message(job).getString("status")));
        Http.Reply cancel = gw.http.delete("/v1/messages/" + job, GatewayHarness.KEY);
        assertThat(cancel.status()).isEqualTo(200);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                gw.message(job).getJsonObject("cascade").getJsonArray("steps").size() == 1);
        assertThat(gw.message(job).getJsonObject("cascade").getBoolean("cancelled")).isTrue();
        assertThat(smsc.submits().stream().map(ReceivedSubmit::destinationAddr)).doesNotContain("79160000505");
    }

    @Test
    @DisplayName("route errors are 422 with a code")
    void routeErrors() {
        assertThat(gw.post(new JsonObject().put("route", "nope").put("to", new JsonObject().put("phone", "+79160000506"))
                .put("text", "x")).errorCode()).isEqualTo("unknown_route");
        assertThat(gw.post(new JsonObject().put("route", new JsonArray().add(new JsonObject().put("channel", "pigeon")))
                .put("to", new JsonObject().put("phone", "+79160000506")).put("text", "x")).errorCode()).isEqualTo("unknown_channel");
        assertThat(gw.post(new JsonObject().put("route", new JsonArray().add(new JsonObject().put("channel", "sms").put("timeout", "PT1M")))
                .put("to", new JsonObject().put("phone", "+79160000506")).put("text", "x")).errorCode()).isEqualTo("invalid_route");
        assertThat(gw.post(new JsonObject().put("route", "viber-then-sms").put("channel", "sms")
                .put("to", new JsonObject().put("phone", "+79160000506")).put("text", "x")).errorCode()).isEqualTo("invalid_route");
    }
}
