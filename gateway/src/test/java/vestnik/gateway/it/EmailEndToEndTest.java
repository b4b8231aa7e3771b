package vestnik.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.lettuce.core.Range;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vestnik.loadtest.smsc.SimulatedSmsc;

/**
 * E-mail through the whole gateway: GreenMail is the SMTP server on loopback; replies and bounces are
 * pushed as raw MIME to /hooks/mail as a mail provider would; the one-click unsubscribe is the RFC 8058 POST.
 */
class EmailEndToEndTest {

    private static final String MAIL_SECRET = "mail-push-secret-1";

    @TempDir
    static Path dir;
    static SimulatedSmsc smsc;
    static GreenMail mail;
    static GatewayHarness gw;
    static final HttpClient RAW = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        smsc = SimulatedSmsc.builder().port(0).credentials("gw", "secret").start();
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        gw = GatewayHarness.start(dir, smsc, """
                  mail:
                    type: email
                    smtp: {host: 127.0.0.1, port: %d, tls: none}
                    from: "ООО «Демо» <noreply@demo.ru>"
                    replyDomain: reply.demo.ru
                    unsubscribeUrl: https://gw.example/hooks/mail/unsubscribe
                    tokenSecret: "an-unsubscribe-token-key-of-32-bytes!!"
                    webhookSecret: %s
                """.formatted(mail.getSmtp().getPort(), MAIL_SECRET));
    }

    @AfterAll
    static void stop() {
        if (gw != null) {
            gw.close();
        }
        if (mail != null) {
            mail.stop();
        }
        if (smsc != null) {
            smsc.close();
        }
    }

    private static String sendMail(String to, String text) {
        Http.Reply r = gw.post(new JsonObject().put("channel", "mail").put("to", new JsonObject().put("email", to))
                .put("text", text).put("email", new JsonObject().put("subject", "Задолженность").put("html", "<p>" + text + "</p>")));
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json().getString("id");
    }

    private static MimeMessage received(String to) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> Arrays.stream(mail.getReceivedMessages())
                .filter(m -> recipients(m).contains(to)).reduce((a, b) -> b).orElse(null), Objects::nonNull);
    }

    private static List<String> recipients(MimeMessage m) {
        try {
            return Arrays.stream(m.getAllRecipients()).map(Object::toString).toList();
        } catch (Exception e) {
            return List.of();
        }
    }

    private static int push(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gw.gateway.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        try {
            return RAW.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @DisplayName("a job to an e-mail address goes out over SMTP with our Message-ID, Reply-To token and one-click unsubscribe headers")
    void send() throws Exception {
        String id = sendMail("ivan.petrov@customer.example", "Долг 1 200 ₽. ООО «Демо», тел. 8 800 000-00-00");
        JsonObject m = gw.awaitStatus(id, "sent");
        MimeMessage wire = received("ivan.petrov@customer.example");
        String messageId = m.getJsonArray("providerIds").getString(0);
        assertThat(wire.getMessageID()).isEqualTo("<" + messageId + ">");
        assertThat(wire.getSubject()).isEqualTo("Задолженность");
        assertThat(wire.getHeader("Reply-To")[0]).contains("@reply.demo.ru");
        assertThat(wire.getHeader("List-Unsubscribe")[0]).contains("https://gw.example/hooks/mail/unsubscribe?t=");
        assertThat(wire.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
    }

    @Test
    @DisplayName("a reply pushed as raw MIME is stored as an inbound message threaded to the original")
    void reply() throws Exception {
        String id = sendMail("reply.sender@customer.example", "Ответьте, пожалуйста");
        String messageId = gw.awaitStatus(id, "sent").getJsonArray("providerIds").getString(0);
        String reply = """
                From: Ivan <reply.sender@customer.example>
                To: reply@reply.demo.ru
                Subject: Re: Задолженность
                Message-ID: <reply-%s@mail.customer.example>
                In-Reply-To: <%s>
                References: <%s>
                Date: Mon, 23 Nov 2026 10:00:00 +0300
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8

                Я оплатил вчера.
                """.formatted(id, messageId, messageId).replace("\n", "\r\n");
        assertThat(push("/hooks/mail", reply, Map.of("X-Vestnik-Mail-Secret", "wrong"))).isEqualTo(401);
        assertThat(push("/hooks/mail", reply, Map.of("X-Vestnik-Mail-Secret", MAIL_SECRET))).isEqualTo(200);
        Map<String, String> inbound = await().atMost(Duration.ofSeconds(10)).until(
                () -> inboundWhere("irt", messageId), Objects::nonNull);
        assertThat(inbound.get("fem")).isEqualTo("reply.sender@customer.example");
        assertThat(inbound.get("tx")).contains("Я оплатил вчера.");
        assertThat(inbound.get("rm")).as("linked to our message").isEqualTo(id);
    }

    @Test
    @DisplayName("a hard bounce fails the message and opts the address out: the next job to it is rejected unsent")
    void hardBounce() throws Exception {
        String id = sendMail("nobody@customer.example", "Напоминание");
        String messageId = gw.awaitStatus(id, "sent").getJsonArray("providerIds").getString(0);
        String dsn = Fixtures.text("email-dsn-bounce-hard.eml").replace("gw.7f3c2b.1736941920@shop.example", messageId);
        assertThat(push("/hooks/mail", dsn, Map.of("X-Vestnik-Mail-Secret", MAIL_SECRET))).isEqualTo(200);
        JsonObject failed = gw.awaitStatus(id, "failed");
        assertThat(failed.getJsonObject("error").getString("providerCode")).isEqualTo("5.1.1");
        String next = sendMail("nobody@customer.example", "Ещё раз");
        assertThat(gw.awaitStatus(next, "rejected").getJsonObject("error").getString("code")).isEqualTo("opted_out");
    }

    @Test
    @DisplayName("the one-click unsubscribe POST opts the address out; a tampered token changes nothing")
    void oneClickUnsubscribe() throws Exception {
        String id = sendMail("leave.me@customer.example", "Первое письмо");
        gw.awaitStatus(id, "sent");
        String header = received("leave.me@customer.example").getHeader("List-Unsubscribe")[0];
        Matcher t = Pattern.compile("\\?t=([^>]+)>").matcher(header);
        assertThat(t.find()).isTrue();
        String token = URLDecoder.decode(t.group(1), StandardCharsets.UTF_8);
        Map<String, String> form = Map.of("Content-Type", "application/x-www-form-urlencoded");
        String tampered = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
        assertThat(push("/hooks/mail/unsubscribe?t=" + tampered, "List-Unsubscribe=One-Click", form)).isEqualTo(401);
        assertThat(push("/hooks/mail/unsubscribe?t=" + t.group(1), "List-Unsubscribe=One-Click", form)).isEqualTo(200);
        String next = sendMail("leave.me@customer.example", "Второе письмо");
        assertThat(gw.awaitStatus(next, "rejected").getJsonObject("error").getString("code")).isEqualTo("opted_out");
    }

    private static Map<String, String> inboundWhere(String field, String value) {
        try {
            var keys = gw.gateway.redis().keys();
            var entries = gw.gateway.redis().commands().xrange(keys.inboundStream(), Range.create("-", "+")).get(5, TimeUnit.SECONDS);
            for (var e : entries) {
                Map<String, String> h = gw.gateway.redis().commands().hgetall(keys.inbound(e.getBody().get("id"))).get(5, TimeUnit.SECONDS);
                if (value.equals(h.get(field))) {
                    return h;
                }
            }
            return null;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
