package vestnik.gateway.users;

import io.vertx.core.Future;
import java.util.Optional;

/** Checks a login name and password, with the throttle in front and the same time spent for unknown logins. */
public final class Login {

    /** How an attempt ended; the API tells the caller no more than "wrong login or password". */
    public enum Outcome { SUCCEEDED, INVALID, THROTTLED }

    public record Result(Outcome outcome, Optional<User> user) {
    }

    private final UserStore users;
    private final Passwords passwords;
    private final LoginThrottle throttle;

    public Login(UserStore users, Passwords passwords, LoginThrottle throttle) {
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
    }

    public Future<Result> attempt(String login, String password) {
        return throttle.blocked(login).compose(blocked -> {
            if (blocked) {
                return Future.succeededFuture(new Result(Outcome.THROTTLED, Optional.empty()));
            }
            return users.byLogin(login).compose(found -> {
                // a disabled user's password is still checked, so the answer's timing does not tell it apart
                String hash = found.map(User::passwordHash).orElse(null);
                return passwords.verify(password, hash).compose(ok -> {
                    if (ok && found.isPresent() && !found.get().disabled()) {
                        return throttle.succeeded(login).map(v -> new Result(Outcome.SUCCEEDED, found));
                    }
                    return throttle.failed(login).map(v -> new Result(Outcome.INVALID, Optional.<User>empty()));
                });
            });
        });
    }

    public LoginThrottle throttle() {
        return throttle;
    }
}
