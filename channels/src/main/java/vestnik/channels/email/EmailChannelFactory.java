package vestnik.channels.email;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.StartTLSOptions;
import java.time.Clock;
import vestnik.channels.spi.Channel;
import vestnik.channels.spi.ChannelFactory;
import vestnik.channels.spi.ChannelType;

/** Builds an {@link EmailChannel} from a {@code type: email} section. */
public final class EmailChannelFactory implements ChannelFactory {

    @Override
    public ChannelType type() {
        return ChannelType.EMAIL;
    }

    @Override
    public Channel create(String id, JsonNode config, Vertx vertx, MeterRegistry metrics) {
        EmailConfig email = EmailConfig.from(id, config);
        return new EmailChannel(id, email, vertx, MailClient.create(vertx, mailConfig(email.smtp())), Clock.systemUTC());
    }

    /**
     * The Vert.x mail client's settings. STARTTLS is required, not merely tried, when configured: a relay
     * that stops offering it must not make us send debtors' letters in clear. The server's certificate
     * is checked against its host name whenever TLS is used.
     */
    static MailConfig mailConfig(EmailConfig.Smtp smtp) {
        MailConfig c = new MailConfig()
                .setHostname(smtp.host())
                .setPort(smtp.port())
                .setMaxPoolSize(smtp.poolSize())
                .setKeepAlive(true)
                .setAllowRcptErrors(false)
                .setConnectTimeout((int) smtp.connectTimeout().toMillis());
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
        return c;
    }
}
