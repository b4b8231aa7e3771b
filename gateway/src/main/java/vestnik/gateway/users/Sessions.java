package vestnik.gateway.users;

import io.vertx.core.Future;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import vestnik.gateway.config.ApiKey;
import vestnik.gateway.store.Keys;
import vestnik.gateway.store.RedisStore;

/**
 * Console sessions in Redis, so that any gateway instance behind a balancer knows them and a restart logs
 * nobody out. A session lives {@code idle} since its last use, and never longer than {@code max} since login.
 */
public final class Sessions {

    /** A new session: the cookie value (shown once, only its hash is kept) and what was stored. */
    public record Opened(String token, Session session) {
        @Override
        public String toString() {
            return "Opened[" + session + "]";
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RedisStore redis;
    private final Keys keys;
    private final Duration idle;
    private final Duration max;
    private final Clock clock;

    public Sessions(RedisStore redis, Duration idle, Duration max, Clock clock) {
        this.redis = redis;
        this.keys = redis.keys();
        this.idle = idle;
        this.max = max;
        this.clock = clock;
    }

    public Future<Opened> open(User user) {
        String token = random();
        Session s = new Session(user.id(), user.tenantId(), random(), user.sessionVersion(), clock.instant());
        String key = keys.session(ApiKey.hash(token));
        Map<String, String> h = Map.of("uid", s.userId(), "tid", s.tenantId(), "csrf", s.csrfToken(),
                "sv", Long.toString(s.sessionVersion()), "created", Long.toString(s.createdAt().toEpochMilli()));
        return redis.<Long>call(c -> c.hset(key, h))
                .compose(n -> redis.<Boolean>call(c -> c.pexpire(key, idle.toMillis())))
                .map(ok -> new Opened(token, s));
    }

    /** The live session behind a cookie value, its idle timer restarted; empty when unknown or expired. */
    public Future<Optional<Session>> find(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Future.succeededFuture(Optional.empty());
        }
        String key = keys.session(ApiKey.hash(token));
        return redis.<Map<String, String>>call(c -> c.hgetall(key)).compose(h -> {
            if (h == null || h.get("uid") == null) {
                return Future.succeededFuture(Optional.<Session>empty());
            }
            Session s = new Session(h.get("uid"), h.get("tid"), h.get("csrf"), Long.parseLong(h.getOrDefault("sv", "0")),
                    Instant.ofEpochMilli(Long.parseLong(h.getOrDefault("created", "0"))));
            Duration age = Duration.between(s.createdAt(), clock.instant());
            Duration left = max.minus(age);
            if (left.isNegative() || left.isZero()) {
                return redis.<Long>call(c -> c.del(key)).map(x -> Optional.<Session>empty());
            }
            long ttl = Math.min(idle.toMillis(), left.toMillis());
            return redis.<Boolean>call(c -> c.pexpire(key, ttl)).map(x -> Optional.of(s));
        });
    }

    public Future<Void> close(String token) {
        if (token == null || token.isEmpty()) {
            return Future.succeededFuture();
        }
        return redis.<Long>call(c -> c.del(keys.session(ApiKey.hash(token)))).mapEmpty();
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
