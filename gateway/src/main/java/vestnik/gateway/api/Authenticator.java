package vestnik.gateway.api;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * Who calls {@code /v1}: an upstream system with its API key, or a person logged into the console. A
 * request carrying a key is judged by the key alone, so a stray console cookie never changes what a key may do.
 */
final class Authenticator {

    private final ApiKeyAuth keys;
    private final SessionAuth sessions;

    Authenticator(ApiKeyAuth keys, SessionAuth sessions) {
        this.keys = keys;
        this.sessions = sessions;
    }

    void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header != null && !header.isBlank()) {
            keys.handle(ctx, header);
            return;
        }
        Cookie cookie = ctx.request().getCookie(SessionAuth.COOKIE);
        if (cookie != null && sessions != null) {
            sessions.handle(ctx, cookie);
            return;
        }
        Responses.error(ctx, new ApiError(ErrorCode.UNAUTHORIZED,
                "missing credentials: send 'Authorization: Bearer <key>', or log into the console"));
    }
}
