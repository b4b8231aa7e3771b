package vestnik.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.ext.mail.mailencoder.MailEncoder;
import jakarta.mail.Header;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vestnik.channels.email.MailTokens.Purpose;
import vestnik.channels.email.MailTokens.Tagged;
import vestnik.channels.spi.OutboundMessage;
import vestnik.channels.spi.Recipient;
import vestnik.channels.testing.Fixtures;

class MimeComposerTest {

    private static final String SECRET = "0123456789abcdef-token-secret";
    private static final String SECTION = """
            { "type": "email", "smtp": { "host": "127.0.0.1", "port": 2525 },
              "from": "ООО «Демо» <noreply@demo.ru>", "replyDomain": "reply.demo.ru",
              "unsubscribeUrl": "https://gw.example/hooks/em/unsubscribe", "tokenSecret": "%s" }""".formatted(SECRET);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-15T11:32:00Z"), ZoneId.of("Europe/Moscow"));
    private static final Session SESSION = Session.getInstance(new Properties());

    private final EmailConfig config = EmailConfig.from("em", EmailConfigTest.parse(SECTION));
    private final MailTokens tokens = new MailTokens(config.fromDomain(), config.replyDomain(), new Random(11));
    private final UnsubscribeTokens unsubscribe = new UnsubscribeTokens("em", SECRET);
    private final MimeComposer composer = new MimeComposer(config, tokens, unsubscribe, CLOCK);

    static OutboundMessage message(String text, String sender, EmailContent content) {
        return new OutboundMessage("01JH5X9Q2M8R4T6V0W3Y7Z1ABC", "tenant-1",
                new Recipient(null, "ivan@customer.example", null, "contact-1"), text, sender, content, null, 1, Map.of());
    }

    /** What the Vert.x mail client puts on the wire for this letter (its encoder, no network), read back by Jakarta Mail. */
    static MimeMessage onTheWire(ComposedMail mail) throws Exception {
        String wire = new MailEncoder(mail.toMailMessage(), "gw.test").encode();
        return new MimeMessage(SESSION, new ByteArrayInputStream(wire.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    @DisplayName("a text letter carries our Message-ID, the plus-address Reply-To, both unsubscribe headers and the envelope bounce address")
    void textLetter() throws Exception {
        ComposedMail mail = composer.compose(message("Здравствуйте! Ваш заказ №12345 передан в доставку.", null,
                new EmailContent("Ваш заказ №12345", null, null)), "ivan@customer.example");
        MimeMessage wire = onTheWire(mail);

        assertThat(mail.messageId()).matches("01jh5x9q2m8r4t6v0w3y7z1abc\\.[0-9a-z]{10}@demo\\.ru");
        assertThat(wire.getHeader("Message-ID", null)).isEqualTo("<" + mail.messageId() + ">");
        InternetAddress from = (InternetAddress) wire.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("noreply@demo.ru");
        assertThat(from.getPersonal()).isEqualTo("ООО «Демо»");
        assertThat(wire.getHeader("To", null)).isEqualTo("ivan@customer.example");
        InternetAddress replyTo = (InternetAddress) wire.getReplyTo()[0];
        assertThat(replyTo.getPersonal()).isEqualTo("ООО «Демо»");
        assertThat(tokens.read(replyTo.getAddress())).contains(new Tagged(Purpose.REPLY, mail.messageId()));
        assertThat(tokens.read(mail.envelopeFrom())).contains(new Tagged(Purpose.BOUNCE, mail.messageId()));
        assertThat(wire.getSubject()).isEqualTo("Ваш заказ №12345");
        assertThat(wire.getHeader("Date", null)).isEqualTo("Wed, 15 Jan 2025 14:32:00 +0300");
        assertThat(wire.isMimeType("text/plain")).isTrue();
        assertThat(wire.getContent()).asString().startsWith("Здравствуйте! Ваш заказ №12345 передан в доставку.");

        List<String> links = links(wire.getHeader("List-Unsubscribe", null));
        assertThat(links).hasSize(2);
        URI oneClick = URI.create(links.get(0));
        assertThat(oneClick.getScheme()).isEqualTo("https");
        assertThat(oneClick.getPath()).isEqualTo("/hooks/em/unsubscribe");
        assertThat(unsubscribe.redeem(oneClick.getQuery().substring(2))).contains("ivan@customer.example");
        assertThat(links.get(1)).startsWith("mailto:").endsWith("?subject=unsubscribe");
        assertThat(tokens.read(links.get(1).substring(7, links.get(1).indexOf('?'))))
                .contains(new Tagged(Purpose.UNSUBSCRIBE, mail.messageId()));
        assertThat(wire.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
    }

    @Test
    @DisplayName("every header field of the reference outbound letter is on ours (Return-Path is the receiver's, from our envelope)")
    void sameFieldsAsTheFixture() throws Exception {
        MimeMessage fixture = new MimeMessage(SESSION, new ByteArrayInputStream(Fixtures.bytes("email-outbound.eml")));
        MimeMessage wire = onTheWire(composer.compose(message("Текст", null, null), "ivan@customer.example"));

        List<String> ours = names(wire);
        for (String name : names(fixture)) {
            if (!name.equalsIgnoreCase("Return-Path")) {
                assertThat(ours).as("header %s", name).anyMatch(n -> n.equalsIgnoreCase(name));
            }
        }
    }

    @Test
    @DisplayName("HTML goes as multipart/alternative beside the plain text")
    void htmlLetter() throws Exception {
        MimeMessage wire = onTheWire(composer.compose(message("Долг 1 500 ₽", null,
                new EmailContent("Напоминание", "<p>Долг <b>1 500 ₽</b></p>", null)), "ivan@customer.example"));

        assertThat(wire.isMimeType("multipart/alternative")).isTrue();
        Multipart parts = (Multipart) wire.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(parts.getBodyPart(0).getContent()).asString().startsWith("Долг 1 500 ₽");
        assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
        assertThat(parts.getBodyPart(1).getContent()).asString().contains("<b>1 500 ₽</b>");
    }

    @Test
    @DisplayName("HTML without any text gets a plain part made from it")
    void htmlOnly() {
        ComposedMail mail = composer.compose(message(null, null, new EmailContent(null, "<p>Долг</p><p>1 500 ₽</p>", null)),
                "ivan@customer.example");

        assertThat(mail.text()).isEqualTo("Долг\n\n1 500 ₽");
        assertThat(mail.html()).isEqualTo("<p>Долг</p><p>1 500 ₽</p>");
    }

    @Test
    @DisplayName("a sender name replaces the display name only; the subject falls back to defaultSubject, then the name")
    void senderAndSubject() throws Exception {
        MimeMessage named = onTheWire(composer.compose(message("Текст", "ООО «Коллект»", null), "ivan@customer.example"));
        EmailConfig withDefault = EmailConfig.from("em", EmailConfigTest.parse(
                SECTION.replace("\"replyDomain\"", "\"defaultSubject\": \"Уведомление\", \"replyDomain\"")));
        MimeMessage byDefault = onTheWire(new MimeComposer(withDefault, tokens, unsubscribe, CLOCK)
                .compose(message("Текст", null, null), "ivan@customer.example"));

        assertThat(((InternetAddress) named.getFrom()[0]).getPersonal()).isEqualTo("ООО «Коллект»");
        assertThat(((InternetAddress) named.getFrom()[0]).getAddress()).isEqualTo("noreply@demo.ru");
        assertThat(named.getSubject()).isEqualTo("ООО «Коллект»");
        assertThat(byDefault.getSubject()).isEqualTo("Уведомление");
    }

    @Test
    @DisplayName("without an unsubscribeUrl only the mailto is offered, and no one-click header is sent")
    void mailtoOnly() throws Exception {
        MimeMessage wire = onTheWire(new MimeComposer(config, tokens, null, CLOCK)
                .compose(message("Текст", null, null), "ivan@customer.example"));

        assertThat(links(wire.getHeader("List-Unsubscribe", null))).singleElement().asString().startsWith("mailto:unsubscribe+");
        assertThat(wire.getHeader("List-Unsubscribe-Post")).isNull();
    }

    @Test
    @DisplayName("each attempt gets its own Message-ID")
    void freshIdPerAttempt() {
        OutboundMessage m = message("Текст", null, null);

        assertThat(composer.compose(m, "ivan@customer.example").messageId())
                .isNotEqualTo(composer.compose(m, "ivan@customer.example").messageId());
    }

    @Test
    @DisplayName("a message with neither text nor HTML cannot be composed")
    void empty() {
        assertThatThrownBy(() -> composer.compose(message(" ", null, new EmailContent("Тема", null, null)), "ivan@customer.example"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> links(String header) {
        List<String> links = new ArrayList<>();
        Matcher m = Pattern.compile("<([^>]+)>").matcher(header);
        while (m.find()) {
            links.add(m.group(1));
        }
        return links;
    }

    private static List<String> names(MimeMessage message) throws Exception {
        List<String> names = new ArrayList<>();
        for (Header h : Collections.list(message.getAllHeaders())) {
            names.add(h.getName());
        }
        return names;
    }
}
