package vestnik.gateway.policy;

import java.time.Duration;

/**
 * For calls: the last attempt's time is kept under {@code key}; a new attempt is allowed only when it is at least
 * {@code minimum} old, and then records itself (the key can expire after {@code minimum}).
 */
public record SpacingGuard(String key, Duration minimum) {
}
