package vestnik.channels.max;

import vestnik.channels.common.TextLimits;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vestnik.channels.common.JsonHttp;
import vestnik.channels.common.ReadinessProbe;
import vestnik.channels.common.Mask;
import vestnik.channels.spi.Channel;
import vestnik.channels.spi.ChannelType;
import vestnik.channels.spi.ContentProblem;
import vestnik.channels.spi.ErrorClass;
import vestnik.channels.spi.FailureCodes;
import vestnik.channels.spi.InboundSink;
import vestnik.channels.spi.OutboundMessage;
import vestnik.channels.spi.SendResult;
import vestnik.channels.spi.SendResult.Failed;
import vestnik.channels.spi.WebhookReceiver;

/**
 * One MAX (VK) bot. It sends to the MAX {@code user_id} found through the contact's binding
 * ({@code to.channelUserId}; {@code chat:<chat_id>} addresses a chat); a contact with no binding fails at
 * once with {@code recipient_not_linked}, without a call, so that a cascade can fall back to SMS.
 *
 * <p><b>MAX has no delivery receipts</b>: {@code sent} (the API took the message) is the final status of a
 * MAX message; it never becomes {@code delivered} or {@code read}.
 *
 * <p>The provider id is the message's {@code body.mid}; inbound replies name the {@code mid} they quote.
 * Inbound events arrive through {@link #webhooks()}: the gateway hands each request to the receiver and
 * stores what it returns, so the sink given to {@link #start} is not used. The rate
 * ({@link MaxConfig#rate()}) is applied by the gateway's limiter across instances.
 */
public final class MaxChannel implements Channel {

    /** MAX's limit for {@code text}, in UTF-16 units (a stricter reading than "characters"). */
    public static final int MAX_TEXT = 4000;
    private static final Logger log = LoggerFactory.getLogger(MaxChannel.class);

    private final String id;
    private final MaxConfig config;
    private final MaxApi api;
    private final MaxWebhook webhook;
    private final AtomicReference<String> botUsername;
    private final ReadinessProbe readiness;

    MaxChannel(String id, MaxConfig config, Vertx vertx, MeterRegistry metrics) {
        this.id = id;
        this.config = config;
        this.api = new MaxApi(new JsonHttp(vertx, config.requestTimeout(), config.maxInFlight()),
                config.baseUrl(), config.token());
        this.webhook = new MaxWebhook(id, config.webhookSecret(), new MaxUpdates(id, config.botUsername()), api, metrics);
        this.botUsername = new AtomicReference<>(config.botUsername());
        this.readiness = new ReadinessProbe(vertx, this::checkToken);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ChannelType type() {
        return ChannelType.MAX;
    }

    @Override
    public double ratePerSecond() {
        return config.rate();
    }

    @Override
    public double ratePerRecipient() {
        return config.perChatRate() == null ? 0 : config.perChatRate();
    }

    public MaxConfig config() {
        return config;
    }

    /**
     * Checks the token with {@code GET /me}. A refused token fails the start; an unreachable API does not
     * (the channel starts not ready and checks again every 30 s), so that an outage at MAX does not stop
     * the gateway.
     */
    @Override
    public Future<Void> start(InboundSink sink) {
        return readiness.start("channels." + id + ": MAX refused the bot token");
    }

    /** Null when the token works, else the class of the failure; learns the bot's name on the way. */
    private Future<ErrorClass> checkToken() {
        return api.me().map(reply -> {
            if (reply.ok() && reply.json() != null && reply.json().path("user_id").isIntegralNumber()) {
                String username = reply.json().path("username").asText(null);
                if (username != null && !username.isBlank() && botUsername.get() == null) {
                    botUsername.set(username);
                }
                return (ErrorClass) null;
            }
            if (reply.status() == 404) {
                return ErrorClass.PERMANENT_CONFIG; // no /me at this baseUrl
            }
            return MaxErrors.classify(reply.status(), reply.json(), reply.retryAfterHeader()).errorClass();
        }).otherwise(e -> {
            log.warn("channel {}: MAX /me failed: {}", id, MaxErrors.unreachable(e).message());
            return ErrorClass.TRANSIENT;
        });
    }

    @Override
    public Future<SendResult> send(OutboundMessage message) {
        String recipient = message.to().channelUserId();
        if (recipient == null || recipient.isBlank()) {
            return Future.succeededFuture(Failed.of(ErrorClass.PERMANENT_RECIPIENT, FailureCodes.RECIPIENT_NOT_LINKED,
                    "no MAX user is linked to this contact"));
        }
        String query = MaxOutbound.recipientQuery(recipient);
        if (query == null) {
            return Future.succeededFuture(Failed.of(ErrorClass.PERMANENT_RECIPIENT, FailureCodes.INVALID_RECIPIENT,
                    "not a MAX user id or chat:<chat_id>"));
        }
        Optional<ContentProblem> problem = checkContent(message.text());
        if (problem.isPresent()) {
            return Future.succeededFuture(Failed.of(ErrorClass.PERMANENT_RECIPIENT, problem.get().code(),
                    problem.get().message()));
        }
        return api.sendMessage(query, MaxOutbound.newMessage(message)).map(reply -> {
            String mid = reply.ok() ? MaxOutbound.acceptedId(reply.json()) : null;
            if (mid != null) {
                SendResult accepted = SendResult.Accepted.of(mid);
                readiness.observe(accepted);
                return accepted;
            }
            Failed failed = MaxErrors.classify(reply.status(), reply.json(), reply.retryAfterHeader());
            readiness.observe(failed);
            log.debug("channel {}: message {} to {} refused: {} {}", id, message.messageId(), Mask.id(recipient),
                    failed.providerCode(), failed.code());
            return failed;
        }).otherwise(MaxErrors::unreachable);
    }

    @Override
    public Optional<ContentProblem> checkContent(String text) {
        return TextLimits.check(text, MAX_TEXT, "a MAX message needs a text", "MAX");
    }

    @Override
    public boolean isReady() {
        return readiness.isReady();
    }

    @Override
    public int maxInFlight() {
        return config.maxInFlight();
    }

    @Override
    public Optional<WebhookReceiver> webhooks() {
        return Optional.of(webhook);
    }

    /**
     * The deep link to put in an SMS so that the debtor opens the bot and is bound to the contact by
     * {@code token} ({@code https://max.ru/<bot>?start=<token>}); empty while the bot's name is unknown.
     *
     * @throws IllegalArgumentException when the token is not 1-128 characters of A-Z a-z 0-9 _ -
     */
    public Optional<String> deepLink(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{1,128}")) {
            throw new IllegalArgumentException("a MAX start token is 1-128 characters of A-Z a-z 0-9 _ -");
        }
        String bot = botUsername.get();
        return bot == null ? Optional.empty() : Optional.of("https://max.ru/" + bot + "?start=" + token);
    }

    @Override
    public Future<Void> stop() {
        readiness.stop();
        return api.close();
    }
}
