package vestnik.loadtest.driver;

import java.util.List;
import java.util.Locale;

/**
 * Which status callbacks the launched gateway's tenant subscribes to. {@code final} is what an upstream that
 * only books outcomes takes (and what the C gateway's comparison does: one delivery report per message);
 * {@code all} is every status change (queued, sending, sent, delivered: four POSTs per message).
 */
enum CallbackMode {
    FINAL(List.of("delivered", "failed", "expired", "rejected", "cancelled")),
    ALL(List.of()),
    NONE(List.of());

    /** The tenant's {@code callbacks.statuses}; empty for every status. */
    final List<String> statuses;

    CallbackMode(List<String> statuses) {
        this.statuses = statuses;
    }

    static CallbackMode parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--callbacks must be final, all or none, not " + text);
        }
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
