package vestnik.gateway.policy.time;

/** A day as the contact rules see it: working (08:00–22:00) or not (09:00–20:00), and why. */
public enum DayKind {
    WORKING(true),
    /** A Saturday or Sunday made a working day by a transfer: the working-day window applies. */
    TRANSFERRED_WORKING_DAY(true),
    WEEKEND(false),
    HOLIDAY(false),
    /** A weekday made a rest day by a transfer. */
    TRANSFERRED_DAY_OFF(false),
    /** A non-working holiday of the debtor's region only. */
    REGIONAL_HOLIDAY(false);

    private final boolean working;

    DayKind(boolean working) {
        this.working = working;
    }

    public boolean isWorking() {
        return working;
    }
}
