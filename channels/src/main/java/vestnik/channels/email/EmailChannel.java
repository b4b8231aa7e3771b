package vestnik.channels.email;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.MailClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vestnik.channels.common.Mask;
import vestnik.channels.spi.Channel;
import vestnik.channels.spi.ChannelType;
import vestnik.channels.spi.ContentProblem;
import vestnik.channels.spi.ErrorClass;
import vestnik.channels.spi.FailureCodes;
import vestnik.channels.spi.InboundSink;
import vestnik.channels.spi.OutboundMessage;
import vestnik.channels.spi.SendResult;
import vestnik.channels.spi.SendResult.Accepted;
import vestnik.channels.spi.SendResult.Failed;
import vestnik.channels.spi.WebhookReceiver;

/**
 * One sending mailbox: letters go out over SMTP through the Vert.x mail client (a pool of
 * {@code smtp.poolSize} connections, STARTTLS or TLS, AUTH), to {@code to().email()}; a message without
 * a sendable address fails at once with {@link FailureCodes#INVALID_RECIPIENT}, without a connection.
 *
 * <p>SMTP gives a letter no id of its own, so the provider id in {@link Accepted} is the Message-ID we
 * made (without angle brackets): the id replies and bounces refer to. Each attempt has a new one.
 * An accepted letter stays {@code sent}: e-mail has no delivery receipt; a later DSN makes it
 * {@code failed}.
 *
 * <p>Inbound: replies, bounces and mailto unsubscribes are read from the IMAP mailbox when {@code imap}
 * is configured ({@link ImapPoller}, started by {@link #start}), or pushed as raw MIME to
 * {@code /hooks/<id>}; one-click unsubscribes arrive at {@code /hooks/<id>/unsubscribe} ({@link #webhooks()}).
 */
public final class EmailChannel implements Channel {

    private static final Logger LOG = LoggerFactory.getLogger(EmailChannel.class);

    private final String id;
    private final EmailConfig config;
    private final MailClient client;
    private final MimeComposer composer;
    private final EmailWebhook webhook;
    private final ImapPoller poller;
    private volatile boolean started;
    private volatile boolean credentialsRefused;

    EmailChannel(String id, EmailConfig config, Vertx vertx, MailClient client, Clock clock) {
        this.id = id;
        this.config = config;
        this.client = client;
        MailTokens tokens = new MailTokens(config.fromDomain(), config.replyDomain(), new SecureRandom());
        UnsubscribeTokens unsubscribe = config.tokenSecret() == null ? null : new UnsubscribeTokens(id, config.tokenSecret());
        this.composer = new MimeComposer(config, tokens, config.unsubscribeUrl() == null ? null : unsubscribe, clock);
        InboundMail parser = new InboundMail(id, tokens, clock);
        this.webhook = new EmailWebhook(id, config.webhookSecret(), unsubscribe, parser, clock);
        this.poller = config.imap() == null ? null : new ImapPoller(id, vertx, config.imap(), parser);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ChannelType type() {
        return ChannelType.EMAIL;
    }

    @Override
    public double ratePerSecond() {
        return config.rate() == null ? 0 : config.rate();
    }

    public EmailConfig config() {
        return config;
    }

    /** Starts polling the IMAP mailbox, if one is configured; an unreachable mailbox is retried every poll. */
    @Override
    public Future<Void> start(InboundSink sink) {
        started = true;
        if (poller != null) {
            poller.start(sink);
        }
        return Future.succeededFuture();
    }

    @Override
    public Future<SendResult> send(OutboundMessage message) {
        Optional<String> recipient = EmailAddresses.forSending(message.to().email());
        if (recipient.isEmpty()) {
            return Future.succeededFuture(new Failed(ErrorClass.PERMANENT_RECIPIENT, FailureCodes.INVALID_RECIPIENT, null,
                    "the recipient has no e-mail address that can be sent to", null));
        }
        ComposedMail mail;
        try {
            mail = composer.compose(message, recipient.get());
        } catch (IllegalArgumentException e) {
            return Future.succeededFuture(Failed.of(ErrorClass.PERMANENT_CONFIG, FailureCodes.INVALID_CONTENT, e.getMessage()));
        }
        // A timeout after DATA leaves it open whether the server took the letter: it counts as transient,
        // so a retry may deliver it twice, which beats losing a reminder.
        return client.sendMail(mail.toMailMessage())
                .timeout(config.smtp().sendTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .<SendResult>map(sent -> Accepted.of(mail.messageId()))
                .otherwise(EmailErrors::forSendFailure)
                .onSuccess(result -> record(message, recipient.get(), result));
    }

    private void record(OutboundMessage message, String recipient, SendResult result) {
        if (result instanceof Accepted accepted) {
            LOG.debug("email {}: message {} to {} accepted as {}", id, message.messageId(), Mask.email(recipient),
                    accepted.providerId());
        } else if (result instanceof Failed failed) {
            if (EmailErrors.refusesCredentials(failed)) {
                credentialsRefused = true;
                LOG.error("email {}: the SMTP server refused our credentials ({}); the channel is not ready until"
                        + " the configuration is fixed", id, failed.providerCode());
            }
            LOG.info("email {}: message {} to {} failed: {} {} ({})", id, message.messageId(), Mask.email(recipient),
                    failed.errorClass(), failed.code(), failed.providerCode());
        }
    }

    @Override
    public boolean isReady() {
        return started && !credentialsRefused;
    }

    @Override
    public Future<Void> stop() {
        started = false;
        Future<Void> polling = poller == null ? Future.succeededFuture() : poller.stop();
        return polling.recover(e -> Future.succeededFuture()).compose(v -> client.close());
    }

    /** Connections in the pool: a letter holds one for its whole SMTP transaction. */
    @Override
    public int maxInFlight() {
        return config.smtp().poolSize();
    }

    @Override
    public Optional<ContentProblem> checkContent(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(new ContentProblem(FailureCodes.TEXT_EMPTY, "an e-mail needs a text"));
        }
        return Optional.empty();
    }

    @Override
    public Optional<WebhookReceiver> webhooks() {
        return Optional.of(webhook);
    }
}
