package vestnik.gateway.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vestnik.gateway.config.Role;

/** Writing answers and errors the same way everywhere. */
final class Responses {

    private static final Logger log = LoggerFactory.getLogger(Responses.class);

    private Responses() {
    }

    static void json(RoutingContext ctx, int status, JsonObject body) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8").end(body.encode());
    }

    static void error(RoutingContext ctx, ApiError e) {
        json(ctx, e.code().status(), e.toJson());
    }

    /** Any failure on the way: our own errors as they are, the store's as 503, the rest as 500 (logged). */
    static void failure(RoutingContext ctx, Throwable t) {
        if (t instanceof ApiError e) {
            error(ctx, e);
            return;
        }
        String name = t.getClass().getName();
        if (name.startsWith("io.lettuce") || t instanceof java.util.concurrent.TimeoutException) {
            log.warn("store unavailable while serving {} {}: {}", ctx.request().method(), ctx.normalizedPath(), t.toString());
            error(ctx, new ApiError(ErrorCode.STORE_UNAVAILABLE, "the message store is unavailable; nothing was changed, try again"));
            return;
        }
        log.error("unexpected failure serving {} {}", ctx.request().method(), ctx.normalizedPath(), t);
        error(ctx, new ApiError(ErrorCode.INTERNAL, "an unexpected error occurred; it has been logged"));
    }

    /** An answer: its HTTP status and JSON body. */
    record Reply(int status, JsonObject body) {
        static Reply ok(JsonObject body) {
            return new Reply(200, body);
        }
    }

    /**
     * Runs a handler for a caller with {@code role}: whatever it throws or fails with becomes the error
     * answer, so each handler states only what it does.
     */
    static void handle(RoutingContext ctx, Role role, java.util.function.Function<Principal, io.vertx.core.Future<Reply>> action) {
        try {
            action.apply(principal(ctx, role))
                    .onSuccess(r -> json(ctx, r.status(), r.body()))
                    .onFailure(t -> failure(ctx, t));
        } catch (RuntimeException e) {
            failure(ctx, e);
        }
    }

    /** As {@link #handle}, for a call open to any of several roles. */
    static void handleAny(RoutingContext ctx, java.util.Set<Role> anyOf,
                          java.util.function.Function<Principal, io.vertx.core.Future<Reply>> action) {
        try {
            Principal p = principal(ctx, Role.ADMIN, anyOf);
            action.apply(p)
                    .onSuccess(r -> json(ctx, r.status(), r.body()))
                    .onFailure(t -> failure(ctx, t));
        } catch (RuntimeException e) {
            failure(ctx, e);
        }
    }

    private static Principal principal(RoutingContext ctx, Role fallback, java.util.Set<Role> anyOf) {
        Principal p = ctx.get(Principal.KEY);
        if (p == null) {
            throw new ApiError(ErrorCode.UNAUTHORIZED, "missing credentials");
        }
        if (p.roles().stream().noneMatch(anyOf::contains) && !p.roles().contains(fallback)) {
            throw new ApiError(ErrorCode.FORBIDDEN, "the caller has none of the roles "
                    + anyOf.stream().map(Role::wireName).sorted().toList());
        }
        return p;
    }

    static Principal principal(RoutingContext ctx, Role required) {
        Principal p = ctx.get(Principal.KEY);
        if (p == null) {
            throw new ApiError(ErrorCode.UNAUTHORIZED, "missing credentials");
        }
        if (!p.roles().contains(required) && !p.roles().contains(Role.ADMIN)) {
            throw new ApiError(ErrorCode.FORBIDDEN, (p.userId() == null ? "this key" : "this user")
                    + " lacks the role '" + required.wireName() + "'");
        }
        return p;
    }
}
