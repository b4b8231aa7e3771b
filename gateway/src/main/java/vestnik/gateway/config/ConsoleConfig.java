package vestnik.gateway.config;

import java.time.Duration;
import java.util.Optional;

/**
 * The web console's accounts and sessions.
 *
 * @param admin        the first administrator, created at start-up when no user has its login yet (so an empty
 *                     store can be logged into); its password comes from config or {@code VESTNIK_CONSOLE_ADMIN_PASSWORD}
 * @param sessionIdle  a session unused this long ends (sliding)
 * @param sessionMax   a session ends this long after login whatever its use
 * @param secureCookie marks the session cookie {@code Secure}; on whenever the console is reached over HTTPS
 * @param bcryptCost   the bcrypt work factor (2^cost rounds); 12 takes a few hundred ms here, which is the point
 */
public record ConsoleConfig(Optional<FirstAdmin> admin, Duration sessionIdle, Duration sessionMax, boolean secureCookie,
                            int bcryptCost) {

    public static final ConsoleConfig DEFAULTS = new ConsoleConfig(Optional.empty(), Duration.ofHours(8),
            Duration.ofHours(24), false, 12);

    /** The administrator an empty gateway starts with. */
    public record FirstAdmin(String tenantId, String login, String name, String password) {
        @Override
        public String toString() {
            return "FirstAdmin[tenantId=" + tenantId + ", login=" + login + "]";
        }
    }
}
