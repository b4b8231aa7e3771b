package vestnik.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vestnik.channels.email.MailTokens.Purpose;
import vestnik.channels.spi.InboundEvent;
import vestnik.channels.spi.InboundEvent.InboundMessage;
import vestnik.channels.spi.InboundEvent.OptOut;
import vestnik.channels.spi.InboundEvent.StatusUpdate;
import vestnik.channels.spi.MessageStatus;
import vestnik.channels.testing.Fixtures;

class InboundMailTest {

    private static final Instant NOW = Instant.parse("2025-01-15T12:00:00Z");
    private final MailTokens tokens = new MailTokens("demo.ru", "reply.demo.ru", new Random(3));
    private final InboundMail parser = new InboundMail("em", tokens, Clock.fixed(NOW, ZoneOffset.UTC));
    private final String ours = tokens.newMessageId("01JH5X9Q2M8R4T6V0W3Y7Z1ABC");

    /** A letter from header lines and a body, with CRLF line ends as on the wire. */
    static byte[] letter(String headers, String body) {
        return letter(headers, body, StandardCharsets.UTF_8);
    }

    static byte[] letter(String headers, String body, Charset charset) {
        return (headers.strip().replace("\n", "\r\n") + "\r\n\r\n" + body.replace("\n", "\r\n")).getBytes(charset);
    }

    static String dsn(String to, String action, String status, String diagnostic, String returnedHeaders) {
        return "From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example>\n"
                + "To: <" + to + ">\n"
                + "Date: Wed, 15 Jan 2025 14:32:09 +0300\n"
                + "Message-Id: <dsn-1@mx.example>\n"
                + "Subject: Delivery Status Notification\n"
                + "MIME-Version: 1.0\n"
                + "Auto-Submitted: auto-replied\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\n"
                + "\u0000"
                + "--b1\nContent-Type: text/plain\n\nYour letter is late or lost.\n\n"
                + "--b1\nContent-Type: message/delivery-status\n\n"
                + "Reporting-MTA: dns; mx.example\n\n"
                + "Final-Recipient: rfc822; ivan@customer.example\nAction: " + action + "\nStatus: " + status + "\n"
                + "Diagnostic-Code: smtp; " + diagnostic + "\n\n"
                + (returnedHeaders == null ? "" : "--b1\nContent-Type: text/rfc822-headers\n\n" + returnedHeaders + "\n\n")
                + "--b1--\n";
    }

    static byte[] raw(String dsn) {
        String[] parts = dsn.split("\u0000");
        return letter(parts[0], parts[1]);
    }

    @Test
    @DisplayName("the reply fixture is a debtor's message threaded by In-Reply-To, with the quote cut off")
    void replyFixture() {
        List<InboundEvent> events = parser.parse(Fixtures.bytes("email-reply-inbound.eml"));

        assertThat(events).singleElement().isInstanceOfSatisfying(InboundMessage.class, m -> {
            assertThat(m.channelId()).isEqualTo("em");
            assertThat(m.providerMessageId()).isEqualTo("CAF1xk2=reply-1@mail.customer.example");
            assertThat(m.dedupKey()).isEqualTo("mo:CAF1xk2=reply-1@mail.customer.example");
            assertThat(m.from().email()).isEqualTo("ivan@customer.example");
            assertThat(m.from().displayName()).isEqualTo("Ivan Petrov");
            assertThat(m.to()).isEqualTo("support+t-7f3c2a@shop.example");
            assertThat(m.text()).isEqualTo("Когда привезут?");
            assertThat(m.inReplyToProviderId()).isEqualTo("gw.7f3c2a.1736941920@shop.example");
            assertThat(m.at()).isEqualTo(Instant.parse("2025-01-15T12:01:12Z"));
            assertThat(m.attributes()).containsEntry(InboundMail.THREADED_BY, "in-reply-to")
                    .containsEntry(InboundMail.SUBJECT, "Re: Ваш заказ №12345")
                    .doesNotContainKeys(InboundMail.AUTO_SUBMITTED, InboundMail.ATTACHMENTS);
        });
    }

    @Test
    @DisplayName("the hard-bounce fixture fails the returned message with 5.1.1 and opts the address out")
    void hardBounceFixture() {
        List<InboundEvent> events = parser.parse(Fixtures.bytes("email-dsn-bounce-hard.eml"));

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOfSatisfying(StatusUpdate.class, s -> {
            assertThat(s.providerId()).isEqualTo("gw.7f3c2b.1736941920@shop.example");
            assertThat(s.status()).isEqualTo(MessageStatus.FAILED);
            assertThat(s.errorCode()).isEqualTo("5.1.1");
            assertThat(s.detail()).startsWith("hard bounce 5.1.1: smtp; 550 5.1.1 <n***@customer.example>")
                    .doesNotContain("nobody");
            assertThat(s.at()).isEqualTo(Instant.parse("2025-01-15T11:32:09Z"));
        });
        assertThat(events.get(1)).isInstanceOfSatisfying(OptOut.class, o -> {
            assertThat(o.who().email()).isEqualTo("nobody@customer.example");
            assertThat(o.reason()).isEqualTo("hard bounce 5.1.1");
        });
    }

    @Test
    @DisplayName("a reply to our Reply-To is threaded by the plus-token even when In-Reply-To names something else")
    void threadedByToken() {
        byte[] reply = letter("""
                From: =?UTF-8?B?0JjQstCw0L0g0J/QtdGC0YDQvtCy?= <Ivan@Customer.Example>
                To: "ООО «Демо»" <%s>
                Subject: Re: =?UTF-8?B?0JTQvtC70LM=?=
                Message-ID: <reply-2@customer.example>
                In-Reply-To: <somebody-else@elsewhere.example>
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: 8bit
                """.formatted(tokens.address(Purpose.REPLY, ours)), "Оплачу завтра\n");

        InboundMessage m = (InboundMessage) parser.parse(reply).get(0);

        assertThat(m.inReplyToProviderId()).isEqualTo(ours);
        assertThat(m.attributes()).containsEntry(InboundMail.THREADED_BY, "token").containsEntry(InboundMail.SUBJECT, "Re: Долг");
        assertThat(m.from().email()).isEqualTo("ivan@customer.example");
        assertThat(m.from().displayName()).isEqualTo("Иван Петров");
        assertThat(m.text()).isEqualTo("Оплачу завтра");
        assertThat(m.at()).isEqualTo(NOW);
    }

    @Test
    @DisplayName("the envelope's Delivered-To is read first: a client that wrote to another address still threads")
    void deliveredTo() {
        byte[] reply = letter("""
                Delivered-To: %s
                From: ivan@customer.example
                To: support@demo.ru
                Message-ID: <reply-3@customer.example>
                Content-Type: text/plain; charset=UTF-8
                """.formatted(tokens.address(Purpose.REPLY, ours)), "Да\n");

        assertThat(((InboundMessage) parser.parse(reply).get(0)).inReplyToProviderId()).isEqualTo(ours);
    }

    @Test
    @DisplayName("without a token or In-Reply-To, the last of References names the parent")
    void references() {
        byte[] reply = letter("""
                From: ivan@customer.example
                To: support@demo.ru
                Message-ID: <reply-4@customer.example>
                References: <first@demo.ru>
                 <parent@demo.ru>
                Content-Type: text/plain; charset=UTF-8
                """, "Да\n");

        InboundMessage m = (InboundMessage) parser.parse(reply).get(0);

        assertThat(m.inReplyToProviderId()).isEqualTo("parent@demo.ru");
        assertThat(m.attributes()).containsEntry(InboundMail.THREADED_BY, "references");
    }

    @Test
    @DisplayName("a fresh letter with nothing to thread by is still a message, and without a Message-ID its dedup key is stable")
    void unthreaded() {
        byte[] fresh = letter("""
                From: ivan@customer.example
                To: support@demo.ru
                Date: Wed, 15 Jan 2025 15:01:12 +0300
                Content-Type: text/plain; charset=UTF-8
                """, "Здравствуйте\n");

        InboundMessage m = (InboundMessage) parser.parse(fresh).get(0);

        assertThat(m.inReplyToProviderId()).isNull();
        assertThat(m.attributes()).doesNotContainKey(InboundMail.THREADED_BY);
        assertThat(m.dedupKey()).isEqualTo(((InboundMessage) parser.parse(fresh).get(0)).dedupKey());
    }

    @Test
    @DisplayName("a letter to the mailto of List-Unsubscribe opts its sender out")
    void mailtoUnsubscribe() {
        byte[] request = letter("""
                From: Ivan Petrov <IVAN@customer.example>
                To: %s
                Subject: unsubscribe
                Message-ID: <unsub-1@customer.example>
                Content-Type: text/plain
                """.formatted(tokens.address(Purpose.UNSUBSCRIBE, ours)), "\n");

        assertThat(parser.parse(request)).singleElement().isInstanceOfSatisfying(OptOut.class, o -> {
            assertThat(o.who().email()).isEqualTo("ivan@customer.example");
            assertThat(o.reason()).isEqualTo("list-unsubscribe mailto");
            assertThat(o.channelId()).isEqualTo("em");
        });
    }

    @Test
    @DisplayName("a DSN sent to our bounce address names the message by its token, even without returned headers")
    void bounceByToken() {
        String to = tokens.address(Purpose.BOUNCE, ours);

        List<InboundEvent> events = parser.parse(raw(dsn(to, "failed", "5.1.1",
                "550 5.1.1 <ivan@customer.example>: User unknown", null)));

        assertThat(events).hasSize(2);
        assertThat(((StatusUpdate) events.get(0)).providerId()).isEqualTo(ours);
        assertThat(((OptOut) events.get(1)).who().email()).isEqualTo("ivan@customer.example");
    }

    @Test
    @DisplayName("a soft bounce (delayed, 4.4.7) records the delay on the still-sent message and opts nobody out")
    void softBounce() {
        String to = tokens.address(Purpose.BOUNCE, ours);

        List<InboundEvent> events = parser.parse(raw(dsn(to, "delayed", "4.4.7", "421 4.4.7 try again later", null)));

        assertThat(events).singleElement().isInstanceOfSatisfying(StatusUpdate.class, s -> {
            assertThat(s.status()).isEqualTo(MessageStatus.SENT);
            assertThat(s.errorCode()).isEqualTo("4.4.7");
            assertThat(s.detail()).startsWith("soft bounce, delivery delayed 4.4.7");
        });
    }

    @Test
    @DisplayName("a relay that gave up after retries (failed, 4.0.0) fails the message but keeps the address")
    void failedAfterRetries() {
        String body = Fixtures.text("email-dsn-rfc3464-simple-delivery-status.txt");
        String letter = "From: MAILER-DAEMON@mta.example.org\nTo: " + tokens.address(Purpose.BOUNCE, ours) + "\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b2\"\n\u0000"
                + "--b2\nContent-Type: text/plain\n\nGave up.\n\n--b2\nContent-Type: message/delivery-status\n\n"
                + body.replace("\r\n", "\n") + "\n--b2--\n";

        List<InboundEvent> events = parser.parse(raw(letter));

        assertThat(events).singleElement().isInstanceOfSatisfying(StatusUpdate.class, s -> {
            assertThat(s.status()).isEqualTo(MessageStatus.FAILED);
            assertThat(s.errorCode()).isEqualTo("4.0.0");
            assertThat(s.detail()).startsWith("bounced after the relay's retries 4.0.0: smtp; 426 connection timed out");
        });
    }

    @Test
    @DisplayName("a policy refusal (5.7.1) fails the message but does not opt the address out: it blames our letter")
    void policyBounce() {
        List<InboundEvent> events = parser.parse(raw(dsn("noreply@demo.ru", "failed", "5.7.1",
                "550 5.7.1 Message rejected as spam", "Message-ID: <" + ours + ">")));

        assertThat(events).singleElement().isInstanceOfSatisfying(StatusUpdate.class, s -> {
            assertThat(s.providerId()).isEqualTo(ours);
            assertThat(s.status()).isEqualTo(MessageStatus.FAILED);
            assertThat(s.errorCode()).isEqualTo("5.7.1");
        });
    }

    @Test
    @DisplayName("a DSN that names no message of ours, and a non-DSN letter to the bounce address, give nothing")
    void nothingToCorrelate() {
        assertThat(parser.parse(raw(dsn("noreply@demo.ru", "failed", "5.1.1", "550 5.1.1 unknown", null)))).isEmpty();
        byte[] vacation = letter("""
                From: ivan@customer.example
                To: %s
                Auto-Submitted: auto-replied
                Subject: Out of office
                Content-Type: text/plain
                """.formatted(tokens.address(Purpose.BOUNCE, ours)), "I am away until Monday.\n");
        assertThat(parser.parse(vacation)).isEmpty();
    }

    @Test
    @DisplayName("an HTML-only reply is read as text without its Gmail quote")
    void htmlOnly() {
        byte[] reply = letter("""
                From: ivan@customer.example
                To: support@demo.ru
                In-Reply-To: <parent@demo.ru>
                Content-Type: text/html; charset=UTF-8
                """, "<div dir=\"ltr\">Оплатил&nbsp;вчера<br>Иван</div><br><div class=\"gmail_quote\">"
                + "<div class=\"gmail_attr\">ср, 15 янв. 2025 г. в 14:32, ООО «Демо» &lt;noreply@demo.ru&gt;:</div>"
                + "<blockquote>Здравствуйте!</blockquote></div>\n");

        assertThat(((InboundMessage) parser.parse(reply).get(0)).text()).isEqualTo("Оплатил вчера\nИван");
    }

    @Test
    @DisplayName("multipart: the plain alternative is read, a photo of a receipt is counted, and an auto-reply is marked")
    void multipart() {
        byte[] reply = letter("""
                From: ivan@customer.example
                To: support@demo.ru
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="m1"
                """, """
                --m1
                Content-Type: multipart/alternative; boundary="a1"

                --a1
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: quoted-printable

                =D0=A7=D0=B5=D0=BA =D0=B2=D0=BE =D0=B2=D0=BB=D0=BE=D0=B6=D0=B5=D0=BD=D0=B8=D0=B8
                --a1
                Content-Type: text/html; charset=UTF-8

                <p>HTML</p>
                --a1--
                --m1
                Content-Type: image/jpeg; name="check.jpg"
                Content-Disposition: attachment; filename="check.jpg"
                Content-Transfer-Encoding: base64

                /9j/4AAQ
                --m1--
                """);

        InboundMessage m = (InboundMessage) parser.parse(reply).get(0);

        assertThat(m.text()).isEqualTo("Чек во вложении");
        assertThat(m.attributes()).containsEntry(InboundMail.ATTACHMENTS, "1")
                .containsEntry(InboundMail.AUTO_SUBMITTED, "auto-replied");
    }

    @Test
    @DisplayName("a letter in windows-1251 is decoded by its declared charset")
    void cyrillicCharset() {
        byte[] reply = letter("""
                From: ivan@customer.example
                To: support@demo.ru
                Content-Type: text/plain; charset=windows-1251
                Content-Transfer-Encoding: 8bit
                """, "Оплачу в пятницу\n", Charset.forName("windows-1251"));

        assertThat(((InboundMessage) parser.parse(reply).get(0)).text()).isEqualTo("Оплачу в пятницу");
    }

    @Test
    @DisplayName("a report or a multipart without a boundary is refused as unreadable, not thrown as something else")
    void brokenMultipart() {
        byte[] broken = letter("""
                From: MAILER-DAEMON@mx.example
                To: support@demo.ru
                Content-Type: multipart/report; report-type=delivery-status
                """, "no parts here\n");

        assertThatThrownBy(() -> parser.parse(broken)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("bytes that are not a letter are refused")
    void notALetter() {
        assertThatThrownBy(() -> parser.parse("hello, this is not mail".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
