package vestnik.channels.viber;

import io.vertx.core.Future;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
 * One Viber bot (REST Bot API). Viber addresses users by their own ids, so a message goes to
 * {@code to().channelUserId()}, the user bound to the contact through a deep link; with none bound it
 * fails at once with {@link FailureCodes#RECIPIENT_NOT_LINKED}, without calling Viber.
 *
 * <p>{@link #start} does no I/O: events arrive through {@link #webhooks()}, and the first send proves the
 * token. A refused token turns {@link #isReady()} false until the configuration is fixed.
 */
public final class ViberChannel implements Channel {

    /** Viber's limit on a text message, in characters. */
    public static final int MAX_TEXT = 7000;
    /** Connections kept to Viber: its 30 messages a second at a few hundred milliseconds each need about 15. */
    static final int HTTP_POOL = 32;
    private static final Logger LOG = LoggerFactory.getLogger(ViberChannel.class);

    private final String id;
    private final ViberConfig config;
    private final JsonHttp http;
    private final ViberApi api;
    private final ViberWebhook webhook;
    private volatile boolean started;
    private volatile boolean credentialsRefused;

    ViberChannel(String id, ViberConfig config, JsonHttp http) {
        this.id = id;
        this.config = config;
        this.http = http;
        this.api = new ViberApi(http, config);
        this.webhook = new ViberWebhook(id, config.authToken(), api);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ChannelType type() {
        return ChannelType.VIBER;
    }

    @Override
    public double ratePerSecond() {
        return config.rate();
    }

    public ViberConfig config() {
        return config;
    }

    /**
     * The link to put into an SMS so that the user opens this bot carrying {@code token}: Viber hands it back
     * as the {@code context} of {@code conversation_started}, which becomes a link request. Empty when
     * {@code chatUri} is not configured.
     */
    public Optional<String> deepLink(String token) {
        if (config.chatUri() == null) {
            return Optional.empty();
        }
        return Optional.of("viber://pa?chatURI=" + URLEncoder.encode(config.chatUri(), StandardCharsets.UTF_8)
                + "&context=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    @Override
    public Future<Void> start(InboundSink sink) {
        started = true;
        return Future.succeededFuture();
    }

    @Override
    public Future<SendResult> send(OutboundMessage message) {
        String receiver = message.to().channelUserId();
        if (receiver == null || receiver.isBlank()) {
            return Future.succeededFuture(new SendResult.Failed(ErrorClass.PERMANENT_RECIPIENT,
                    FailureCodes.RECIPIENT_NOT_LINKED, null, "no Viber user is linked to this recipient", null));
        }
        String senderName = message.sender() == null || message.sender().isBlank() ? config.senderName() : message.sender();
        if (senderName.length() > ViberConfig.MAX_SENDER_NAME) {
            return Future.succeededFuture(SendResult.Failed.of(ErrorClass.PERMANENT_CONFIG, FailureCodes.INVALID_CONTENT,
                    "Viber sender name is longer than " + ViberConfig.MAX_SENDER_NAME + " characters"));
        }
        return api.sendMessage(ViberRequests.text(receiver, senderName, config.senderAvatar(), message.messageId(),
                        message.text() == null ? "" : message.text()))
                .onSuccess(result -> record(message, receiver, result));
    }

    private void record(OutboundMessage message, String receiver, SendResult result) {
        if (result instanceof SendResult.Accepted accepted) {
            LOG.debug("viber {}: message {} to {} accepted as {}", id, message.messageId(), Mask.id(receiver),
                    accepted.providerId());
        } else if (result instanceof SendResult.Failed failed) {
            if (ViberErrors.refusesCredentials(failed)) {
                credentialsRefused = true;
                LOG.error("viber {}: Viber refused the auth token; the channel is not ready until it is fixed", id);
            }
            LOG.info("viber {}: message {} to {} failed: {} {} ({})", id, message.messageId(), Mask.id(receiver),
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

    @Override
    public Optional<ContentProblem> checkContent(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(new ContentProblem(FailureCodes.TEXT_EMPTY, "a Viber message needs a text"));
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_TEXT) {
            return Optional.of(new ContentProblem(FailureCodes.TEXT_TOO_LONG,
                    "a Viber message holds at most " + MAX_TEXT + " characters, this one has " + length));
        }
        return Optional.empty();
    }

    @Override
    public Optional<WebhookReceiver> webhooks() {
        return Optional.of(webhook);
    }
}
