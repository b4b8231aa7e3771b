package vestnik.channels.smpp;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vestnik.channels.spi.MessageStatus;

/**
 * The one place where SMSC receipt states become our statuses. Only DELIVRD is success; every other final
 * state is a failure, EXPIRED kept apart because callers treat "never reached the phone in time" differently
 * from a refusal. ACCEPTD and ENROUTE are not final: they move nothing and are ignored, as is anything we do not
 * recognise (an SMSC-specific word must not fail or deliver a message by accident).
 */
public final class SmppStatusMapper {

    private static final Map<String, MessageStatus> BY_STAT = Map.of(
            "DELIVRD", MessageStatus.DELIVERED,
            "UNDELIV", MessageStatus.FAILED,
            "REJECTD", MessageStatus.FAILED,
            "DELETED", MessageStatus.FAILED,
            "UNKNOWN", MessageStatus.FAILED,
            "EXPIRED", MessageStatus.EXPIRED);

    /**
     * {@code message_state} values of SMPP v3.4 section 5.2.28 and the receipt word each stands for. jSMPP's
     * {@code DeliveryReceiptState} numbers them differently (ENROUTE=0), so its ordinal must never be used here.
     */
    private static final Map<Integer, String> STAT_BY_MESSAGE_STATE = Map.of(
            1, "ENROUTE",
            2, "DELIVRD",
            3, "EXPIRED",
            4, "DELETED",
            5, "UNDELIV",
            6, "ACCEPTD",
            7, "UNKNOWN",
            8, "REJECTD");

    private SmppStatusMapper() {
    }

    /** Our status for a receipt's {@code stat:} word (case-insensitive); empty for non-final or unknown words. */
    public static Optional<MessageStatus> fromStat(String stat) {
        if (stat == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_STAT.get(stat.trim().toUpperCase(Locale.ROOT)));
    }

    /** Our status for a {@code message_state} TLV value; empty for 1 ENROUTE, 6 ACCEPTED and values outside 1..8. */
    public static Optional<MessageStatus> fromMessageState(int messageState) {
        return statOf(messageState).flatMap(SmppStatusMapper::fromStat);
    }

    /** The receipt word a {@code message_state} value stands for ({@code 5 -> UNDELIV}), empty outside 1..8. */
    public static Optional<String> statOf(int messageState) {
        return Optional.ofNullable(STAT_BY_MESSAGE_STATE.get(messageState));
    }
}
