package vestnik.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import vestnik.gateway.config.Role;
import vestnik.gateway.users.Accounts;
import vestnik.gateway.users.PasswordRules;
import vestnik.gateway.users.User;
import vestnik.gateway.users.UserStore;

/**
 * {@code /v1/users}: console accounts of the caller's tenant. Everyone with a console role may list them
 * (an agent assigns a conversation to a colleague by name); only an admin creates or changes them.
 */
public final class UsersApi {

    private static final Set<String> CREATE_FIELDS = Set.of("login", "name", "password", "roles");
    private static final Set<String> PATCH_FIELDS = Set.of("name", "password", "roles", "disabled");
    private static final Set<Role> CONSOLE_ROLES = EnumSet.of(Role.AGENT, Role.MARKETER, Role.ADMIN);
    private static final int MAX_NAME = 200;

    private final UserStore users;
    private final Accounts accounts;

    public UsersApi(UserStore users, Accounts accounts) {
        this.users = users;
        this.accounts = accounts;
    }

    public void list(RoutingContext ctx) {
        Responses.handleAny(ctx, CONSOLE_ROLES, p -> users.list(p.tenantId()).map(all -> {
            JsonArray out = new JsonArray();
            all.forEach(u -> out.add(u.toJson()));
            return Responses.Reply.ok(new JsonObject().put("users", out));
        }));
    }

    public void create(RoutingContext ctx) {
        Responses.handle(ctx, Role.ADMIN, p -> {
            JsonNode body = object(ctx, CREATE_FIELDS);
            String login = body.path("login").asText("").trim();
            if (!PasswordRules.validLogin(login)) {
                throw new ApiError(ErrorCode.INVALID_USER, "login must be 3-64 letters, digits, '.', '_', '-' or '@'");
            }
            String name = name(body.path("name")).orElseThrow(() ->
                    new ApiError(ErrorCode.MISSING_FIELD, "name is required (the person's name as agents see it)"));
            String password = body.path("password").isTextual() ? body.get("password").asText() : null;
            PasswordRules.problem(password).ifPresent(why -> {
                throw new ApiError(ErrorCode.INVALID_USER, why);
            });
            Set<Role> roles = roles(body.path("roles")).orElseThrow(() ->
                    new ApiError(ErrorCode.MISSING_FIELD, "roles is required: a list of agent, marketer, admin"));
            return accounts.create(p.tenantId(), login, name, password, roles).compose(u -> u
                    .map(x -> Future.succeededFuture(new Responses.Reply(201, x.toJson())))
                    .orElseGet(() -> Future.failedFuture(new ApiError(ErrorCode.LOGIN_TAKEN,
                            "the login '" + login + "' is taken"))));
        });
    }

    public void change(RoutingContext ctx) {
        Responses.handle(ctx, Role.ADMIN, p -> {
            JsonNode body = object(ctx, PATCH_FIELDS);
            Optional<String> name = body.has("name") ? Optional.of(name(body.get("name")).orElseThrow(() ->
                    new ApiError(ErrorCode.INVALID_USER, "name must be a non-empty string"))) : Optional.empty();
            Optional<String> password = Optional.empty();
            if (body.has("password")) {
                String pw = body.get("password").isTextual() ? body.get("password").asText() : null;
                PasswordRules.problem(pw).ifPresent(why -> {
                    throw new ApiError(ErrorCode.INVALID_USER, why);
                });
                password = Optional.of(pw);
            }
            Optional<Set<Role>> roles = body.has("roles") ? Optional.of(roles(body.get("roles")).orElseThrow(() ->
                    new ApiError(ErrorCode.INVALID_USER, "roles must be a list of agent, marketer, admin"))) : Optional.empty();
            Optional<Boolean> disabled = Optional.empty();
            if (body.has("disabled")) {
                if (!body.get("disabled").isBoolean()) {
                    throw new ApiError(ErrorCode.INVALID_USER, "disabled must be true or false");
                }
                disabled = Optional.of(body.get("disabled").asBoolean());
            }
            String id = ctx.pathParam("id");
            if (id.equals(p.userId()) && (disabled.orElse(false) || roles.filter(r -> !r.contains(Role.ADMIN)).isPresent())) {
                // the last admin locking themselves out would leave the tenant with nobody to manage users
                throw new ApiError(ErrorCode.INVALID_USER, "you cannot disable yourself or take away your own admin role");
            }
            Accounts.Change change = new Accounts.Change(name, password, roles, disabled);
            return users.byId(id).compose(found -> {
                if (found.isEmpty() || !found.get().tenantId().equals(p.tenantId())) {
                    return Future.failedFuture(new ApiError(ErrorCode.NOT_FOUND, "no user with id '" + id + "'"));
                }
                return accounts.change(found.get(), change).map(u -> Responses.Reply.ok(u.toJson()));
            });
        });
    }

    private static JsonNode object(RoutingContext ctx, Set<String> fields) {
        JsonNode body = MessagesApi.readJson(ctx);
        if (!body.isObject()) {
            throw new ApiError(ErrorCode.MALFORMED_JSON, "the body must be a JSON object");
        }
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!fields.contains(f)) {
                throw new ApiError(ErrorCode.UNKNOWN_FIELD, "unknown field '" + f + "'; known: " + fields);
            }
        }
        return body;
    }

    private static Optional<String> name(JsonNode n) {
        if (!n.isTextual() || n.asText().isBlank() || n.asText().length() > MAX_NAME
                || n.asText().chars().anyMatch(Character::isISOControl)) {
            return Optional.empty();
        }
        return Optional.of(n.asText().strip());
    }

    private static Optional<Set<Role>> roles(JsonNode n) {
        if (!n.isArray() || n.isEmpty()) {
            return Optional.empty();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (JsonNode r : n) {
            Optional<Role> role = r.isTextual() ? Role.fromName(r.asText()) : Optional.empty();
            if (role.isEmpty() || !CONSOLE_ROLES.contains(role.get())) {
                throw new ApiError(ErrorCode.INVALID_USER, "unknown console role " + r + "; known: agent, marketer, admin");
            }
            roles.add(role.get());
        }
        return Optional.of(roles);
    }
}
