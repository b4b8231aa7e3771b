package vestnik.gateway.policy.time;

/** The calendar periods the caps are counted in, in the debtor's local time (regulation.md §1.2, R-CP-2). */
public enum CapPeriod {
    /** The local calendar day ("сутки", read as the calendar day; regulation.md §1.2 notes). */
    DAY("d"),
    /** The calendar week, Monday to Sunday. */
    WEEK("w"),
    /** The calendar month. */
    MONTH("m");

    private final String keyPrefix;

    CapPeriod(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }

    public String keyPrefix() {
        return keyPrefix;
    }
}
