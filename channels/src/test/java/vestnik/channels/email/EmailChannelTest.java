package vestnik.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.mail.Flags;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vestnik.channels.ChannelRegistry;
import vestnik.channels.spi.ErrorClass;
import vestnik.channels.spi.FailureCodes;
import vestnik.channels.spi.InboundEvent;
import vestnik.channels.spi.InboundEvent.InboundMessage;
import vestnik.channels.spi.InboundEvent.OptOut;
import vestnik.channels.spi.InboundEvent.StatusUpdate;
import vestnik.channels.spi.InboundSink;
import vestnik.channels.spi.MessageStatus;
import vestnik.channels.spi.OutboundMessage;
import vestnik.channels.spi.Recipient;
import vestnik.channels.spi.SendResult;
import vestnik.channels.spi.SendResult.Accepted;
import vestnik.channels.spi.SendResult.Failed;
import vestnik.channels.testing.Fixtures;

/** The channel against GreenMail (SMTP and IMAP) and a scripted SMTP peer, all on loopback. */
class EmailChannelTest {

    private static final String REPLY_LOGIN = "reply";
    private static final String REPLY_PASSWORD = "imap-password";
    private static final String TOKEN_SECRET = "0123456789abcdef-token-secret";
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Session SESSION = Session.getInstance(new Properties());

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withPerMethodLifecycle(false);

    private static Vertx vertx;
    private final List<InboundEvent> stored = new CopyOnWriteArrayList<>();
    private GreenMailUser replyMailbox;
    private EmailChannel channel;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close().await();
    }

    @BeforeEach
    void freshMailboxes() throws Exception {
        MAIL.purgeEmailFromAllMailboxes();
        replyMailbox = MAIL.setUser("reply@reply.demo.ru", REPLY_LOGIN, REPLY_PASSWORD);
    }

    @AfterEach
    void stopChannel() throws Exception {
        if (channel != null) {
            done(channel.stop());
        }
    }

    private static <T> T done(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static EmailChannel create(int smtpPort, String extra) {
        return create(smtpPort, extra, "");
    }

    private static EmailChannel create(int smtpPort, String extra, String topLevel) {
        String section = """
                { "type": "email",
                  "smtp": { "host": "127.0.0.1", "port": %d, "tls": "none", "connectTimeout": "2s", "sendTimeout": "1s" %s },
                  "from": "ООО «Демо» <noreply@demo.ru>", "replyDomain": "reply.demo.ru",
                  "unsubscribeUrl": "https://gw.example/hooks/em/unsubscribe", "tokenSecret": "%s",
                  "imap": { "host": "127.0.0.1", "port": %d, "tls": "none", "username": "%s", "password": "%s",
                            "pollInterval": "100ms", "timeout": "2s" } %s }"""
                .formatted(smtpPort, extra, TOKEN_SECRET, MAIL.getImap().getPort(), REPLY_LOGIN, REPLY_PASSWORD, topLevel);
        return (EmailChannel) ChannelRegistry.builtIn().create("em", EmailConfigTest.parse(section), vertx,
                new SimpleMeterRegistry());
    }

    private void start(InboundSink sink) throws Exception {
        channel = create(MAIL.getSmtp().getPort(), "");
        done(channel.start(sink));
    }

    private void startStoring() throws Exception {
        start(event -> {
            stored.add(event);
            return Future.succeededFuture();
        });
    }

    private static OutboundMessage message(String email, EmailContent content) {
        return new OutboundMessage("01JH5X9Q2M8R4T6V0W3Y7Z1ABC", "tenant-1", new Recipient(null, email, null, "contact-1"),
                "Здравствуйте! Ваш заказ №12345 передан в доставку.", null, content, null, 1, Map.of());
    }

    /** Puts a letter into the polled mailbox, as the reply domain's MX would. */
    private void deliverToReplyMailbox(byte[] raw) throws Exception {
        replyMailbox.deliver(new MimeMessage(SESSION, new ByteArrayInputStream(raw)));
    }

    private List<StoredMessage> replyInbox() throws Exception {
        return MAIL.getManagers().getImapHostManager().getInbox(replyMailbox).getMessages();
    }

    private String sendOne() throws Exception {
        SendResult result = done(channel.send(message("ivan@customer.example", null)));
        assertThat(result).isInstanceOf(Accepted.class);
        return ((Accepted) result).providerId();
    }

    @Test
    @DisplayName("a letter reaches the SMTP server with our Message-ID, both parts, the Reply-To token and both unsubscribe headers")
    void sends() throws Exception {
        startStoring();

        SendResult result = done(channel.send(message("ivan@customer.example",
                new EmailContent("Ваш заказ №12345", "<p>Здравствуйте! Ваш заказ <b>№12345</b> передан в доставку.</p>", null))));

        assertThat(result).isInstanceOf(Accepted.class);
        String providerId = ((Accepted) result).providerId();
        assertThat(providerId).matches("01jh5x9q2m8r4t6v0w3y7z1abc\\.[0-9a-z]{10}@demo\\.ru");
        assertThat(MAIL.waitForIncomingEmail(WAIT.toMillis(), 1)).isTrue();
        MimeMessage wire = MAIL.getReceivedMessagesForDomain("customer.example")[0];
        assertThat(wire.getHeader("Message-ID", null)).isEqualTo("<" + providerId + ">");
        assertThat(wire.getSubject()).isEqualTo("Ваш заказ №12345");
        assertThat(((InternetAddress) wire.getFrom()[0]).getPersonal()).isEqualTo("ООО «Демо»");
        assertThat(((InternetAddress) wire.getFrom()[0]).getAddress()).isEqualTo("noreply@demo.ru");
        assertThat(((InternetAddress) wire.getReplyTo()[0]).getAddress())
                .isEqualTo("reply+" + providerId.substring(0, providerId.indexOf('@')) + "@reply.demo.ru");
        assertThat(wire.getHeader("Return-Path", null))
                .isEqualTo("<bounce+" + providerId.substring(0, providerId.indexOf('@')) + "@reply.demo.ru>");
        assertThat(wire.getHeader("List-Unsubscribe", null)).matches(
                "(?s)<https://gw\\.example/hooks/em/unsubscribe\\?t=[A-Za-z0-9_-]+>,\\s+<mailto:unsubscribe\\+[a-z0-9.-]+@reply\\.demo\\.ru\\?subject=unsubscribe>");
        assertThat(wire.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(wire.isMimeType("multipart/alternative")).isTrue();
        Multipart parts = (Multipart) wire.getContent();
        assertThat(parts.getBodyPart(0).getContent()).asString().startsWith("Здравствуйте! Ваш заказ №12345");
        assertThat(parts.getBodyPart(1).getContent()).asString().contains("<b>№12345</b>");
    }

    @Test
    @DisplayName("with a DKIM key configured, the letter carries a signature over both List-Unsubscribe fields that verifies")
    void dkimSigned() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair key = generator.generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        String section = ", \"dkim\": { \"selector\": \"vestnik\", \"privateKey\": \"" + pem.replace("\n", "\\n") + "\" }";
        channel = create(MAIL.getSmtp().getPort(), "", section);
        done(channel.start(event -> Future.succeededFuture()));

        assertThat(done(channel.send(message("ivan@customer.example", new EmailContent("Ваш заказ №12345",
                "<p>Здравствуйте!</p>", null))))).isInstanceOf(Accepted.class);

        assertThat(MAIL.waitForIncomingEmail(WAIT.toMillis(), 1)).isTrue();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        MAIL.getReceivedMessagesForDomain("customer.example")[0].writeTo(raw);
        MimeMessage wire = MAIL.getReceivedMessagesForDomain("customer.example")[0];
        Map<String, String> tags = DkimVerifier.tags(wire.getHeader("DKIM-Signature", null));
        assertThat(tags).containsEntry("d", "demo.ru").containsEntry("s", "vestnik").containsEntry("a", "rsa-sha256");
        assertThat(tags.get("h").toLowerCase()).contains("list-unsubscribe:list-unsubscribe-post");
        assertThat(DkimVerifier.verify(raw.toByteArray(), key.getPublic())).isTrue();
        byte[] tampered = raw.toString(StandardCharsets.ISO_8859_1).replace("List-Unsubscribe=One-Click", "List-Unsubscribe=Two-Clicks")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(DkimVerifier.verify(tampered, key.getPublic())).isFalse();
    }

    @Test
    @DisplayName("a reply in the IMAP mailbox is picked up, threaded to the original by its token, and only then marked read")
    void replyThroughImap() throws Exception {
        startStoring();
        String providerId = sendOne();
        String token = providerId.substring(0, providerId.indexOf('@'));

        deliverToReplyMailbox(InboundMailTest.letter("""
                From: Ivan Petrov <ivan@customer.example>
                To: "ООО «Демо»" <reply+%s@reply.demo.ru>
                Subject: Re: =?UTF-8?B?0JLQsNGIINC30LDQutCw0Lcg4oSWMTIzNDU=?=
                Date: Wed, 15 Jan 2025 15:01:12 +0300
                Message-ID: <reply-1@mail.customer.example>
                In-Reply-To: <%s>
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: 8bit
                """.formatted(token, providerId), "Когда привезут?\n\n> Здравствуйте! Ваш заказ №12345 передан в доставку.\n"));

        await().atMost(WAIT).until(() -> !stored.isEmpty());
        assertThat(stored).singleElement().isInstanceOfSatisfying(InboundMessage.class, m -> {
            assertThat(m.inReplyToProviderId()).isEqualTo(providerId);
            assertThat(m.text()).isEqualTo("Когда привезут?");
            assertThat(m.from().email()).isEqualTo("ivan@customer.example");
            assertThat(m.providerMessageId()).isEqualTo("reply-1@mail.customer.example");
        });
        await().atMost(WAIT).until(() -> replyInbox().get(0).isSet(Flags.Flag.SEEN));
    }

    @Test
    @DisplayName("a hard bounce in the mailbox fails the original with 5.1.1 and opts the address out")
    void hardBounceThroughImap() throws Exception {
        startStoring();
        String providerId = sendOne();
        String bounceAddress = "bounce+" + providerId.substring(0, providerId.indexOf('@')) + "@reply.demo.ru";

        deliverToReplyMailbox(Fixtures.text("email-dsn-bounce-hard.eml")
                .replace("bounce+c7f3a2@mail.shop.example", bounceAddress)
                .replace("gw.7f3c2b.1736941920@shop.example", providerId)
                .getBytes(StandardCharsets.UTF_8));

        await().atMost(WAIT).until(() -> stored.size() == 2);
        assertThat(stored.get(0)).isInstanceOfSatisfying(StatusUpdate.class, s -> {
            assertThat(s.providerId()).isEqualTo(providerId);
            assertThat(s.status()).isEqualTo(MessageStatus.FAILED);
            assertThat(s.errorCode()).isEqualTo("5.1.1");
        });
        assertThat(stored.get(1)).isInstanceOfSatisfying(OptOut.class,
                o -> assertThat(o.who().email()).isEqualTo("nobody@customer.example"));
        await().atMost(WAIT).until(() -> replyInbox().get(0).isSet(Flags.Flag.SEEN));
    }

    @Test
    @DisplayName("a soft bounce in the mailbox records the delay on the sent message and opts nobody out")
    void softBounceThroughImap() throws Exception {
        startStoring();
        String providerId = sendOne();
        String bounceAddress = "bounce+" + providerId.substring(0, providerId.indexOf('@')) + "@reply.demo.ru";

        deliverToReplyMailbox(InboundMailTest.raw(InboundMailTest.dsn(bounceAddress, "delayed", "4.4.7",
                "421 4.4.7 mailbox temporarily unavailable", "Message-ID: <" + providerId + ">")));

        await().atMost(WAIT).until(() -> !stored.isEmpty());
        assertThat(stored).singleElement().isInstanceOfSatisfying(StatusUpdate.class, s -> {
            assertThat(s.providerId()).isEqualTo(providerId);
            assertThat(s.status()).isEqualTo(MessageStatus.SENT);
            assertThat(s.errorCode()).isEqualTo("4.4.7");
        });
    }

    @Test
    @DisplayName("a letter whose events the sink could not store stays unread and is read again by the next poll")
    void unreadUntilStored() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        start(event -> {
            if (attempts.incrementAndGet() == 1) {
                return Future.failedFuture(new IllegalStateException("redis is down"));
            }
            stored.add(event);
            return Future.succeededFuture();
        });

        deliverToReplyMailbox(Fixtures.bytes("email-reply-inbound.eml"));

        await().atMost(WAIT).until(() -> stored.size() == 1);
        assertThat(attempts.get()).isEqualTo(2);
        await().atMost(WAIT).until(() -> replyInbox().get(0).isSet(Flags.Flag.SEEN));
    }

    @Test
    @DisplayName("once stopped, the poller reads nothing more: a letter that arrives later stays unread")
    void stopsPolling() throws Exception {
        startStoring();
        deliverToReplyMailbox(Fixtures.bytes("email-reply-inbound.eml"));
        await().atMost(WAIT).until(() -> stored.size() == 1);

        done(channel.stop());
        channel = null;
        deliverToReplyMailbox(Fixtures.bytes("email-reply-inbound.eml"));

        await().during(Duration.ofMillis(400)).atMost(WAIT)
                .until(() -> stored.size() == 1 && !replyInbox().get(1).isSet(Flags.Flag.SEEN));
    }

    @Test
    @DisplayName("an SMTP 550 5.1.1 for the recipient is a permanent recipient failure, after a real RCPT TO")
    void refusedRecipient() throws Exception {
        ScriptedSmtpServer smtp = new ScriptedSmtpServer(vertx)
                .answer("RCPT", "550 5.1.1 <ivan@customer.example>: Recipient address rejected: User unknown");
        channel = create(smtp.start(), "");
        try {
            done(channel.start(event -> Future.succeededFuture()));

            SendResult result = done(channel.send(message("ivan@customer.example", null)));

            assertThat(result).isInstanceOfSatisfying(Failed.class, f -> {
                assertThat(f.errorClass()).isEqualTo(ErrorClass.PERMANENT_RECIPIENT);
                assertThat(f.code()).isEqualTo(FailureCodes.INVALID_RECIPIENT);
                assertThat(f.providerCode()).isEqualTo("550 5.1.1");
            });
            assertThat(smtp.commands).anyMatch(c -> c.matches("(?i)RCPT TO:\\s*<ivan@customer\\.example>"));
            assertThat(smtp.commands).anyMatch(c -> c.matches("(?i)MAIL FROM:\\s*<bounce\\+[a-z0-9.-]+@reply\\.demo\\.ru>.*"));
            assertThat(channel.isReady()).isTrue();
        } finally {
            smtp.stop();
        }
    }

    @Test
    @DisplayName("a 451 greylisting answer is transient: the same message may go again")
    void greylisted() throws Exception {
        ScriptedSmtpServer smtp = new ScriptedSmtpServer(vertx).answer("RCPT", "451 4.7.1 Greylisted, try again later");
        channel = create(smtp.start(), "");
        try {
            done(channel.start(event -> Future.succeededFuture()));

            SendResult result = done(channel.send(message("ivan@customer.example", null)));

            assertThat(result).isInstanceOfSatisfying(Failed.class, f -> {
                assertThat(f.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
                assertThat(f.providerCode()).isEqualTo("451 4.7.1");
            });
        } finally {
            smtp.stop();
        }
    }

    @Test
    @DisplayName("refused credentials (535 5.7.8) are a configuration failure and the channel reports itself not ready")
    void refusedCredentials() throws Exception {
        ScriptedSmtpServer smtp = new ScriptedSmtpServer(vertx).answer("AUTH", "535 5.7.8 Authentication credentials invalid");
        channel = create(smtp.start(), ", \"username\": \"robot\", \"password\": \"wrong\"");
        try {
            done(channel.start(event -> Future.succeededFuture()));

            SendResult result = done(channel.send(message("ivan@customer.example", null)));

            assertThat(result).isInstanceOfSatisfying(Failed.class, f -> {
                assertThat(f.errorClass()).isEqualTo(ErrorClass.PERMANENT_CONFIG);
                assertThat(f.code()).isEqualTo(FailureCodes.BAD_CONFIGURATION);
            });
            assertThat(smtp.commands).anyMatch(c -> c.startsWith("AUTH "));
            assertThat(channel.isReady()).isFalse();
        } finally {
            smtp.stop();
        }
    }

    @Test
    @DisplayName("a recipient without an e-mail address fails at once, without a connection")
    void noAddress() throws Exception {
        ScriptedSmtpServer smtp = new ScriptedSmtpServer(vertx);
        channel = create(smtp.start(), "");
        try {
            done(channel.start(event -> Future.succeededFuture()));

            SendResult none = done(channel.send(message(null, null)));
            SendResult broken = done(channel.send(message("ivan at customer.example", null)));

            assertThat(none).isInstanceOfSatisfying(Failed.class, f -> {
                assertThat(f.errorClass()).isEqualTo(ErrorClass.PERMANENT_RECIPIENT);
                assertThat(f.code()).isEqualTo(FailureCodes.INVALID_RECIPIENT);
            });
            assertThat(broken).isEqualTo(none);
            assertThat(smtp.connections.get()).isZero();
        } finally {
            smtp.stop();
        }
    }

    @Test
    @DisplayName("a server that falls silent after the letter's data is a transient failure after sendTimeout")
    void silentServer() throws Exception {
        ScriptedSmtpServer smtp = new ScriptedSmtpServer(vertx).answer(".", ScriptedSmtpServer.SILENCE);
        channel = create(smtp.start(), "");
        try {
            done(channel.start(event -> Future.succeededFuture()));
            long started = System.nanoTime();

            SendResult result = done(channel.send(message("ivan@customer.example", null)));

            assertThat(result).isInstanceOfSatisfying(Failed.class, f -> {
                assertThat(f.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
                assertThat(f.code()).isEqualTo(FailureCodes.PROVIDER_UNAVAILABLE);
            });
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(WAIT);
            assertThat(smtp.commands).contains(".");
        } finally {
            smtp.stop();
        }
    }

    @Test
    @DisplayName("a server that refuses the connection is a transient failure")
    void connectionRefused() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        channel = create(closedPort, "");
        done(channel.start(event -> Future.succeededFuture()));

        SendResult result = done(channel.send(message("ivan@customer.example", null)));

        assertThat(result).isInstanceOfSatisfying(Failed.class, f -> {
            assertThat(f.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
            assertThat(f.code()).isEqualTo(FailureCodes.PROVIDER_UNAVAILABLE);
        });
    }
}
