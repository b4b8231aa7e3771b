package vestnik.gateway.users;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * bcrypt hashing, off the event loop: a hash costs hundreds of milliseconds on purpose, which would stall
 * every other request if run inline. Passwords longer than bcrypt's 72 bytes are pre-hashed with SHA-512
 * instead of being cut, so no two long passwords with the same start are equal.
 */
public final class Passwords {

    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;

    private final Vertx vertx;
    private final int cost;
    private final BCrypt.Hasher hasher = BCrypt.with(VERSION, LongPasswordStrategies.hashSha512(VERSION));
    private final BCrypt.Verifyer verifyer = BCrypt.verifyer(VERSION, LongPasswordStrategies.hashSha512(VERSION));

    public Passwords(Vertx vertx, int cost) {
        this.vertx = vertx;
        this.cost = cost;
    }

    public Future<String> hash(String password) {
        return vertx.executeBlocking(() -> hashNow(password), false);
    }

    /**
     * Whether {@code password} matches {@code hash}. With no hash (no such user) it spends the same time on a
     * throw-away hash and answers false, so response times do not tell which logins exist.
     */
    public Future<Boolean> verify(String password, String hash) {
        return vertx.executeBlocking(() -> {
            if (hash == null) {
                hashNow(password);
                return false;
            }
            return verifyer.verify(password.toCharArray(), hash.toCharArray()).verified;
        }, false);
    }

    String hashNow(String password) {
        return hasher.hashToString(cost, password.toCharArray());
    }
}
