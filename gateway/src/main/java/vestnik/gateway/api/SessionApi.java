package vestnik.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Iterator;
import java.util.Set;
import vestnik.gateway.users.Login;
import vestnik.gateway.users.Session;
import vestnik.gateway.users.Sessions;
import vestnik.gateway.users.User;
import vestnik.gateway.users.UserStore;

/** {@code /v1/session}: the console's login, who is logged in, and logout. */
public final class SessionApi {

    private static final Set<String> LOGIN_FIELDS = Set.of("login", "password");

    private final Login login;
    private final Sessions sessions;
    private final boolean secureCookie;
    private final long cookieMaxAgeSeconds;
    private final SessionAuth auth;

    public SessionApi(Login login, Sessions sessions, UserStore users, boolean secureCookie, long cookieMaxAgeSeconds) {
        this.login = login;
        this.sessions = sessions;
        this.auth = new SessionAuth(sessions, users);
        this.secureCookie = secureCookie;
        this.cookieMaxAgeSeconds = cookieMaxAgeSeconds;
    }

    SessionAuth auth() {
        return auth;
    }

    public void login(RoutingContext ctx) {
        String name;
        String password;
        try {
            String type = ctx.request().getHeader("Content-Type");
            if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
                // a page of another site can post a form or text/plain here without asking, but not JSON: this
                // keeps it from logging a browser into an account of its choosing
                throw new ApiError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "send the login as application/json");
            }
            JsonNode body = MessagesApi.readJson(ctx);
            if (!body.isObject()) {
                throw new ApiError(ErrorCode.MALFORMED_JSON, "the body must be a JSON object {\"login\",\"password\"}");
            }
            for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!LOGIN_FIELDS.contains(f)) {
                    throw new ApiError(ErrorCode.UNKNOWN_FIELD, "unknown field '" + f + "'; known: login, password");
                }
            }
            if (!body.path("login").isTextual() || !body.path("password").isTextual()
                    || body.get("login").asText().isBlank() || body.get("password").asText().isEmpty()) {
                throw new ApiError(ErrorCode.MISSING_FIELD, "login and password are required (strings)");
            }
            name = body.get("login").asText().trim();
            password = body.get("password").asText();
            if (name.length() > 64 || password.length() > 1024) {
                throw new ApiError(ErrorCode.INVALID_CREDENTIALS, "wrong login or password");
            }
        } catch (ApiError e) {
            Responses.error(ctx, e);
            return;
        }
        login.attempt(name, password)
                .compose(result -> switch (result.outcome()) {
                    case THROTTLED -> {
                        ctx.response().putHeader("Retry-After", Long.toString(login.throttle().window().toSeconds()));
                        yield Future.<JsonObject>failedFuture(new ApiError(ErrorCode.TOO_MANY_ATTEMPTS,
                                "too many failed logins for this name; try again in "
                                        + login.throttle().window().toMinutes() + " minutes"));
                    }
                    case INVALID -> Future.<JsonObject>failedFuture(
                            new ApiError(ErrorCode.INVALID_CREDENTIALS, "wrong login or password"));
                    case SUCCEEDED -> sessions.open(result.user().orElseThrow()).map(opened -> {
                        ctx.response().addCookie(cookie(opened.token(), cookieMaxAgeSeconds));
                        return body(result.user().get(), opened.session());
                    });
                })
                .onSuccess(b -> Responses.json(ctx, 200, b))
                .onFailure(t -> Responses.failure(ctx, t));
    }

    /** Behind the authenticator: the logged-in user and the session's CSRF token, for a reloaded page. */
    public void current(RoutingContext ctx) {
        User u = ctx.get(SessionAuth.USER);
        Session s = ctx.get(SessionAuth.SESSION);
        if (u == null || s == null) {
            Responses.error(ctx, new ApiError(ErrorCode.UNAUTHORIZED, "not logged in (an API key has no console session)"));
            return;
        }
        Responses.json(ctx, 200, body(u, s));
    }

    /** Behind the authenticator (so a cross-site page cannot log a user out without the CSRF token). */
    public void logout(RoutingContext ctx) {
        Cookie c = ctx.request().getCookie(SessionAuth.COOKIE);
        if (ctx.get(SessionAuth.SESSION) == null || c == null) {
            Responses.error(ctx, new ApiError(ErrorCode.UNAUTHORIZED, "not logged in (an API key has no console session)"));
            return;
        }
        sessions.close(c.getValue())
                .onSuccess(v -> {
                    ctx.response().addCookie(cookie("", 0));
                    ctx.response().setStatusCode(204).end();
                })
                .onFailure(t -> Responses.failure(ctx, t));
    }

    private Cookie cookie(String value, long maxAgeSeconds) {
        return Cookie.cookie(SessionAuth.COOKIE, value).setPath("/").setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT).setSecure(secureCookie).setMaxAge(maxAgeSeconds);
    }

    private static JsonObject body(User u, Session s) {
        return new JsonObject().put("user", u.toJson()).put("csrfToken", s.csrfToken());
    }
}
