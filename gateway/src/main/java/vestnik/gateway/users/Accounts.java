package vestnik.gateway.users;

import io.vertx.core.Future;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vestnik.gateway.config.ConsoleConfig;
import vestnik.gateway.config.Role;

/** Creating and changing console users; the rules live here so the API and start-up share them. */
public final class Accounts {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A change of a user: each field empty when left as it is. */
    public record Change(Optional<String> name, Optional<String> password, Optional<Set<Role>> roles,
                         Optional<Boolean> disabled) {
    }

    private final UserStore users;
    private final Passwords passwords;
    private final Clock clock;

    public Accounts(UserStore users, Passwords passwords, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** The new user, or empty when the login is taken. Arguments are checked by the caller (PasswordRules). */
    public Future<Optional<User>> create(String tenantId, String login, String name, String password, Set<Role> roles) {
        return passwords.hash(password).compose(hash -> {
            Instant now = clock.instant();
            User u = new User(newId(), tenantId, login.trim(), name, roles, false, hash, 1, now, now);
            return users.create(u).map(o -> o == UserStore.CreateOutcome.CREATED ? Optional.of(u) : Optional.<User>empty());
        });
    }

    /** Applies {@code change}; a new password, other roles or disabling ends the user's open sessions. */
    public Future<User> change(User u, Change change) {
        Future<String> hash = change.password().isPresent() ? passwords.hash(change.password().get())
                : Future.succeededFuture(u.passwordHash());
        return hash.compose(h -> {
            boolean endSessions = change.password().isPresent()
                    || change.roles().filter(r -> !r.equals(u.roles())).isPresent()
                    || change.disabled().filter(d -> d && !u.disabled()).isPresent();
            User next = new User(u.id(), u.tenantId(), u.login(), change.name().orElse(u.name()),
                    change.roles().orElse(u.roles()), change.disabled().orElse(u.disabled()), h,
                    endSessions ? u.sessionVersion() + 1 : u.sessionVersion(), u.createdAt(), clock.instant());
            return users.write(next).map(next);
        });
    }

    /**
     * Creates the configured first administrator unless its login exists already: the config's password
     * sets up an empty gateway and is not forced back over a password the administrator has since changed.
     */
    public Future<Void> ensureFirstAdmin(Optional<ConsoleConfig.FirstAdmin> admin) {
        if (admin.isEmpty()) {
            return Future.succeededFuture();
        }
        ConsoleConfig.FirstAdmin a = admin.get();
        return users.byLogin(a.login()).compose(found -> {
            if (found.isPresent()) {
                return Future.succeededFuture();
            }
            return create(a.tenantId(), a.login(), a.name(), a.password(), Set.of(Role.ADMIN)).map(u -> {
                u.ifPresent(x -> log.info("created the first console administrator ({}) for tenant {}", x.id(), x.tenantId()));
                return (Void) null;
            });
        });
    }

    private static String newId() {
        byte[] b = new byte[9];
        RANDOM.nextBytes(b);
        return "u_" + HexFormat.of().formatHex(b);
    }
}
