package vestnik.gateway.stats;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vestnik.gateway.store.Keys;
import vestnik.gateway.store.RedisStore;

/**
 * A tenant's day per channel: what was accepted, handed over, delivered, read, failed and deferred (by reason), and
 * what it cost. The counts are kept by the status-changing scripts themselves, per shard, UTC day and UTC hour
 * ({@link Keys#tenantDayCounts}); a day in the caller's zone is the sum of the hours it spans, over every shard. A
 * zone whose offset is not whole hours is counted by the UTC hours that start inside its day.
 */
public final class DeliveryStats {

    private static final long HOUR_MS = 3_600_000L;
    private static final long DAY_MS = 24 * HOUR_MS;

    /** One channel's counts over the day. */
    private static final class ChannelDay {
        long accepted;
        long sent;
        long parts;
        long delivered;
        long read;
        long failed;
        long deferred;
        final Map<String, Long> deferredReasons = new TreeMap<>();
    }

    private final RedisStore redis;
    private final Pricing pricing;
    private final Clock clock;

    public DeliveryStats(RedisStore redis, Pricing pricing, Clock clock) {
        this.redis = redis;
        this.pricing = pricing;
        this.clock = clock;
    }

    /** Today in {@code zone}, for {@code tenantId}: {@code {"date","zone","channels":[...]}}. */
    public Future<JsonObject> today(String tenantId, ZoneId zone) {
        LocalDate date = LocalDate.ofInstant(clock.instant(), zone);
        long from = date.atStartOfDay(zone).toInstant().toEpochMilli();
        long to = date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        Keys keys = redis.keys();
        List<Long> days = new ArrayList<>();
        List<Future<Map<String, String>>> reads = new ArrayList<>();
        for (long day = Math.floorDiv(from, DAY_MS); day <= Math.floorDiv(to - 1, DAY_MS); day++) {
            for (int shard = 0; shard < keys.shards(); shard++) {
                String key = keys.tenantDayCounts(shard, tenantId, day);
                days.add(day);
                reads.add(redis.call(c -> c.hgetall(key)));
            }
        }
        return Future.all(reads).map(all -> {
            Map<String, ChannelDay> channels = new TreeMap<>();
            for (int i = 0; i < reads.size(); i++) {
                long dayStart = days.get(i) * DAY_MS;
                reads.get(i).result().forEach((field, value) -> add(channels, field, value, dayStart, from, to));
            }
            JsonArray out = new JsonArray();
            channels.forEach((channel, d) -> out.add(json(tenantId, channel, d)));
            return new JsonObject().put("date", date.toString()).put("zone", zone.getId()).put("channels", out);
        });
    }

    /** Adds one field {@code <hour>|<channel>|<name>} if its hour lies in {@code [from, to)}. */
    private static void add(Map<String, ChannelDay> channels, String field, String value, long dayStart, long from, long to) {
        String[] p = field.split("\\|", 3);
        if (p.length != 3) {
            return;
        }
        long hourStart = dayStart + Long.parseLong(p[0]) * HOUR_MS;
        if (hourStart < from || hourStart >= to) {
            return;
        }
        long n = Long.parseLong(value);
        ChannelDay d = channels.computeIfAbsent(p[1], k -> new ChannelDay());
        String name = p[2];
        if (name.startsWith("deferred:")) {
            d.deferred += n;
            d.deferredReasons.merge(name.substring("deferred:".length()), n, Long::sum);
            return;
        }
        switch (name) {
            case "accepted" -> d.accepted += n;
            case "sent" -> d.sent += n;
            case "parts" -> d.parts += n;
            case "delivered" -> d.delivered += n;
            case "read" -> d.read += n;
            case "failed", "expired", "rejected" -> d.failed += n;
            default -> {
                // other changes (cancelled) are kept but not part of the day's figures
            }
        }
    }

    private JsonObject json(String tenantId, String channel, ChannelDay d) {
        JsonObject reasons = new JsonObject();
        d.deferredReasons.forEach(reasons::put);
        JsonObject o = new JsonObject().put("channel", channel).put("accepted", d.accepted).put("sent", d.sent)
                .put("delivered", d.delivered).put("read", d.read).put("failed", d.failed).put("deferred", d.deferred)
                .put("deferredReasons", reasons);
        if (pricing.priced(tenantId)) {
            BigDecimal cost = pricing.cost(tenantId, channel, d.sent, d.parts);
            o.put("cost", Pricing.money(cost));
        }
        return o;
    }
}
