package vestnik.gateway.enforcement;

import io.lettuce.core.SetArgs;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import vestnik.gateway.policy.TenantPolicy;
import vestnik.gateway.store.RedisStore;

/**
 * Conversations the debtor opened (R-CP-7): a debtor's message starts or prolongs one for the tenant's idle time,
 * and an agent's reply sent while it lasts is exempt from caps and quiet hours — for tenants whose policy enables
 * it; for the others nothing is stored.
 */
public final class DebtorSessions {

    private final RedisStore redis;
    private final Map<String, TenantPolicy> tenants;
    private final Clock clock;

    public DebtorSessions(RedisStore redis, Map<String, TenantPolicy> tenants, Clock clock) {
        this.redis = redis;
        this.tenants = Map.copyOf(tenants);
        this.clock = clock;
    }

    /** The debtor wrote at {@code at}: the session lasts the tenant's idle time from then. */
    public Future<Void> debtorWrote(String tenantId, String contactId, Instant at) {
        Optional<Duration> idle = Optional.ofNullable(tenants.get(tenantId)).flatMap(TenantPolicy::debtorSession);
        if (idle.isEmpty() || contactId == null) {
            return Future.succeededFuture();
        }
        long end = at.plus(idle.get()).toEpochMilli();
        long left = end - clock.millis();
        if (left <= 0) {
            return Future.succeededFuture();
        }
        // the end is kept on this gateway's clock and compared with it; the key's own expiry only tidies up
        String key = redis.keys().debtorSession(tenantId, contactId);
        return redis.<String>call(c -> c.set(key, Long.toString(end), SetArgs.Builder.px(left))).mapEmpty();
    }

    public Future<Boolean> live(String tenantId, String contactId) {
        return redis.<String>call(c -> c.get(redis.keys().debtorSession(tenantId, contactId)))
                .map(end -> end != null && Long.parseLong(end) > clock.millis());
    }
}
