package vestnik.gateway.inbox;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Open: the debtor waits for us; pending: we wait for something (a payment, a document); closed: done. */
public enum ConversationStatus {
    OPEN,
    PENDING,
    CLOSED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ConversationStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
    }
}
