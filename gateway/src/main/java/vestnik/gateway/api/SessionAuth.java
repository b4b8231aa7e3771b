package vestnik.gateway.api;

import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import vestnik.gateway.users.Session;
import vestnik.gateway.users.Sessions;
import vestnik.gateway.users.User;
import vestnik.gateway.users.UserStore;

/**
 * The console's session cookie. The cookie is SameSite=Strict, and every state-changing call must also
 * carry the session's CSRF token in a header, which another site's page cannot read: either alone already
 * stops cross-site requests in current browsers; both together cover older ones and same-site subdomains.
 */
final class SessionAuth {

    private record LoggedIn(Session session, User user) {
    }

    static final String COOKIE = "vestnik_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String SESSION = "vestnik.session";
    static final String USER = "vestnik.user";

    private final Sessions sessions;
    private final UserStore users;

    SessionAuth(Sessions sessions, UserStore users) {
        this.sessions = sessions;
        this.users = users;
    }

    void handle(RoutingContext ctx, Cookie cookie) {
        // the body of a streamed upload waits until we know who sends it; its handler resumes it
        boolean streaming = !ctx.request().isEnded();
        if (streaming) {
            ctx.request().pause();
        }
        sessions.find(cookie.getValue())
                .compose(s -> s.isEmpty() ? Future.succeededFuture(Optional.<LoggedIn>empty())
                        : users.byId(s.get().userId()).map(u -> u.map(x -> new LoggedIn(s.get(), x))))
                .onSuccess(found -> {
                    if (found.isEmpty()) {
                        resume(ctx);
                        Responses.error(ctx, new ApiError(ErrorCode.UNAUTHORIZED,
                                "the session has ended; log in again"));
                        return;
                    }
                    Session s = found.get().session();
                    User u = found.get().user();
                    if (u.disabled() || u.sessionVersion() != s.sessionVersion() || !u.tenantId().equals(s.tenantId())) {
                        resume(ctx);
                        Responses.error(ctx, new ApiError(ErrorCode.UNAUTHORIZED,
                                "the session has ended (the account was changed); log in again"));
                        return;
                    }
                    if (changesState(ctx.request().method()) && !csrfMatches(ctx.request().getHeader(CSRF_HEADER), s.csrfToken())) {
                        resume(ctx);
                        Responses.error(ctx, new ApiError(ErrorCode.CSRF_FAILED,
                                "a state-changing call needs the session's token in the " + CSRF_HEADER + " header"));
                        return;
                    }
                    ctx.put(SESSION, s);
                    ctx.put(USER, u);
                    java.util.function.Supplier<Future<Boolean>> stillValid = () -> sessions.find(cookie.getValue())
                            .compose(again -> again.isEmpty() ? Future.succeededFuture(false)
                                    : users.byId(again.get().userId()).map(now -> now.isPresent() && !now.get().disabled()
                                            && now.get().sessionVersion() == again.get().sessionVersion()));
                    ctx.put(Principal.STILL_VALID, stillValid);
                    ctx.put(Principal.KEY, new Principal(u.tenantId(), u.roles(), null, u.id(), u.login()));
                    ctx.next();
                })
                .onFailure(t -> {
                    resume(ctx);
                    Responses.failure(ctx, t);
                });
    }

    private static void resume(RoutingContext ctx) {
        if (!ctx.request().isEnded()) {
            ctx.request().resume();
        }
    }

    static boolean changesState(HttpMethod m) {
        return !(m == HttpMethod.GET || m == HttpMethod.HEAD || m == HttpMethod.OPTIONS);
    }

    private static boolean csrfMatches(String given, String expected) {
        if (given == null || expected == null) {
            return false;
        }
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
