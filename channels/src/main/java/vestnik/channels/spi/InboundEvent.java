package vestnik.channels.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Something a provider told us: a debtor's message, a delivery receipt, an opt-out, a link request.
 * Each carries the id of the channel (the config key) it came through and a {@code dedupKey} that is
 * the same when the provider delivers the same thing twice, so a redelivery is a no-op.
 */
public sealed interface InboundEvent {

    String channelId();

    Instant at();

    /** Stable across redeliveries of the same provider event (update id, receipt id + state, wamid + status). */
    String dedupKey();

    /**
     * A message from a debtor. {@code inReplyToProviderId} is the provider id of our outbound message it
     * answers, where the provider says so. {@code fragment} is set when this is one part of a concatenated
     * message that the gateway must reassemble; then {@code text} is this part's text only.
     */
    record InboundMessage(
            String channelId,
            String providerMessageId,
            Sender from,
            String to,
            String text,
            Instant at,
            String inReplyToProviderId,
            Fragment fragment,
            Map<String, String> attributes) implements InboundEvent {

        public InboundMessage {
            Objects.requireNonNull(channelId, "channelId");
            Objects.requireNonNull(from, "from");
            text = text == null ? "" : text;
            attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        }

        @Override
        public String dedupKey() {
            String base = providerMessageId != null ? providerMessageId
                    : Integer.toHexString(Objects.hash(from, to, text, at));
            return fragment == null ? "mo:" + base : "mo:" + fragment.reference() + ":" + fragment.seq() + ":" + base;
        }
    }

    /** One part of a concatenated message: parts share {@code reference}; {@code seq} is 1-based. */
    record Fragment(String reference, int total, int seq) {
        public Fragment {
            if (total < 1 || seq < 1 || seq > total) {
                throw new IllegalArgumentException("fragment " + seq + " of " + total);
            }
        }
    }

    /**
     * A provider's report on one of our submissions (a delivery receipt, a messenger status callback).
     * {@code status} is already mapped to ours; {@code errorCode} keeps the provider's raw code, if any.
     */
    record StatusUpdate(
            String channelId,
            String providerId,
            MessageStatus status,
            String errorCode,
            String detail,
            Instant at) implements InboundEvent {

        public StatusUpdate {
            Objects.requireNonNull(channelId, "channelId");
            Objects.requireNonNull(providerId, "providerId");
            Objects.requireNonNull(status, "status");
        }

        @Override
        public String dedupKey() {
            return "st:" + providerId + ":" + status.wireName();
        }
    }

    /** The debtor does not want this channel any more (blocked the bot, unsubscribed). */
    record OptOut(String channelId, Sender who, String reason, Instant at) implements InboundEvent {
        public OptOut {
            Objects.requireNonNull(channelId, "channelId");
            Objects.requireNonNull(who, "who");
        }

        @Override
        public String dedupKey() {
            return "optout:" + who.channelUserId() + ":" + who.phone() + ":" + who.email();
        }
    }

    /**
     * A messenger user asked to be bound to a contact: started the bot with a one-time {@code token},
     * or shared a phone number that belongs to them ({@code phone} set, already verified by the channel).
     */
    record LinkRequest(String channelId, Sender who, String token, String phone, Instant at) implements InboundEvent {
        public LinkRequest {
            Objects.requireNonNull(channelId, "channelId");
            Objects.requireNonNull(who, "who");
        }

        @Override
        public String dedupKey() {
            return "link:" + who.channelUserId() + ":" + token + ":" + phone;
        }
    }
}
