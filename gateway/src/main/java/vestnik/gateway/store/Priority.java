package vestnik.gateway.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How urgent a job is. Each priority has its own queue stream per channel, read in this order, so single
 * reminders and replies overtake a running bulk campaign on the same channel.
 */
public enum Priority {
    HIGH,
    NORMAL,
    BULK;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Priority> fromWireName(String s) {
        return Arrays.stream(values()).filter(p -> p.wireName().equals(s)).findFirst();
    }
}
