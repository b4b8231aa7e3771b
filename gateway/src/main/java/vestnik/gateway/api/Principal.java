package vestnik.gateway.api;

import java.util.Set;
import vestnik.gateway.config.Role;

/**
 * Who is calling: the tenant the key belongs to and what it may do.
 *
 * @param keyId a short fingerprint of the API key used ({@link vestnik.gateway.config.ApiKey#fingerprint()}), so
 *              that an audit trail can tell keys apart without holding them; null when unknown
 */
public record Principal(String tenantId, Set<Role> roles, String keyId) {
    static final String KEY = "vestnik.principal";

    public Principal(String tenantId, Set<Role> roles) {
        this(tenantId, roles, null);
    }
}
