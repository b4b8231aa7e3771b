package vestnik.gateway.api;

import java.util.Set;
import vestnik.gateway.config.Role;

/** Who is calling: the tenant the key belongs to and what it may do. */
public record Principal(String tenantId, Set<Role> roles) {
    static final String KEY = "vestnik.principal";
}
