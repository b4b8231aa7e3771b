package vestnik.gateway.policy;

import vestnik.gateway.policy.time.CapWindows;

/**
 * The counter key suffixes for one contact class in one set of windows, e.g. {@code msg:d:2026-11-24},
 * {@code msg:w:2026-W48}, {@code msg:m:2026-11}. The store prefixes them with the creditor and the debtor
 * (R-CP-1: caps are kept per creditor and debtor) and a hash tag, so that one script can reserve them together.
 *
 * @param attempts    the day's call-attempt counter ({@code call-attempt:d:2026-11-24}); null for messages
 * @param lastAttempt the key holding the last call attempt's time, for the spacing rule; null for messages
 */
public record CounterKeys(ContactClass contactClass, String day, String week, String month, String attempts,
                          String lastAttempt) {

    public static CounterKeys of(ContactClass c, CapWindows w) {
        String p = c.keyPrefix() + ":";
        if (c == ContactClass.CALL) {
            return new CounterKeys(c, p + w.day().key(), p + w.week().key(), p + w.month().key(),
                    "call-attempt:" + w.day().key(), "call-last-attempt");
        }
        return new CounterKeys(c, p + w.day().key(), p + w.week().key(), p + w.month().key(), null, null);
    }
}
