package vestnik.gateway.api;

import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vestnik.gateway.config.ApiKey;
import vestnik.gateway.config.Tenant;

/**
 * {@code Authorization: Bearer <key>}. Keys are looked up by their SHA-256, so the plain keys are never
 * kept; a lookup by hash gives an attacker nothing to time.
 */
final class ApiKeyAuth {

    private final Map<String, ApiKey> byHash = new HashMap<>();

    ApiKeyAuth(List<Tenant> tenants) {
        tenants.forEach(t -> t.apiKeys().forEach(k -> byHash.put(k.keyHash(), k)));
    }

    void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || header.isBlank()) {
            Responses.error(ctx, new ApiError(ErrorCode.UNAUTHORIZED, "missing API key: send 'Authorization: Bearer <key>'"));
            return;
        }
        String[] parts = header.trim().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer") || parts[1].isBlank()) {
            Responses.error(ctx, new ApiError(ErrorCode.UNAUTHORIZED, "the Authorization header must be 'Bearer <key>'"));
            return;
        }
        ApiKey key = byHash.get(ApiKey.hash(parts[1].trim()));
        if (key == null) {
            Responses.error(ctx, new ApiError(ErrorCode.UNAUTHORIZED, "unknown API key"));
            return;
        }
        ctx.put(Principal.KEY, new Principal(key.tenantId(), key.roles(), key.fingerprint()));
        ctx.next();
    }
}
