package vestnik.channels.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Something a provider told us: a debtor's message, a delivery receipt, an opt-out, a link request,
 * the end of a voice call.
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

    /**
     * The end of one voice call (a robocall), reported once its channel is gone. {@code providerId} is the
     * id the send was {@link SendResult.Accepted} with. A message counts as {@code delivered} only for
     * {@link CallResult#ANSWERED_HUMAN}; every other result is a failed contact described by the rest.
     *
     * @param q850Cause   the ITU-T Q.850 hangup cause, or null when the provider did not give one
     * @param causeText   the provider's text for the cause ("User busy"), or null
     * @param talkTime    from answer to hangup; zero when the call was not answered
     * @param dtmfChoices the keys the callee pressed in the call's menu, in order
     * @param amdStatus   the answering-machine detector's raw verdict (HUMAN, MACHINE, NOTSURE, HANGUP), or null
     * @param amdCause    the detector's raw reason (e.g. INITIALSILENCE-2500-2500), or null
     * @param callerId    the number the call was shown from (it matters for caller-id health)
     */
    record CallOutcome(
            String channelId,
            String providerId,
            CallResult result,
            Integer q850Cause,
            String causeText,
            Duration talkTime,
            List<String> dtmfChoices,
            String amdStatus,
            String amdCause,
            String callerId,
            Instant at) implements InboundEvent {

        public CallOutcome {
            Objects.requireNonNull(channelId, "channelId");
            Objects.requireNonNull(providerId, "providerId");
            Objects.requireNonNull(result, "result");
            talkTime = talkTime == null || talkTime.isNegative() ? Duration.ZERO : talkTime;
            dtmfChoices = dtmfChoices == null ? List.of() : List.copyOf(dtmfChoices);
        }

        /** A call ends once, so its id alone identifies the outcome. */
        @Override
        public String dedupKey() {
            return "call:" + providerId;
        }
    }
}
