package vestnik.gateway.policy;

import java.util.Locale;

/** Why a message will not be sent, as written on the message and in the callback. */
public enum RejectReason {
    /** The message's TTL ended before the debtor's next window. */
    QUIET_HOURS,
    /** The TTL ended before the next local day with room under the day's cap. */
    DAILY_CAP,
    /** The TTL ended before the next week with room under the week's cap. */
    WEEKLY_CAP,
    /** The TTL ended before the next month with room under the month's cap (or the tenant set the cap to 0). */
    MONTHLY_CAP,
    /** Calls only: the TTL ended before the attempt cap allowed another call. */
    CALL_ATTEMPTS,
    /** The debtor opted out of this channel type or of everything. */
    OPTED_OUT,
    /** A blocking status on the debtor forbids this contact class. */
    BLOCKED_STATUS,
    /** The debtor paid after the message was accepted. */
    PAYMENT_RECEIVED,
    /** The TTL had already ended when the message came to be sent; no rule was involved. */
    EXPIRED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
