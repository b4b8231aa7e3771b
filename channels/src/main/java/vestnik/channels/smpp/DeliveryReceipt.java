package vestnik.channels.smpp;

import java.time.LocalDateTime;

/**
 * An SMSC delivery receipt as written (SMPP v3.4 Appendix B). {@code id} is the submit_sm_resp message id in
 * whatever form the SMSC uses (hex, decimal, UUID); {@code stat} is the receipt word (DELIVRD, UNDELIV, ...);
 * {@code err} is the provider's raw error code. Dates are the SMSC's local time without a zone (the spec gives
 * none) and null when absent or unreadable; {@code text} is null when the receipt has no text field.
 */
public record DeliveryReceipt(
        String id,
        String sub,
        String dlvrd,
        LocalDateTime submitDate,
        LocalDateTime doneDate,
        String stat,
        String err,
        String text) {
}
