package vestnik.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vestnik.channels.spi.InboundEvent.InboundMessage;
import vestnik.channels.spi.InboundEvent.OptOut;
import vestnik.channels.spi.WebhookOutcome;
import vestnik.channels.spi.WebhookRequest;
import vestnik.channels.testing.Fixtures;

class EmailWebhookTest {

    private static final String HOOK_SECRET = "0123456789abcdef-hook-secret";
    private static final Instant NOW = Instant.parse("2025-01-15T12:00:00Z");
    private final UnsubscribeTokens unsubscribe = new UnsubscribeTokens("em", "0123456789abcdef-token-secret");
    private final InboundMail parser = new InboundMail("em",
            new MailTokens("demo.ru", "reply.demo.ru", new Random(5)), Clock.fixed(NOW, ZoneOffset.UTC));
    private final EmailWebhook webhook = new EmailWebhook("em", HOOK_SECRET, unsubscribe, parser, Clock.fixed(NOW, ZoneOffset.UTC));

    /** The recorded one-click POST (email-unsubscribe-oneclick-post.http), sent to our endpoint with token {@code t}. */
    private static WebhookRequest recordedOneClick(String t) {
        Fixtures.HttpRequest recorded = Fixtures.http("email-unsubscribe-oneclick-post.http");
        return new WebhookRequest(recorded.method(), recorded.headers(), Map.of("t", t), recorded.body());
    }

    private static WebhookRequest pushed(String secret, byte[] body) {
        Map<String, List<String>> headers = secret == null ? Map.of("Content-Type", List.of("message/rfc822"))
                : Map.of("Content-Type", List.of("message/rfc822"), "x-vestnik-mail-secret", List.of(secret));
        return new WebhookRequest("POST", headers, Map.of(), body);
    }

    @Test
    @DisplayName("the recorded RFC 8058 POST with a valid token opts the address out and answers 200")
    void oneClick() {
        WebhookOutcome outcome = webhook.handle(recordedOneClick(unsubscribe.issue("ivan@customer.example")));

        assertThat(outcome.status()).isEqualTo(200);
        assertThat(outcome.body()).contains("i***@customer.example").doesNotContain("ivan@");
        assertThat(outcome.events()).singleElement().isInstanceOfSatisfying(OptOut.class, o -> {
            assertThat(o.channelId()).isEqualTo("em");
            assertThat(o.who().email()).isEqualTo("ivan@customer.example");
            assertThat(o.reason()).isEqualTo("list-unsubscribe one-click");
            assertThat(o.at()).isEqualTo(NOW);
        });
    }

    @Test
    @DisplayName("a tampered token gets 401 and no events")
    void tamperedToken() {
        byte[] raw = Base64.getUrlDecoder().decode(unsubscribe.issue("ivan@customer.example"));
        raw[5] ^= 1;

        WebhookOutcome outcome = webhook.handle(recordedOneClick(Base64.getUrlEncoder().withoutPadding().encodeToString(raw)));

        assertThat(outcome.status()).isEqualTo(401);
        assertThat(outcome.authenticated()).isFalse();
        assertThat(outcome.events()).isEmpty();
    }

    @Test
    @DisplayName("a GET (a link scanner, or a person in a client without one-click) only shows a button and opts nobody out")
    void getShowsForm() {
        WebhookOutcome outcome = webhook.handle(new WebhookRequest("GET", Map.of(),
                Map.of("t", unsubscribe.issue("ivan@customer.example")), null));

        assertThat(outcome.status()).isEqualTo(200);
        assertThat(outcome.contentType()).startsWith("text/html");
        assertThat(outcome.body()).contains("<form method=\"post\">", "name=\"List-Unsubscribe\" value=\"One-Click\"");
        assertThat(outcome.events()).isEmpty();
    }

    @Test
    @DisplayName("a POST with a valid token but another body is refused with 400")
    void wrongBody() {
        WebhookOutcome outcome = webhook.handle(new WebhookRequest("POST",
                Map.of("Content-Type", List.of("application/x-www-form-urlencoded")),
                Map.of("t", unsubscribe.issue("ivan@customer.example")), "List-Unsubscribe=Later".getBytes(StandardCharsets.US_ASCII)));

        assertThat(outcome.status()).isEqualTo(400);
        assertThat(outcome.events()).isEmpty();
    }

    @Test
    @DisplayName("the one-click body may come as multipart/form-data, as RFC 8058 allows")
    void multipartBody() {
        String body = "--x\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--x--\r\n";

        WebhookOutcome outcome = webhook.handle(new WebhookRequest("POST",
                Map.of("Content-Type", List.of("multipart/form-data; boundary=x")),
                Map.of("t", unsubscribe.issue("ivan@customer.example")), body.getBytes(StandardCharsets.US_ASCII)));

        assertThat(outcome.status()).isEqualTo(200);
        assertThat(outcome.events()).hasSize(1);
    }

    @Test
    @DisplayName("raw MIME pushed with the shared secret becomes the letter's events")
    void pushedMail() {
        WebhookOutcome outcome = webhook.handle(pushed(HOOK_SECRET, Fixtures.bytes("email-reply-inbound.eml")));

        assertThat(outcome.status()).isEqualTo(200);
        assertThat(outcome.events()).singleElement().isInstanceOfSatisfying(InboundMessage.class,
                m -> assertThat(m.inReplyToProviderId()).isEqualTo("gw.7f3c2a.1736941920@shop.example"));
    }

    @Test
    @DisplayName("raw MIME with a wrong or missing secret gets 401 and no events")
    void badSecret() {
        assertThat(webhook.handle(pushed("0123456789abcdef-hook-secreT", Fixtures.bytes("email-reply-inbound.eml"))))
                .isEqualTo(WebhookOutcome.unauthorized());
        assertThat(webhook.handle(pushed(null, Fixtures.bytes("email-reply-inbound.eml"))))
                .isEqualTo(WebhookOutcome.unauthorized());
    }

    @Test
    @DisplayName("a channel without webhookSecret refuses every push until a secret is registered")
    void noSecretConfigured() {
        EmailWebhook closed = new EmailWebhook("em", null, unsubscribe, parser, Clock.systemUTC());

        assertThat(closed.handle(pushed(HOOK_SECRET, Fixtures.bytes("email-reply-inbound.eml"))).status()).isEqualTo(401);
        closed.register("https://gw.example/hooks/em", HOOK_SECRET);
        assertThat(closed.handle(pushed(HOOK_SECRET, Fixtures.bytes("email-reply-inbound.eml"))).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("an authenticated push that is not a letter gets 400, so that the provider stops retrying")
    void notALetter() {
        WebhookOutcome outcome = webhook.handle(pushed(HOOK_SECRET, "{\"json\":true}".getBytes(StandardCharsets.UTF_8)));

        assertThat(outcome.status()).isEqualTo(400);
        assertThat(outcome.events()).isEmpty();
    }

    @Test
    @DisplayName("a channel without one-click unsubscribe answers 404 to a token")
    void noOneClick() {
        EmailWebhook without = new EmailWebhook("em", HOOK_SECRET, null, parser, Clock.systemUTC());

        assertThat(without.handle(recordedOneClick("anything")).status()).isEqualTo(404);
    }
}
