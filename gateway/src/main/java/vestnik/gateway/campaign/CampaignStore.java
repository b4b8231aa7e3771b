package vestnik.gateway.campaign;

import io.lettuce.core.KeyValue;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vestnik.gateway.store.Keys;
import vestnik.gateway.store.MessageRepository;
import vestnik.gateway.store.RedisStore;

/**
 * Campaigns in Redis: a hash per campaign (tenant, spec, state, intake counters) and the list of its rows'
 * outcomes in upload order, which is also the campaign's index of messages (for pause, cancel and the report).
 */
public final class CampaignStore {

    /** Where a campaign is in its life. */
    public enum State {
        UPLOADING, RUNNING, PAUSED, CANCELLED, FAILED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static State fromWireName(String s) {
            return valueOf(s.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** One row's outcome as stored: the message made of it, or the refusal. */
    public record RowOutcome(int line, String messageId, String code, String reason) {

        static RowOutcome parse(String s) {
            String[] p = s.split("\t", 4);
            int line = Integer.parseInt(p[0]);
            return p.length == 2 ? new RowOutcome(line, p[1], null, null) : new RowOutcome(line, null, p[2], p[3]);
        }

        String encode() {
            return messageId != null ? line + "\t" + messageId
                    : line + "\t\t" + code + "\t" + reason.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
        }
    }

    private final RedisStore redis;
    private final Keys keys;

    public CampaignStore(RedisStore redis) {
        this.redis = redis;
        this.keys = redis.keys();
    }

    public Future<Void> create(String id, String tenantId, CampaignSpec spec, Instant now) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("t", tenantId);
        h.put("spec", spec.toJson().encode());
        h.put("state", State.UPLOADING.wireName());
        h.put("rows", "0");
        h.put("accepted", "0");
        h.put("rejected", "0");
        h.put("ca", now.toString());
        // ids are time-ordered (Ids), so the tenant's index sorts its campaigns by name, all scored 0
        return redis.call(c -> c.hset(keys.campaign(id), h))
                .compose(v -> redis.call(c -> c.zadd(keys.campaignsOfTenant(tenantId), 0, id))).mapEmpty();
    }

    /**
     * Up to {@code count} of the tenant's campaign ids, newest first, after {@code cursor} (an id answered as
     * {@link Page#next} before; null for the newest). {@code next} is null when there are no more.
     */
    public Future<Page> newestFirst(String tenantId, String cursor, int count) {
        Range<String> range = cursor == null ? Range.unbounded()
                : Range.from(Range.Boundary.unbounded(), Range.Boundary.excluding(cursor));
        return redis.call(c -> c.zrevrangebylex(keys.campaignsOfTenant(tenantId), range, Limit.create(0, count)))
                .map(ids -> new Page(ids, ids.size() < count ? null : ids.get(ids.size() - 1)));
    }

    /** A page of campaign ids and the cursor of the next page. */
    public record Page(List<String> ids, String next) {
    }

    /** Appends a group of rows and counts them; the calls go out together. */
    public Future<Void> append(String id, List<RowOutcome> rows) {
        if (rows.isEmpty()) {
            return Future.succeededFuture();
        }
        long accepted = rows.stream().filter(r -> r.messageId() != null).count();
        String[] encoded = rows.stream().map(RowOutcome::encode).toArray(String[]::new);
        String key = keys.campaign(id);
        return Future.all(
                redis.call(c -> c.rpush(keys.campaignRows(id), encoded)),
                redis.call(c -> c.hincrby(key, "rows", rows.size())),
                redis.call(c -> c.hincrby(key, "accepted", accepted)),
                redis.call(c -> c.hincrby(key, "rejected", rows.size() - accepted))).mapEmpty();
    }

    public Future<Void> put(String id, Map<String, String> fields) {
        return redis.call(c -> c.hset(keys.campaign(id), fields)).mapEmpty();
    }

    public Future<Optional<Map<String, String>>> find(String id) {
        return redis.call(c -> c.hgetall(keys.campaign(id)))
                .map(h -> h == null || h.isEmpty() ? Optional.empty() : Optional.of(h));
    }

    /** Rows {@code [start, start + count)} in upload order. */
    public Future<List<RowOutcome>> rows(String id, long start, int count) {
        return redis.call(c -> c.lrange(keys.campaignRows(id), start, start + count - 1))
                .map(list -> list.stream().map(RowOutcome::parse).toList());
    }

    /** The status of each message, null for one that is gone (retention); the reads go out together. */
    public Future<List<String>> statuses(List<String> messageIds) {
        List<Future<List<KeyValue<String, String>>>> reads = new ArrayList<>(messageIds.size());
        for (String m : messageIds) {
            reads.add(redis.call(c -> c.hmget(keys.message(m), "st")));
        }
        return Future.all(reads).map(all -> {
            List<String> out = new ArrayList<>(reads.size());
            for (Future<List<KeyValue<String, String>>> r : reads) {
                out.add(r.result().get(0).getValueOrElse(null));
            }
            return out;
        });
    }

    /** Each message's status, error code and message, and deferral reason (each null when absent); a gone one is all null. */
    public Future<List<List<String>>> outcomes(List<String> messageIds) {
        List<Future<List<KeyValue<String, String>>>> reads = new ArrayList<>(messageIds.size());
        for (String m : messageIds) {
            reads.add(redis.call(c -> c.hmget(keys.message(m), "st", "ec", "em", MessageRepository.DEFERRAL_FIELD)));
        }
        return Future.all(reads).map(all -> {
            List<List<String>> out = new ArrayList<>(reads.size());
            for (Future<List<KeyValue<String, String>>> r : reads) {
                out.add(r.result().stream().map(kv -> kv.getValueOrElse(null)).toList());
            }
            return out;
        });
    }

    /** The campaign's messages by status now, summed over the shards' counters (statuses with none left out). */
    public Future<Map<String, Long>> counts(String id) {
        List<Future<Map<String, String>>> reads = new ArrayList<>();
        for (int shard = 0; shard < keys.shards(); shard++) {
            int s = shard;
            reads.add(redis.call(c -> c.hgetall(keys.campaignCounts(s, id))));
        }
        return Future.all(reads).map(all -> {
            Map<String, Long> sum = new java.util.TreeMap<>();
            for (Future<Map<String, String>> r : reads) {
                r.result().forEach((status, n) -> sum.merge(status, Long.parseLong(n), Long::sum));
            }
            sum.values().removeIf(n -> n == 0);
            return sum;
        });
    }

    /** Moves messages to the due set at {@code atMillis} (one call each, issued together). */
    public Future<Void> due(List<String> messageIds, long atMillis) {
        List<Future<Long>> adds = new ArrayList<>(messageIds.size());
        for (String m : messageIds) {
            adds.add(redis.call(c -> c.zadd(keys.due(keys.shardOf(m)), (double) atMillis, m)));
        }
        return Future.all(adds).mapEmpty();
    }
}
