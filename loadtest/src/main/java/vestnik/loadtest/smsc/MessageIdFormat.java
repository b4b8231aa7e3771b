package vestnik.loadtest.smsc;

import java.util.Locale;

/**
 * How the simulator writes message ids. Real SMSCs differ, and some write the same id in hex in submit_sm_resp
 * and in decimal in the receipt (jSMPP's own example simulator does), which the gateway must match.
 */
public enum MessageIdFormat {
    HEX_UPPER,
    HEX_LOWER,
    DECIMAL,
    HEX_IN_RESP_DECIMAL_IN_RECEIPT;

    /** The id as submit_sm_resp carries it. */
    public String inResponse(long id) {
        return switch (this) {
            case HEX_UPPER, HEX_IN_RESP_DECIMAL_IN_RECEIPT -> Long.toHexString(id).toUpperCase(Locale.ROOT);
            case HEX_LOWER -> Long.toHexString(id);
            case DECIMAL -> Long.toString(id);
        };
    }

    /** The id as the delivery receipt (text and receipted_message_id TLV) carries it. */
    public String inReceipt(long id) {
        return this == HEX_IN_RESP_DECIMAL_IN_RECEIPT ? Long.toString(id) : inResponse(id);
    }
}
