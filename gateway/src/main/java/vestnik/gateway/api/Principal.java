package vestnik.gateway.api;

import java.util.Set;
import vestnik.gateway.config.Role;

/**
 * Who is calling: the tenant, what it may do, and either the API key or the console user behind the call.
 *
 * @param keyId  a short fingerprint of the API key used ({@link vestnik.gateway.config.ApiKey#fingerprint()}), so
 *               that an audit trail can tell keys apart without holding them; null for a console user
 * @param userId the console user logged in, or null for an API key
 * @param login  the console user's login, for audit trails; null for an API key
 */
public record Principal(String tenantId, Set<Role> roles, String keyId, String userId, String login) {
    static final String KEY = "vestnik.principal";
    /**
     * For a console session: a {@code Supplier<Future<Boolean>>} in the routing context that says whether the
     * session still holds (not logged out, expired or ended by an account change), for long-lived answers such
     * as the event stream to check now and then. Absent for API keys, which do not expire.
     */
    static final String STILL_VALID = "vestnik.stillValid";

    public Principal(String tenantId, Set<Role> roles, String keyId) {
        this(tenantId, roles, keyId, null, null);
    }

    public Principal(String tenantId, Set<Role> roles) {
        this(tenantId, roles, null, null, null);
    }

    /** How the inbox names this caller as an assignee or author: the user id, else the key's fingerprint. */
    public String actor() {
        if (userId != null) {
            return userId;
        }
        return keyId == null ? "key" : "key:" + keyId;
    }

    /** How an audit trail names this caller in words. */
    public String describe() {
        if (userId != null) {
            return "user " + login;
        }
        return keyId == null ? "api key" : "key " + keyId;
    }
}
