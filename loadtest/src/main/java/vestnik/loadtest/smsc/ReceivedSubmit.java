package vestnik.loadtest.smsc;

import java.time.Instant;

/**
 * One submit_sm as the simulator saw it, and what it answered: {@code messageId} is null and
 * {@code commandStatus} non-zero when it refused the submit (throttled, bad destination), or
 * {@link #UNANSWERED} when the link was dropped before an answer.
 */
public record ReceivedSubmit(
        String sourceAddr,
        int sourceTon,
        int sourceNpi,
        String destinationAddr,
        int destTon,
        int destNpi,
        int esmClass,
        int dataCoding,
        int registeredDelivery,
        byte[] shortMessage,
        String messageId,
        int commandStatus,
        Instant at) {

    public static final int UNANSWERED = -1;

    public boolean accepted() {
        return commandStatus == 0;
    }

    /** The concatenation UDH's (reference, total, seq) when esm_class has UDHI and an 8-bit reference, else null. */
    public int[] udh8() {
        if ((esmClass & 0x40) == 0 || shortMessage.length < 6 || shortMessage[0] != 0x05 || shortMessage[1] != 0x00) {
            return null;
        }
        return new int[] {shortMessage[3] & 0xFF, shortMessage[4] & 0xFF, shortMessage[5] & 0xFF};
    }
}
