package vestnik.gateway.api;

import io.vertx.ext.web.RoutingContext;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import vestnik.gateway.config.Role;
import vestnik.gateway.stats.DeliveryStats;

/** {@code GET /v1/stats/today?zone=Europe/Moscow}: the caller's tenant's day per channel, for the console. */
public final class StatsApi {

    private static final Set<Role> READERS = EnumSet.of(Role.AGENT, Role.MARKETER);

    private final DeliveryStats stats;

    public StatsApi(DeliveryStats stats) {
        this.stats = stats;
    }

    public void today(RoutingContext ctx) {
        try {
            Principal p = RoleCheck.anyOf(ctx, READERS, "read the day's figures");
            String z = ctx.queryParams().get("zone");
            ZoneId zone;
            try {
                zone = ZoneId.of(z == null || z.isBlank() ? "Europe/Moscow" : z.trim());
            } catch (DateTimeException e) {
                throw new ApiError(ErrorCode.INVALID_QUERY, "zone must be a time-zone id such as Europe/Moscow");
            }
            stats.today(p.tenantId(), zone)
                    .onSuccess(json -> Responses.json(ctx, 200, json))
                    .onFailure(t -> Responses.failure(ctx, t));
        } catch (RuntimeException e) {
            Responses.failure(ctx, e);
        }
    }
}
