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

    public InteractionLedger(RedisStore redis) {
        this.redis = redis;
    }

    public Future<Void> append(String tenantId, String subject, Entry e) {
        return redis.call(r -> r.xadd(redis.keys().ledger(tenantId, subject), e.fields())).mapEmpty();
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
