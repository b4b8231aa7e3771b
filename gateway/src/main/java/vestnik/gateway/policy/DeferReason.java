package vestnik.gateway.policy;

import java.util.Locale;

/** Why a message waits, as written on the message and in the callback. */
public enum DeferReason {
    /** Outside the debtor's local window. */
    QUIET_HOURS,
    /** The local day's cap is used up. */
    DAILY_CAP,
    /** The calendar week's cap is used up. */
    WEEKLY_CAP,
    /** The calendar month's cap is used up. */
    MONTHLY_CAP,
    /** Calls only: the day's attempts are used up, or the last attempt was too recent (R-CP-3). */
    CALL_ATTEMPTS;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public RejectReason asRejectReason() {
        return RejectReason.valueOf(name());
    }
}
