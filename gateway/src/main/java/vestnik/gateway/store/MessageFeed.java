package vestnik.gateway.store;

import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vestnik.channels.spi.MessageStatus;

/**
 * A tenant's messages in the order of their last status change, for upstream systems that poll instead
 * of taking callbacks. The status scripts keep, per shard, one index of the tenant's messages per status
 * (a message is in the index of its current status only); a page merges the indexes asked for, of
 * every shard. A message whose status changes after it was read moves to the end and is
 * read again with its new status, so a poller that keeps its position misses no change.
 */
public final class MessageFeed {

    /** Where a reader stands: after the entry {@code (ms, id)}; {@code id} empty means "from ms on". */
    public record Position(long ms, String id) {

        public static final Position START = new Position(0, "");
        private static final Pattern FORM = Pattern.compile("(\\d{1,15})\\.([0-9A-Z]{0,26})");
        private static final Comparator<Position> ORDER =
                Comparator.comparingLong(Position::ms).thenComparing(Position::id);

        public static Position from(Instant since) {
            return new Position(Math.max(0, since.toEpochMilli()), "");
        }

        /** Opaque to callers; stable across gateway versions as long as this form is. */
        public String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((ms + "." + id).getBytes(StandardCharsets.US_ASCII));
        }

        public static Optional<Position> decode(String cursor) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
                Matcher m = FORM.matcher(raw);
                return m.matches() ? Optional.of(new Position(Long.parseLong(m.group(1)), m.group(2))) : Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        public static Position later(Position a, Position b) {
            return ORDER.compare(a, b) >= 0 ? a : b;
        }
    }

    /** A message and the time of its last status change (Redis's clock). */
    public record Entry(MessageRecord message, Instant changedAt) {
    }

    /** One page; {@code next} is where to continue, {@code more} says whether more are there already. */
    public record Page(List<Entry> entries, Position next, boolean more) {
    }

    private record Candidate(Position position, MessageRecord message) {
    }

    private final RedisStore redis;
    private final Keys keys;
    private final LuaScript script = LuaScript.load("feed_page", Map.of());

    public MessageFeed(RedisStore redis) {
        this.redis = redis;
        this.keys = redis.keys();
    }

    /** Up to {@code limit} messages changed after {@code after}, of any status when {@code statuses} is empty. */
    public Future<Page> page(String tenantId, Set<MessageStatus> statuses, Position after, int limit) {
        List<Future<List<Object>>> shards = new ArrayList<>();
        for (int shard = 0; shard < keys.shards(); shard++) {
            int s = shard;
            String[] k = (statuses.isEmpty() ? EnumSet.allOf(MessageStatus.class) : statuses).stream()
                    .map(st -> keys.tenantStatusIndex(s, tenantId, st.wireName())).toArray(String[]::new);
            shards.add(redis.on(script.run(redis.commands(), ScriptOutputType.MULTI, k, Long.toString(after.ms()),
                    after.id(), Integer.toString(limit + 1), keys.messagePrefix(s))));
        }
        return Future.all(shards).map(all -> {
            long ceiling = Long.MAX_VALUE;
            List<Candidate> found = new ArrayList<>();
            for (int i = 0; i < shards.size(); i++) {
                List<Object> r = all.resultAt(i);
                ceiling = Math.min(ceiling, Long.parseLong((String) r.get(0)));
                for (Object o : r.subList(1, r.size())) {
                    List<?> c = (List<?>) o;
                    String id = (String) c.get(0);
                    Map<String, String> h = hash((List<?>) c.get(2));
                    MessageRecord m = h.isEmpty() || !tenantId.equals(h.get("t")) ? null : MessageRecord.fromHash(id, h);
                    found.add(new Candidate(new Position(Long.parseLong((String) c.get(1)), id), m));
                }
            }
            // a shard read a moment later may hold changes that another shard's read could not see yet
            long seen = ceiling;
            List<Candidate> ordered = found.stream()
                    .filter(c -> c.position().ms() <= seen)
                    .sorted(Comparator.comparing(Candidate::position, Position.ORDER))
                    .toList();
            boolean more = ordered.size() > limit;
            List<Candidate> taken = more ? ordered.subList(0, limit) : ordered;
            Position next = more ? taken.get(taken.size() - 1).position() : Position.later(after, new Position(seen + 1, ""));
            List<Entry> entries = taken.stream().filter(c -> c.message() != null)
                    .map(c -> new Entry(c.message(), Instant.ofEpochMilli(c.position().ms()))).toList();
            return new Page(entries, next, more);
        });
    }

    /** The tenant's message with this externalId (the idempotency key), if it is still kept. */
    public Future<Optional<Entry>> byExternalId(String tenantId, String externalId) {
        return redis.call(c -> c.get(keys.externalId(tenantId, externalId))).compose(id -> {
            if (id == null) {
                return Future.succeededFuture(Optional.empty());
            }
            int shard = keys.shardOf(id);
            return redis.call(c -> c.hgetall(keys.message(id))).compose(h -> {
                if (h == null || h.isEmpty() || !tenantId.equals(h.get("t"))) {
                    return Future.succeededFuture(Optional.<Entry>empty());
                }
                return redis.call(c -> c.zscore(keys.tenantStatusIndex(shard, tenantId, h.get("st")), id)).map(score -> {
                    // a message from before the index existed: its last update stands in
                    long ms = score != null ? score.longValue() : Long.parseLong(h.getOrDefault("ua", "0"));
                    return Optional.of(new Entry(MessageRecord.fromHash(id, h), Instant.ofEpochMilli(ms)));
                });
            });
        });
    }

    private static Map<String, String> hash(List<?> flat) {
        Map<String, String> h = new LinkedHashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            h.put((String) flat.get(i), (String) flat.get(i + 1));
        }
        return h;
    }
}
