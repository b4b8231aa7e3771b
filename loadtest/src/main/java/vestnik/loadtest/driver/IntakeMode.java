package vestnik.loadtest.driver;

import java.util.Locale;

/** How jobs reach the gateway; only the calls the gateway offers today are listed. */
enum IntakeMode {
    /** One {@code POST /v1/messages} per job. */
    SINGLE;

    static IntakeMode parse(String flag) {
        try {
            return valueOf(flag.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--intake: the gateway offers only 'single' so far, not '" + flag + "'");
        }
    }
}
