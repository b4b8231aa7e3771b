package vestnik.loadtest.driver;

import java.util.Locale;

/** How jobs reach the gateway. */
enum IntakeMode {
    /** One {@code POST /v1/messages} per job. */
    SINGLE,
    /** {@code POST /v1/messages:batch} calls of 1,000 jobs. */
    BATCH,
    /** One {@code POST /v1/campaigns} upload streaming every job as a CSV row. */
    CAMPAIGN;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static IntakeMode parse(String flag) {
        try {
            return valueOf(flag.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--intake must be single, batch or campaign, not '" + flag + "'");
        }
    }
}
