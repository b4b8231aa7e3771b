package vestnik.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.StartTLSOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vestnik.channels.ChannelRegistry;
import vestnik.channels.spi.Channel;
import vestnik.channels.spi.ChannelType;

class EmailConfigTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ISSUE_SECTION = """
            { "type": "email", "smtp": { "host": "127.0.0.1", "port": 2525, "tls": "none", "username": null, "password": null },
              "from": "ООО «Демо» <noreply@demo.ru>", "replyDomain": "reply.demo.ru" }""";

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @DisplayName("the section from the issue reads, with no unsubscribe link, no pushed mail and no IMAP")
    void issueSection() {
        EmailConfig c = EmailConfig.from("em", parse(ISSUE_SECTION));

        assertThat(c.smtp().host()).isEqualTo("127.0.0.1");
        assertThat(c.smtp().port()).isEqualTo(2525);
        assertThat(c.smtp().tls()).isEqualTo(EmailConfig.Tls.NONE);
        assertThat(c.smtp().username()).isNull();
        assertThat(c.smtp().poolSize()).isEqualTo(EmailConfig.DEFAULT_POOL_SIZE);
        assertThat(c.smtp().sendTimeout()).isEqualTo(EmailConfig.DEFAULT_SEND_TIMEOUT);
        assertThat(c.fromAddress()).isEqualTo("noreply@demo.ru");
        assertThat(c.fromName()).isEqualTo("ООО «Демо»");
        assertThat(c.fromDomain()).isEqualTo("demo.ru");
        assertThat(c.replyDomain()).isEqualTo("reply.demo.ru");
        assertThat(c.unsubscribeUrl()).isNull();
        assertThat(c.webhookSecret()).isNull();
        assertThat(c.imap()).isNull();
        assertThat(c.rate()).isNull();
    }

    @Test
    @DisplayName("every optional key can be set; ports default by the kind of TLS")
    void everything() {
        EmailConfig c = EmailConfig.from("em", parse("""
                { "type": "email",
                  "smtp": { "host": "smtp.demo.ru", "tls": "STARTTLS", "username": "robot", "password": "pw",
                            "poolSize": 4, "connectTimeout": "2s", "sendTimeout": "500ms" },
                  "from": "noreply@demo.ru", "replyDomain": "Reply.Demo.RU", "defaultSubject": " Уведомление ",
                  "unsubscribeUrl": "https://gw.example/hooks/em/unsubscribe", "tokenSecret": "0123456789abcdef-token",
                  "webhookSecret": "0123456789abcdef-hook",
                  "imap": { "host": "imap.demo.ru", "tls": "tls", "username": "reply@reply.demo.ru", "password": "pw",
                            "pollInterval": "100ms" },
                  "rate": 20 }"""));

        assertThat(c.smtp().port()).isEqualTo(587);
        assertThat(c.smtp().tls()).isEqualTo(EmailConfig.Tls.STARTTLS);
        assertThat(c.smtp().poolSize()).isEqualTo(4);
        assertThat(c.smtp().connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.smtp().sendTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.fromName()).isNull();
        assertThat(c.replyDomain()).isEqualTo("reply.demo.ru");
        assertThat(c.defaultSubject()).isEqualTo("Уведомление");
        assertThat(c.unsubscribeUrl()).isEqualTo("https://gw.example/hooks/em/unsubscribe");
        assertThat(c.imap().port()).isEqualTo(993);
        assertThat(c.imap().folder()).isEqualTo("INBOX");
        assertThat(c.imap().pollInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(c.imap().timeout()).isEqualTo(EmailConfig.DEFAULT_IMAP_TIMEOUT);
        assertThat(c.rate()).isEqualTo(20.0);
        assertThat(c.toString()).doesNotContain("0123456789abcdef", "pw,");
    }

    @ParameterizedTest(name = "{0} -> names {1}")
    @DisplayName("a wrong section is refused with the key that is wrong")
    @CsvSource(delimiter = '|', value = {
            "{\"type\":\"email\",\"from\":\"a@demo.ru\",\"replyDomain\":\"r.demo.ru\"}                                  | channels.em.smtp",
            "{\"type\":\"email\",\"smtp\":{},\"from\":\"a@demo.ru\",\"replyDomain\":\"r.demo.ru\"}                      | channels.em.smtp.host",
            "{\"type\":\"email\",\"smtp\":{\"host\":\"h\",\"tls\":\"ssl\"},\"from\":\"a@demo.ru\",\"replyDomain\":\"r.demo.ru\"} | channels.em.smtp.tls",
            "{\"type\":\"email\",\"smtp\":{\"host\":\"h\",\"port\":70000},\"from\":\"a@demo.ru\",\"replyDomain\":\"r.demo.ru\"} | channels.em.smtp.port",
            "{\"type\":\"email\",\"smtp\":{\"host\":\"h\",\"username\":\"u\"},\"from\":\"a@demo.ru\",\"replyDomain\":\"r.demo.ru\"} | channels.em.smtp.password",
            "{\"type\":\"email\",\"smtp\":{\"host\":\"h\",\"hots\":\"x\"},\"from\":\"a@demo.ru\",\"replyDomain\":\"r.demo.ru\"} | channels.em.smtp.hots",
            "{\"type\":\"email\",\"smtp\":{\"host\":\"h\"},\"replyDomain\":\"r.demo.ru\"}                               | channels.em.from",
            "{\"type\":\"email\",\"smtp\":{\"host\":\"h\"},\"from\":\"not an address\",\"replyDomain\":\"r.demo.ru\"}    | channels.em.from",
            "{\"type\":\"email\",\"smtp\":{\"host\":\"h\"},\"from\":\"a@demo.ru\"}                                      | channels.em.replyDomain",
            "{\"type\":\"email\",\"smtp\":{\"host\":\"h\"},\"from\":\"a@demo.ru\",\"replyDomain\":\"r demo\"}           | channels.em.replyDomain",
            "{\"type\":\"email\",\"smtp\":{\"host\":\"h\"},\"from\":\"a@demo.ru\",\"replyDomain\":\"r.demo.ru\",\"unsubscribeUrl\":\"http://gw/u\",\"tokenSecret\":\"0123456789abcdef\"} | channels.em.unsubscribeUrl",
            "{\"type\":\"email\",\"smtp\":{\"host\":\"h\"},\"from\":\"a@demo.ru\",\"replyDomain\":\"r.demo.ru\",\"unsubscribeUrl\":\"https://gw/u\"} | channels.em.tokenSecret",
            "{\"type\":\"email\",\"smtp\":{\"host\":\"h\"},\"from\":\"a@demo.ru\",\"replyDomain\":\"r.demo.ru\",\"webhookSecret\":\"short\"} | channels.em.webhookSecret",
            "{\"type\":\"email\",\"smtp\":{\"host\":\"h\"},\"from\":\"a@demo.ru\",\"replyDomain\":\"r.demo.ru\",\"imap\":{\"host\":\"i\"}} | channels.em.imap.username",
            "{\"type\":\"email\",\"smtp\":{\"host\":\"h\"},\"from\":\"a@demo.ru\",\"replyDomain\":\"r.demo.ru\",\"imap\":{\"host\":\"i\",\"username\":\"u\",\"password\":\"p\",\"pollInterval\":\"often\"}} | channels.em.imap.pollInterval",
            "{\"type\":\"email\",\"smtp\":{\"host\":\"h\"},\"from\":\"a@demo.ru\",\"replyDomain\":\"r.demo.ru\",\"rate\":0} | channels.em.rate",
            "{\"type\":\"email\",\"smtp\":{\"host\":\"h\"},\"from\":\"a@demo.ru\",\"replyDomain\":\"r.demo.ru\",\"dkim\":{\"privateKey\":\"AAAA\"}} | channels.em.dkim.selector",
            "{\"type\":\"email\",\"smtp\":{\"host\":\"h\"},\"from\":\"a@demo.ru\",\"replyDomain\":\"r.demo.ru\",\"dkim\":{\"selector\":\"s1\",\"privateKey\":\"AAAA\"}} | channels.em.dkim.privateKey",
    })
    void refused(String section, String key) {
        assertThatThrownBy(() -> EmailConfig.from("em", parse(section)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(key + " ");
    }

    @Test
    @DisplayName("STARTTLS is required (not merely tried), TLS checks the host name, and a username turns AUTH on")
    void mailClientSettings() {
        EmailConfig.Smtp starttls = EmailConfig.from("em", parse("""
                { "type": "email", "smtp": { "host": "smtp.demo.ru", "tls": "starttls", "username": "robot", "password": "pw" },
                  "from": "noreply@demo.ru", "replyDomain": "reply.demo.ru" }""")).smtp();
        EmailConfig.Smtp tls = EmailConfig.from("em", parse("""
                { "type": "email", "smtp": { "host": "smtp.demo.ru", "tls": "tls", "poolSize": 3 },
                  "from": "noreply@demo.ru", "replyDomain": "reply.demo.ru" }""")).smtp();

        MailConfig a = EmailChannelFactory.mailConfig(starttls, null);
        MailConfig b = EmailChannelFactory.mailConfig(tls, null);

        assertThat(a.getStarttls()).isEqualTo(StartTLSOptions.REQUIRED);
        assertThat(a.isSsl()).isFalse();
        assertThat(a.getLogin()).isEqualTo(LoginOption.REQUIRED);
        assertThat(a.getUsername()).isEqualTo("robot");
        assertThat(a.getHostnameVerificationAlgorithm()).isEqualTo("HTTPS");
        assertThat(b.isSsl()).isTrue();
        assertThat(b.getPort()).isEqualTo(465);
        assertThat(b.getStarttls()).isEqualTo(StartTLSOptions.DISABLED);
        assertThat(b.getLogin()).isEqualTo(LoginOption.DISABLED);
        assertThat(b.getMaxPoolSize()).isEqualTo(3);
    }

    @Test
    @DisplayName("the registry builds an e-mail channel from a type: email section")
    void registry() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Channel channel = ChannelRegistry.builtIn().create("em", parse(ISSUE_SECTION), vertx, new SimpleMeterRegistry());

            assertThat(channel).isInstanceOf(EmailChannel.class);
            assertThat(channel.type()).isEqualTo(ChannelType.EMAIL);
            assertThat(channel.maxInFlight()).isEqualTo(EmailConfig.DEFAULT_POOL_SIZE);
            assertThat(channel.webhooks()).isPresent();
            channel.stop().await();
        } finally {
            vertx.close().await();
        }
    }
}
