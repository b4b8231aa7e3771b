package vestnik.gateway.enforcement;

import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vestnik.gateway.store.RedisStore;

/**
 * The append-only record of every contact-policy decision about a debtor (issue #8, R-EV): what was decided for
 * which message on which channel, why, at what UTC and local time, in which zone and what placed the debtor
 * there — what a creditor hands the regulator after a complaint. One Redis stream per creditor and debtor
 * (the contact, or the address when no contact is known); entries are never changed or trimmed.
 */
public final class InteractionLedger {

    /** One decision. {@code local} and {@code zone} are null when the zone was unknown. */
    public record Entry(Instant at, String local, String zone, String zoneSource, String decision, String reason,
                        String messageId, String channelId, String detail) {

        Map<String, String> fields() {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("at", Long.toString(at.toEpochMilli()));
            put(f, "local", local);
            put(f, "zone", zone);
            put(f, "src", zoneSource);
            f.put("d", decision);
            put(f, "r", reason);
            put(f, "m", messageId);
            put(f, "c", channelId);
            put(f, "dt", detail);
            return f;
        }

        static Entry of(Map<String, String> f) {
            return new Entry(Instant.ofEpochMilli(Long.parseLong(f.getOrDefault("at", "0"))), f.get("local"),
                    f.get("zone"), f.get("src"), f.get("d"), f.get("r"), f.get("m"), f.get("c"), f.get("dt"));
        }

        private static void put(Map<String, String> f, String k, String v) {
            if (v != null) {
                f.put(k, v);
            }
        }
    }

    private final RedisStore redis;
    private final java.util.function.Function<String, java.time.Duration> retention;
    private final java.time.Clock clock;

    /** {@code retention}: how long a tenant's records are kept (its policy's {@code ledgerRetention}). */
    public InteractionLedger(RedisStore redis, java.util.function.Function<String, java.time.Duration> retention,
                             java.time.Clock clock) {
        this.redis = redis;
        this.retention = retention;
        this.clock = clock;
    }

    public InteractionLedger(RedisStore redis) {
        this(redis, t -> vestnik.gateway.policy.TenantPolicy.DEFAULT_LEDGER_RETENTION, java.time.Clock.systemUTC());
    }

    /**
     * Appends a record; records older than the tenant's retention leave the stream as new ones come (stream ids
     * are Redis's clock in ms, so the cut-off is an id; exact, as a debtor has a few records a day), and a debtor's
     * whole ledger expires once its newest
     * record is that old (R-EV-3: deleted after the retention, not kept for ever).
     */
    public Future<Void> append(String tenantId, String subject, Entry e) {
        String key = redis.keys().ledger(tenantId, subject);
        java.time.Duration keep = retention.apply(tenantId);
        long cutoff = Math.max(0, clock.millis() - keep.toMillis());
        io.lettuce.core.XAddArgs args = new io.lettuce.core.XAddArgs().minId(cutoff + "-0");
        return redis.call(r -> r.xadd(key, args, e.fields()))
                .compose(id -> redis.<Boolean>call(r -> r.pexpire(key, keep.toMillis())))
                .mapEmpty();
    }

    /**
     * The decisions about a contact whose time is in [{@code from}, {@code to}), oldest first. Filtered by the
     * decision time the gateway wrote rather than by stream id, which is Redis's clock: a debtor's stream holds a
     * few entries a day, so reading it whole is cheap.
     */
    public Future<List<Entry>> read(String tenantId, String contactId, Instant from, Instant to) {
        String key = redis.keys().ledger(tenantId, PolicyGate.contactSubject(contactId));
        return redis.call(r -> r.xrange(key, Range.create("-", "+"))).map(list -> list.stream()
                .map(StreamMessage::getBody).map(Entry::of)
                .filter(e -> (from == null || !e.at().isBefore(from)) && (to == null || e.at().isBefore(to)))
                .toList());
    }
}
