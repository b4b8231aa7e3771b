package vestnik.channels.telegram;

import vestnik.channels.common.TextLimits;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
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
 * One Telegram bot. It sends to a chat id found through the contact's binding ({@code to.channelUserId});
 * a contact with no binding fails at once with {@code recipient_not_linked}, without a call, so that a
 * cascade can fall back to SMS.
 *
 * <p><b>Telegram has no delivery receipts</b>: {@code sent} (the Bot API took the message) is the final
 * status of a Telegram message; it never becomes {@code delivered} or {@code read}.
 *
 * <p>The provider id is {@code <chat_id>:<message_id>}, because a {@code message_id} is unique only within
 * its chat; inbound replies name the message they quote in the same form. Inbound events arrive through
 * {@link #webhooks()}: the gateway hands each request to the receiver and stores what it returns, so the
 * sink given to {@link #start} is not used. Rates ({@link TelegramConfig#rate()},
 * {@link TelegramConfig#perChatRate()}) are applied by the gateway's limiter across instances.
 */
public final class TelegramChannel implements Channel {

    /** The Bot API's limit for {@code text}, in UTF-16 units (a stricter reading than "characters"). */
    public static final int MAX_TEXT = 4096;
    private static final Logger log = LoggerFactory.getLogger(TelegramChannel.class);

    private final String id;
    private final TelegramConfig config;
    private final TelegramApi api;
    private final TelegramWebhook webhook;
    private final AtomicReference<String> botUsername;
    private final ReadinessProbe readiness;

    TelegramChannel(String id, TelegramConfig config, Vertx vertx, MeterRegistry metrics) {
        this.id = id;
        this.config = config;
        this.api = new TelegramApi(new JsonHttp(vertx, config.requestTimeout(), config.maxInFlight()),
                config.baseUrl(), config.token());
        this.webhook = new TelegramWebhook(id, config.webhookSecret(),
                new TelegramUpdates(id, config.botUsername(), Clock.systemUTC()), api, metrics);
        this.botUsername = new AtomicReference<>(config.botUsername());
        this.readiness = new ReadinessProbe(vertx, this::checkToken);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ChannelType type() {
        return ChannelType.TELEGRAM;
    }

    @Override
    public double ratePerSecond() {
        return config.rate();
    }

    @Override
    public double ratePerRecipient() {
        return config.perChatRate();
    }

    public TelegramConfig config() {
        return config;
    }

    /**
     * Checks the token with {@code getMe}. A refused token fails the start; an unreachable Bot API does not
     * (the channel starts not ready and checks again every 30 s), so that an outage at Telegram does not
     * stop the gateway.
     */
    @Override
    public Future<Void> start(InboundSink sink) {
        return readiness.start("channels." + id + ": Telegram refused the bot token");
    }

    /** Null when the token works, else the class of the failure; learns the bot's username on the way. */
    private Future<ErrorClass> checkToken() {
        return api.getMe().map(reply -> {
            if (reply.ok() && reply.json() != null && reply.json().path("ok").asBoolean(false)) {
                String username = reply.json().path("result").path("username").asText(null);
                if (username != null && botUsername.get() == null) {
                    botUsername.set(username);
                }
                return (ErrorClass) null;
            }
            return TelegramErrors.classify(reply.status(), reply.json()).errorClass();
        }).otherwise(e -> {
            log.warn("channel {}: Telegram getMe failed: {}", id, e.getMessage());
            return ErrorClass.TRANSIENT;
        });
    }

    @Override
    public Future<SendResult> send(OutboundMessage message) {
        String chat = message.to().channelUserId();
        if (chat == null || chat.isBlank()) {
            return Future.succeededFuture(Failed.of(ErrorClass.PERMANENT_RECIPIENT, FailureCodes.RECIPIENT_NOT_LINKED,
                    "no Telegram chat is linked to this contact"));
        }
        if (!TelegramIds.isChatId(chat)) {
            return Future.succeededFuture(Failed.of(ErrorClass.PERMANENT_RECIPIENT, FailureCodes.INVALID_RECIPIENT,
                    "not a Telegram chat id"));
        }
        Optional<ContentProblem> problem = checkContent(message.text());
        if (problem.isPresent()) {
            return Future.succeededFuture(Failed.of(ErrorClass.PERMANENT_RECIPIENT, problem.get().code(),
                    problem.get().message()));
        }
        return api.sendMessage(TelegramOutbound.sendMessage(chat, message)).map(reply -> {
            String providerId = reply.ok() ? TelegramOutbound.acceptedId(reply.json()) : null;
            if (providerId != null) {
                SendResult accepted = SendResult.Accepted.of(providerId);
                readiness.observe(accepted);
                return accepted;
            }
            Failed failed = TelegramErrors.classify(reply.status(), reply.json());
            readiness.observe(failed);
            log.debug("channel {}: message {} to {} refused: {} {}", id, message.messageId(), Mask.id(chat),
                    failed.providerCode(), failed.code());
            return failed;
        }).otherwise(TelegramErrors::unreachable);
    }

    @Override
    public Optional<ContentProblem> checkContent(String text) {
        return TextLimits.check(text, MAX_TEXT, "a Telegram message needs a text", "Telegram");
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
     * {@code token} ({@code https://t.me/<bot>?start=<token>}); empty while the bot's username is unknown.
     *
     * @throws IllegalArgumentException when the token is not 1-64 characters of A-Z a-z 0-9 _ - (Telegram's rule)
     */
    public Optional<String> deepLink(String token) {
        if (!TelegramUpdates.isStartToken(token)) {
            throw new IllegalArgumentException("a Telegram start token is 1-64 characters of A-Z a-z 0-9 _ -");
        }
        String bot = botUsername.get();
        return bot == null ? Optional.empty() : Optional.of("https://t.me/" + bot + "?start=" + token);
    }

    @Override
    public Future<Void> stop() {
        readiness.stop();
        return api.close();
    }
}
