package vestnik.loadtest.smsc;

/**
 * The final (or intermediate) state a simulated handset reaches, with the receipt word, the spec's
 * message_state value (SMPP v3.4 5.2.28) and a typical err code.
 */
public enum ReceiptOutcome {
    DELIVRD(2, "000"),
    UNDELIV(5, "001"),
    EXPIRED(3, "027"),
    REJECTD(8, "011"),
    DELETED(4, "000"),
    UNKNOWN(7, "000"),
    ACCEPTD(6, "000"),
    ENROUTE(1, "000");

    private final int messageState;
    private final String err;

    ReceiptOutcome(int messageState, String err) {
        this.messageState = messageState;
        this.err = err;
    }

    public int messageState() {
        return messageState;
    }

    public String err() {
        return err;
    }

    /** The number of delivered parts the receipt reports in {@code dlvrd:}. */
    String delivered() {
        return this == DELIVRD ? "001" : "000";
    }
}
