package vestnik.gateway.users;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import vestnik.gateway.store.Keys;
import vestnik.gateway.store.RedisStore;

/**
 * Slows down password guessing: after {@code limit} failed logins for one login name within {@code window},
 * further attempts are refused until the window passes, whatever the password (so a guess cannot even be
 * tested). Counted per login, not per address, because an office's agents share one NAT address. The
 * window is fixed (its number is in the key) and every failure sets the expiry again, so a crash between
 * the two commands cannot leave a counter that never expires.
 */
public final class LoginThrottle {

    private final RedisStore redis;
    private final Keys keys;
    private final int limit;
    private final Duration window;
    private final Clock clock;

    public LoginThrottle(RedisStore redis, int limit, Duration window, Clock clock) {
        this.clock = clock;
        this.redis = redis;
        this.keys = redis.keys();
        this.limit = limit;
        this.window = window;
    }

    public Future<Boolean> blocked(String login) {
        String key = key(login);
        return redis.<String>call(c -> c.get(key))
                .map(n -> n != null && Long.parseLong(n) >= limit);
    }

    public Future<Void> failed(String login) {
        String key = key(login);
        return redis.<Long>call(c -> c.incr(key))
                .compose(n -> redis.<Boolean>call(c -> c.pexpire(key, window.toMillis())).mapEmpty());
    }

    public Future<Void> succeeded(String login) {
        String key = key(login);
        return redis.<Long>call(c -> c.del(key)).mapEmpty();
    }

    private String key(String login) {
        return keys.loginFailures(UserStore.normal(login)) + ":" + clock.millis() / window.toMillis();
    }

    public Duration window() {
        return window;
    }
}
