package vestnik.loadtest.smsc;

/**
 * Hears, per message, what a load test times: the submit_sm the simulator accepted and the receipt the ESME
 * acknowledged, each by the submit's destination (as written in destination_addr, without '+'). Called on the
 * simulator's PDU and receipt threads, so an implementation must be cheap and thread-safe; it works with
 * {@link SimulatedSmsc#recording(boolean)} off, where nothing per message is kept.
 */
public interface SmscObserver {

    /** Hears nothing; the default. */
    SmscObserver NONE = new SmscObserver() {
        @Override
        public void submitAccepted(String destination) {
        }

        @Override
        public void receiptAcknowledged(String destination) {
        }
    };

    /** A submit_sm to {@code destination} was accepted with a message id (just before its response is sent). */
    void submitAccepted(String destination);

    /** The ESME answered a receipt for a message to {@code destination} with a positive deliver_sm_resp. */
    void receiptAcknowledged(String destination);
}
