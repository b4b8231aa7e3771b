package vestnik.gateway.api;

import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vestnik.gateway.config.ApiKey;
import vestnik.gateway.config.Tenant;

/**
 * {@code Authorization: Bearer <key>}. Keys are looked up by their SHA-256, so the plain keys are never
 * kept — not even in a cache of keys already seen, which would put them back into a heap dump; a lookup by
 * hash gives an attacker nothing to time. The header is read without regular expressions.
 */
final class ApiKeyAuth {

    private final Map<String, ApiKey> byHash = new HashMap<>();

    ApiKeyAuth(List<Tenant> tenants) {
        tenants.forEach(t -> t.apiKeys().forEach(k -> byHash.put(k.keyHash(), k)));
    }

    /** Authenticates by the header; the caller has checked there is one. */
    void handle(RoutingContext ctx, String header) {
        String key = bearer(header);
        if (key == null) {
            Responses.error(ctx, new ApiError(ErrorCode.UNAUTHORIZED, "the Authorization header must be 'Bearer <key>'"));
            return;
        }
        Optional<ApiKey> found = find(key);
        if (found.isEmpty()) {
            Responses.error(ctx, new ApiError(ErrorCode.UNAUTHORIZED, "unknown API key"));
            return;
        }
        ApiKey k = found.get();
        ctx.put(Principal.KEY, new Principal(k.tenantId(), k.roles(), k.fingerprint()));
        ctx.next();
    }

    private Optional<ApiKey> find(String key) {
        return Optional.ofNullable(byHash.get(ApiKey.hash(key)));
    }

    /** The key of {@code Bearer <key>} (scheme in any case, spaces around), or null. */
    static String bearer(String header) {
        String h = header.trim();
        if (h.length() < 8 || !h.regionMatches(true, 0, "Bearer", 0, 6) || !Character.isWhitespace(h.charAt(6))) {
            return null;
        }
        String key = h.substring(7).trim();
        return key.isEmpty() || key.chars().anyMatch(Character::isWhitespace) ? null : key;
    }
}
