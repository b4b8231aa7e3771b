package vestnik.gateway.users;

import io.lettuce.core.SetArgs;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import vestnik.gateway.config.Role;
import vestnik.gateway.store.Keys;
import vestnik.gateway.store.RedisStore;

/**
 * Console users in Redis: a hash per user, a login index and a set per tenant. A login is claimed with
 * {@code SET NX} before the user is written, so two admins creating the same login at once cannot both win.
 */
public final class UserStore {

    /** What creating a user can run into. */
    public enum CreateOutcome { CREATED, LOGIN_TAKEN }

    private final RedisStore redis;
    private final Keys keys;

    public UserStore(RedisStore redis) {
        this.redis = redis;
        this.keys = redis.keys();
    }

    public Future<CreateOutcome> create(User u) {
        String loginKey = keys.userLogin(normal(u.login()));
        return redis.<String>call(c -> c.set(loginKey, u.id(), SetArgs.Builder.nx()))
                .compose(ok -> {
                    if (!"OK".equals(ok)) {
                        return Future.succeededFuture(CreateOutcome.LOGIN_TAKEN);
                    }
                    return write(u)
                            .compose(v -> redis.<Long>call(c -> c.sadd(keys.tenantUsers(u.tenantId()), u.id())))
                            .map(CreateOutcome.CREATED)
                            // a login claimed for a user that was never written would be lost for good
                            .recover(t -> redis.<Long>call(c -> c.del(loginKey)).transform(x -> Future.failedFuture(t)));
                });
    }

    /** Replaces the user's stored fields (the login and tenant never change). */
    public Future<Void> write(User u) {
        Map<String, String> h = new HashMap<>();
        h.put("tenant", u.tenantId());
        h.put("login", u.login());
        h.put("name", u.name());
        h.put("roles", u.roles().stream().map(Role::wireName).sorted().collect(Collectors.joining(",")));
        h.put("disabled", u.disabled() ? "1" : "0");
        h.put("pw", u.passwordHash());
        h.put("sv", Long.toString(u.sessionVersion()));
        h.put("created", Long.toString(u.createdAt().toEpochMilli()));
        h.put("updated", Long.toString(u.updatedAt().toEpochMilli()));
        return redis.<Long>call(c -> c.hset(keys.user(u.id()), h)).mapEmpty();
    }

    public Future<Optional<User>> byId(String id) {
        return redis.<Map<String, String>>call(c -> c.hgetall(keys.user(id))).map(h -> decode(id, h));
    }

    public Future<Optional<User>> byLogin(String login) {
        return redis.<String>call(c -> c.get(keys.userLogin(normal(login))))
                .compose(id -> id == null ? Future.succeededFuture(Optional.empty()) : byId(id));
    }

    /** The tenant's users, ordered by login. */
    public Future<List<User>> list(String tenantId) {
        return redis.<Set<String>>call(c -> c.smembers(keys.tenantUsers(tenantId)))
                .compose(ids -> {
                    List<Future<Optional<User>>> reads = new ArrayList<>();
                    ids.forEach(id -> reads.add(byId(id)));
                    return Future.all(reads).map(all -> {
                        List<User> users = new ArrayList<>();
                        for (int i = 0; i < all.size(); i++) {
                            Optional<User> u = all.resultAt(i);
                            u.ifPresent(users::add);
                        }
                        users.sort((a, b) -> a.login().compareToIgnoreCase(b.login()));
                        return users;
                    });
                });
    }

    static String normal(String login) {
        return login.trim().toLowerCase(Locale.ROOT);
    }

    private static Optional<User> decode(String id, Map<String, String> h) {
        if (h == null || h.isEmpty() || h.get("tenant") == null) {
            return Optional.empty();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(h.getOrDefault("roles", "").split(",")).map(Role::fromName).flatMap(Optional::stream).forEach(roles::add);
        return Optional.of(new User(id, h.get("tenant"), h.get("login"), h.getOrDefault("name", ""), roles,
                "1".equals(h.get("disabled")), h.get("pw"), Long.parseLong(h.getOrDefault("sv", "0")),
                Instant.ofEpochMilli(Long.parseLong(h.getOrDefault("created", "0"))),
                Instant.ofEpochMilli(Long.parseLong(h.getOrDefault("updated", "0")))));
    }
}
