package vestnik.loadtest.messenger;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The stub against the providers' own request fixtures, over HTTP on loopback. */
class MessengerStubTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private MessengerStub stub;

    @AfterEach
    void stop() {
        if (stub != null) {
            stub.close();
        }
    }

    @Test
    @DisplayName("Telegram sendMessage is answered ok:true with the sent Message for that chat and text")
    void telegramSend() throws Exception {
        stub = MessengerStub.builder().start();
        JsonObject request = fixture("telegram-sendmessage-request.json");

        HttpResponse<String> r = post("/bot123456:ABC-token/sendMessage", request);

        JsonObject body = new JsonObject(r.body());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(body.getBoolean("ok")).isTrue();
        assertThat(body.getJsonObject("result").getLong("message_id")).isPositive();
        assertThat(body.getJsonObject("result").getJsonObject("chat").getLong("id")).isEqualTo(1111111L);
        assertThat(body.getJsonObject("result").getString("text")).isEqualTo(request.getString("text"));
        assertThat(stub.telegramRequests()).isEqualTo(1);
        assertThat(stub.accepted()).isEqualTo(1);
    }

    @Test
    @DisplayName("WhatsApp /messages is answered with the recipient's wa_id and a wamid, unique per send")
    void whatsappSend() throws Exception {
        stub = MessengerStub.builder().start();
        JsonObject request = fixture("whatsapp-send-text-request.json");

        JsonObject first = new JsonObject(post("/v21.0/106540352242922/messages", request).body());
        JsonObject second = new JsonObject(post("/v21.0/106540352242922/messages", request).body());

        assertThat(first.getString("messaging_product")).isEqualTo("whatsapp");
        assertThat(first.getJsonArray("contacts").getJsonObject(0).getString("wa_id")).isEqualTo("79161234567");
        String wamid = first.getJsonArray("messages").getJsonObject(0).getString("id");
        assertThat(wamid).startsWith("wamid.");
        assertThat(second.getJsonArray("messages").getJsonObject(0).getString("id")).isNotEqualTo(wamid);
        assertThat(stub.whatsappRequests()).isEqualTo(2);
    }

    @Test
    @DisplayName("scripted throttling answers 429 with retry_after (Telegram) and 130429 (WhatsApp); then 5xx")
    void errorMix() throws Exception {
        stub = MessengerStub.builder().rateLimited(100, 7).start();

        HttpResponse<String> telegram = post("/botT/sendmessage", fixture("telegram-sendmessage-request.json"));
        HttpResponse<String> whatsapp = post("/v21.0/1/messages", fixture("whatsapp-send-text-request.json"));
        stub.rateLimited(0, 1).serverErrors(100, 503);
        HttpResponse<String> failing = post("/botT/sendMessage", fixture("telegram-sendmessage-request.json"));

        assertThat(telegram.statusCode()).isEqualTo(429);
        assertThat(new JsonObject(telegram.body()).getJsonObject("parameters").getInteger("retry_after")).isEqualTo(7);
        assertThat(new JsonObject(telegram.body()).getString("description")).isEqualTo("Too Many Requests: retry after 7");
        assertThat(whatsapp.statusCode()).isEqualTo(429);
        assertThat(new JsonObject(whatsapp.body()).getJsonObject("error").getInteger("code")).isEqualTo(130429);
        assertThat(failing.statusCode()).isEqualTo(503);
        assertThat(new JsonObject(failing.body()).getBoolean("ok")).isFalse();
        assertThat(stub.rateLimited()).isEqualTo(2);
        assertThat(stub.serverErrors()).isEqualTo(1);
        assertThat(stub.accepted()).isZero();
    }

    @Test
    @DisplayName("answers wait the scripted latency; a send without chat_id is a 400 'chat not found'")
    void latencyAndBadRequest() throws Exception {
        stub = MessengerStub.builder().latency(Duration.ofMillis(120)).start();

        long t0 = System.nanoTime();
        HttpResponse<String> ok = post("/botT/sendMessage", fixture("telegram-sendmessage-request.json"));
        long tookMs = (System.nanoTime() - t0) / 1_000_000;
        HttpResponse<String> bad = post("/botT/sendMessage", new JsonObject().put("text", "no chat"));

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(tookMs).isGreaterThanOrEqualTo(120);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(bad.body()).getString("description")).isEqualTo("Bad Request: chat not found");
        assertThat(stub.badRequests()).isEqualTo(1);
    }

    private HttpResponse<String> post(String path, JsonObject body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(stub.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Fixtures live in shared/reference/fixtures beside the repository; walk up until it is found. */
    private static JsonObject fixture(String name) throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared").resolve("reference").resolve("fixtures").resolve(name);
            if (Files.exists(candidate)) {
                return new JsonObject(Files.readString(candidate));
            }
            dir = dir.getParent();
        }
        throw new IOException("fixture " + name + " not found above " + Path.of("").toAbsolutePath());
    }
}
