package vestnik.channels.spi;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * One configured provider account (one SMPP account, one bot). Implementations are non-blocking: a
 * library that blocks (jSMPP, IMAP) runs on its own threads and completes the futures from there.
 */
public interface Channel {

    /** The config key, e.g. {@code sms}; also the {@code channel} callers name in a job. */
    String id();

    ChannelType type();

    /** Connects (binds, checks the token) and starts delivering inbound events to {@code sink}. */
    Future<Void> start(InboundSink sink);

    /** Hands one message to the provider. Never fails the future for a provider's refusal: that is a {@link SendResult.Failed}. */
    Future<SendResult> send(OutboundMessage message);

    /** Whether the channel can send right now (bound, token valid); readiness checks read this. */
    boolean isReady();

    Future<Void> stop();

    /**
     * How many provider submissions the text costs (SMS parts; 1 for a messenger message). It is the unit
     * of rate limits and of the {@code segments} recorded on a message.
     */
    default int segments(String text) {
        return 1;
    }

    /** Checks content before a job is accepted, so that a caller hears about it at once; empty when fine. */
    default Optional<ContentProblem> checkContent(String text) {
        return Optional.empty();
    }

    /** How many sends may be in flight at once on this channel; the dispatcher never exceeds it. */
    default int maxInFlight() {
        return 64;
    }

    /** Sends per second the whole account may make, held across gateways by a Redis bucket; 0 for no limit. */
    default double ratePerSecond() {
        return 0;
    }

    /**
     * Sends per second to any one recipient, where the provider limits it (Telegram one a second per chat,
     * WhatsApp's pair limit); 0 for no limit.
     */
    default double ratePerRecipient() {
        return 0;
    }

    default Optional<WebhookReceiver> webhooks() {
        return Optional.empty();
    }

    /**
     * For messengers that address users by their own ids: the link that starts a chat with the bot carrying
     * a one-time {@code token}; when the user opens it, the channel reports a {@link InboundEvent.LinkRequest}
     * with the same token. Empty for channels that reach people by phone or address.
     */
    default Optional<String> deepLink(String token) {
        return Optional.empty();
    }
}
