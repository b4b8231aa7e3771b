package vestnik.gateway.users;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Comparator;
import java.util.Set;
import vestnik.gateway.config.Role;

/**
 * A person who logs into the console: an agent, a marketer or an administrator of one tenant.
 *
 * @param passwordHash   bcrypt, never answered by the API
 * @param sessionVersion raised when the password, the roles or the disabled flag change, which ends every
 *                       session opened before
 */
public record User(String id, String tenantId, String login, String name, Set<Role> roles, boolean disabled,
                   String passwordHash, long sessionVersion, Instant createdAt, Instant updatedAt) {

    public User {
        roles = Set.copyOf(roles);
    }

    public JsonObject toJson() {
        JsonArray r = new JsonArray();
        roles.stream().sorted(Comparator.naturalOrder()).forEach(x -> r.add(x.wireName()));
        return new JsonObject().put("id", id).put("login", login).put("name", name).put("tenantId", tenantId)
                .put("roles", r).put("disabled", disabled).put("createdAt", createdAt.toString())
                .put("updatedAt", updatedAt.toString());
    }

    @Override
    public String toString() {
        return "User[id=" + id + ", tenantId=" + tenantId + ", roles=" + roles + ", disabled=" + disabled + "]";
    }
}
