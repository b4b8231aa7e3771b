package vestnik.channels.email;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.CanonicalizationAlgorithm;
import io.vertx.ext.mail.DKIMSignOptions;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.StartTLSOptions;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import vestnik.channels.spi.Channel;
import vestnik.channels.spi.ChannelFactory;
import vestnik.channels.spi.ChannelType;

/** Builds an {@link EmailChannel} from a {@code type: email} section. */
public final class EmailChannelFactory implements ChannelFactory {

    /** The fields a DKIM signature of ours covers: RFC 8058 §4 wants both List-Unsubscribe fields among them. */
    static final List<String> DKIM_SIGNED = List.of("From", "To", "Subject", "Date", "Message-ID", "Reply-To",
            "List-Unsubscribe", "List-Unsubscribe-Post", "MIME-Version", "Content-Type");

    @Override
    public ChannelType type() {
        return ChannelType.EMAIL;
    }

    @Override
    public Channel create(String id, JsonNode config, Vertx vertx, MeterRegistry metrics) {
        EmailConfig email = EmailConfig.from(id, config);
        return new EmailChannel(id, email, vertx, MailClient.create(vertx, mailConfig(email.smtp(), email.dkim())),
                Clock.systemUTC());
    }

    /**
     * The Vert.x mail client's settings. STARTTLS is required, not merely tried, when configured: a relay
     * that stops offering it must not make us send debtors' letters in clear. The server's certificate
     * is checked against its host name whenever TLS is used. With {@code dkim} configured the client signs
     * every letter (relaxed/relaxed, rsa-sha256).
     */
    static MailConfig mailConfig(EmailConfig.Smtp smtp, EmailConfig.Dkim dkim) {
        MailConfig c = new MailConfig()
                .setHostname(smtp.host())
                .setPort(smtp.port())
                .setMaxPoolSize(smtp.poolSize())
                .setKeepAlive(true)
                .setAllowRcptErrors(false)
                .setConnectTimeout((int) smtp.connectTimeout().toMillis())
                // a server that stops answering mid-letter would hold a pooled connection for ever
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setIdleTimeout((int) smtp.sendTimeout().toMillis());
        switch (smtp.tls()) {
            case NONE -> c.setStarttls(StartTLSOptions.DISABLED).setSsl(false);
            case STARTTLS -> c.setStarttls(StartTLSOptions.REQUIRED).setSsl(false);
            case TLS -> c.setStarttls(StartTLSOptions.DISABLED).setSsl(true);
        }
        if (smtp.tls() != EmailConfig.Tls.NONE) {
            c.setHostnameVerificationAlgorithm("HTTPS");
        }
        if (smtp.username() != null) {
            c.setLogin(LoginOption.REQUIRED).setUsername(smtp.username()).setPassword(smtp.password());
        } else {
            c.setLogin(LoginOption.DISABLED);
        }
        if (dkim != null) {
            c.setEnableDKIM(true).setDKIMSignOption(new DKIMSignOptions()
                    .setSdid(dkim.domain())
                    .setSelector(dkim.selector())
                    .setPrivateKey(dkim.privateKey())
                    .setHeaderCanonAlgo(CanonicalizationAlgorithm.RELAXED)
                    .setBodyCanonAlgo(CanonicalizationAlgorithm.RELAXED)
                    .setSignedHeaders(DKIM_SIGNED));
        }
        return c;
    }
}
