package vestnik.loadtest.smsc;

/**
 * How the gateway answered one deliver_sm the simulator sent: {@code commandStatus} of deliver_sm_resp, or
 * {@link #NO_RESPONSE} when none came in time or the link failed. {@code messageId} is the receipted id for a
 * receipt and null for an MO.
 */
public record DeliverResponse(Kind kind, String messageId, int commandStatus) {

    public static final int NO_RESPONSE = -1;

    public enum Kind { RECEIPT, MO }

    public boolean acknowledged() {
        return commandStatus == 0;
    }
}
