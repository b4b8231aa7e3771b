package vestnik.gateway.api;

import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import vestnik.gateway.config.Role;

/** For endpoints open to several roles (the console's readers): {@link Responses#principal} takes one. */
final class RoleCheck {

    private RoleCheck() {
    }

    /** The caller, if one of its roles is in {@code allowed} (an admin may do anything). */
    static Principal anyOf(RoutingContext ctx, Set<Role> allowed, String what) {
        Principal p = ctx.get(Principal.KEY);
        if (p == null) {
            throw new ApiError(ErrorCode.UNAUTHORIZED, "missing API key");
        }
        if (p.roles().contains(Role.ADMIN) || p.roles().stream().anyMatch(allowed::contains)) {
            return p;
        }
        throw new ApiError(ErrorCode.FORBIDDEN, "this key may not " + what + ": that takes the role "
                + String.join(" or ", allowed.stream().map(Role::wireName).toList()));
    }
}
