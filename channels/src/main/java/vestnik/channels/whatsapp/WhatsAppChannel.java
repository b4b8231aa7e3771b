package vestnik.channels.whatsapp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vestnik.channels.common.JsonHttp;
import vestnik.channels.common.Mask;
import vestnik.channels.spi.Channel;
import vestnik.channels.spi.ChannelType;
import vestnik.channels.spi.ContentProblem;
import vestnik.channels.spi.ErrorClass;
import vestnik.channels.spi.FailureCodes;
import vestnik.channels.spi.InboundSink;
import vestnik.channels.spi.OutboundMessage;
import vestnik.channels.spi.SendResult;
import vestnik.channels.spi.WebhookReceiver;

/**
 * One WhatsApp Business phone number on the Cloud API. WhatsApp addresses users by phone, so a message
 * goes to {@code to().phone()} directly. A {@link WhatsAppTemplate} payload sends that approved template;
 * otherwise the text goes as free text. Whether free text is still allowed (the 24-hour window) is the
 * gateway's check, since only it knows the user's last inbound message; Meta's 131047 backs it up.
 *
 * <p>{@link #start} does no I/O: events arrive through {@link #webhooks()}, and the first send proves the
 * token. A refused token turns {@link #isReady()} false until the configuration is fixed.
 */
public final class WhatsAppChannel implements Channel {

    /** Meta's limit on a text message body, in characters. */
    public static final int MAX_TEXT = 4096;
    /** Connections kept to Meta: its 80 messages a second at a few hundred milliseconds each need about 40. */
    static final int HTTP_POOL = 48;
    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppChannel.class);

    private final String id;
    private final WhatsAppConfig config;
    private final JsonHttp http;
    private final WhatsAppApi api;
    private final WhatsAppWebhook webhook;
    private volatile boolean started;
    private volatile boolean credentialsRefused;

    WhatsAppChannel(String id, WhatsAppConfig config, JsonHttp http, MeterRegistry metrics) {
        this.id = id;
        this.config = config;
        this.http = http;
        this.api = new WhatsAppApi(http, config);
        this.webhook = new WhatsAppWebhook(id, config, metrics);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ChannelType type() {
        return ChannelType.WHATSAPP;
    }

    @Override
    public double ratePerSecond() {
        return config.rate();
    }

    @Override
    public double ratePerRecipient() {
        return config.recipientRatePerMinute() / 60.0;
    }

    public WhatsAppConfig config() {
        return config;
    }

    @Override
    public Future<Void> start(InboundSink sink) {
        started = true;
        return Future.succeededFuture();
    }

    @Override
    public Future<SendResult> send(OutboundMessage message) {
        String to = WhatsAppRequests.recipient(message.to().phone());
        if (to == null) {
            return Future.succeededFuture(new SendResult.Failed(ErrorClass.PERMANENT_RECIPIENT,
                    FailureCodes.INVALID_RECIPIENT, null, "a WhatsApp message needs the recipient's phone", null));
        }
        ObjectNode body;
        if (message.payload() instanceof WhatsAppTemplate template) {
            body = WhatsAppRequests.template(to, template);
        } else if (message.text() == null || message.text().isBlank()) {
            return Future.succeededFuture(SendResult.Failed.of(ErrorClass.PERMANENT_CONFIG, FailureCodes.TEXT_EMPTY,
                    "a WhatsApp message needs a text or a template"));
        } else {
            body = WhatsAppRequests.text(to, message.text());
        }
        return api.send(body).onSuccess(result -> record(message, to, result));
    }

    private void record(OutboundMessage message, String to, SendResult result) {
        if (result instanceof SendResult.Accepted accepted) {
            LOG.debug("whatsapp {}: message {} to {} accepted as {}", id, message.messageId(), Mask.phone(to),
                    accepted.providerId());
        } else if (result instanceof SendResult.Failed failed) {
            if (WhatsAppErrors.refusesCredentials(failed)) {
                credentialsRefused = true;
                LOG.error("whatsapp {}: Meta refused the access token; the channel is not ready until it is fixed", id);
            }
            LOG.info("whatsapp {}: message {} to {} failed: {} {} ({})", id, message.messageId(), Mask.phone(to),
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
        return http.close();
    }

    /**
     * Only the length: a template job's content is in its payload, so an empty text is checked at send time.
     */
    @Override
    public Optional<ContentProblem> checkContent(String text) {
        int length = text == null ? 0 : text.codePointCount(0, text.length());
        if (length > MAX_TEXT) {
            return Optional.of(new ContentProblem(FailureCodes.TEXT_TOO_LONG,
                    "a WhatsApp text holds at most " + MAX_TEXT + " characters, this one has " + length));
        }
        return Optional.empty();
    }

    @Override
    public Optional<WebhookReceiver> webhooks() {
        return Optional.of(webhook);
    }
}
