package vestnik.gateway.inbox;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.ScoredValue;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import vestnik.gateway.store.ContextBatchers;
import vestnik.gateway.store.Ids;
import vestnik.gateway.store.Keys;
import vestnik.gateway.store.RedisStore;

/**
 * Conversations in Redis. Every key of a tenant's inbox shares the tenant's hash tag. Writes are single
 * commands that each stay correct when two gateways (or an agent and the inbound consumer) race: the
 * conversation of a contact is claimed with HSETNX, each message is threaded once (HSETNX on the message
 * index), counters are HINCRBY and labels a set.
 */
public final class ConversationStore {

    /** Where a listing stands: after the conversation {@code id} whose last activity was {@code ms}. */
    public record Cursor(long ms, String id) {
        public String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((ms + "." + id).getBytes(StandardCharsets.US_ASCII));
        }

        public static Optional<Cursor> decode(String s) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(s), StandardCharsets.US_ASCII);
                int dot = raw.indexOf('.');
                return dot <= 0 ? Optional.empty()
                        : Optional.of(new Cursor(Long.parseLong(raw.substring(0, dot)), raw.substring(dot + 1)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    public record Page(List<Conversation> conversations, String next) {
    }

    /** What threading a message did: the conversation, and whether the message was new to it. */
    public record Threaded(String conversationId, boolean added) {
    }

    private static final int SCAN_BATCH = 100;

    private final RedisStore redis;
    private final Keys keys;
    private final Duration retention;
    /** Look-ups made together (every new message asks for its contact's): one HMGET per tenant. */
    private final ContextBatchers<ContactOf, String> contactLookups = new ContextBatchers<>(64, this::conversationsOf);

    private record ContactOf(String tenantId, String contactId) {
    }

    /** @param retention timeline entries (message texts: personal data) older than this are dropped, as messages are */
    public ConversationStore(RedisStore redis, Duration retention) {
        this.redis = redis;
        this.keys = redis.keys();
        this.retention = retention;
    }

    /**
     * The contact's one conversation, opened if it has none. The new conversation's hash is written before
     * it is claimed for the contact, so a claimed conversation always exists; a loser's hash is dropped.
     */
    public Future<String> conversationFor(String tenantId, String contactId, boolean unidentified, Instant now) {
        String index = keys.conversationByContact(tenantId);
        return redis.call(c -> c.hget(index, contactId)).compose(existing -> {
            if (existing != null) {
                return Future.succeededFuture(existing);
            }
            String id = Ids.next();
            String key = keys.conversation(tenantId, id);
            Map<String, String> h = new LinkedHashMap<>();
            h.put("id", id);
            h.put("ct", contactId);
            h.put("un", unidentified ? "1" : "0");
            h.put("st", ConversationStatus.OPEN.wireName());
            h.put("ca", Long.toString(now.toEpochMilli()));
            h.put("la", Long.toString(now.toEpochMilli()));
            return redis.call(c -> c.hset(key, h))
                    .compose(v -> redis.call(c -> c.hsetnx(index, contactId, id)))
                    .compose(won -> Boolean.TRUE.equals(won)
                            ? touch(tenantId, id, now).map(id)
                            : redis.call(c -> c.del(key)).compose(v -> redis.call(c -> c.hget(index, contactId))));
        });
    }

    /** The conversation the contact has, if any (an unidentified contact that was merged answers its new owner's). */
    public Future<Optional<String>> conversationOf(String tenantId, String contactId) {
        return contactLookups.submit(new ContactOf(tenantId, contactId)).map(Optional::ofNullable);
    }

    private Future<List<String>> conversationsOf(List<ContactOf> lookups) {
        Map<String, List<Integer>> byTenant = new LinkedHashMap<>();
        for (int i = 0; i < lookups.size(); i++) {
            byTenant.computeIfAbsent(lookups.get(i).tenantId(), t -> new ArrayList<>()).add(i);
        }
        String[] out = new String[lookups.size()];
        List<Future<Void>> reads = new ArrayList<>(byTenant.size());
        byTenant.forEach((tenantId, at) -> {
            String[] fields = at.stream().map(i -> lookups.get(i).contactId()).toArray(String[]::new);
            reads.add(redis.call(c -> c.hmget(keys.conversationByContact(tenantId), fields)).map(values -> {
                for (int j = 0; j < at.size(); j++) {
                    out[at.get(j)] = values.get(j).getValueOrElse(null);
                }
                return null;
            }));
        });
        return Future.all(reads).map(v -> java.util.Arrays.asList(out));
    }

    /** The conversation a message (ours, or an inbound record "in:"+id) was threaded into. */
    public Future<Optional<String>> conversationOfMessage(String tenantId, String messageKey) {
        return redis.call(c -> c.hget(keys.conversationOfMessage(tenantId), messageKey)).map(Optional::ofNullable);
    }

    /** The contact an unidentified contact was merged into, if it was. */
    public Future<Optional<String>> mergedInto(String tenantId, String unidentifiedContactId) {
        return redis.call(c -> c.hget(keys.mergedContacts(tenantId), unidentifiedContactId)).map(Optional::ofNullable);
    }

    /**
     * Adds an entry to the timeline once per {@code messageKey}; an inbound message also counts as unread,
     * moves the reply channel to its own and reopens the conversation. The entry goes in first (adding the
     * same entry again changes nothing) and the message is marked threaded after, so a run that dies in
     * between leaves it to be threaded again, never lost.
     */
    public Future<Threaded> thread(String tenantId, String conversationId, String messageKey, TimelineEntry entry,
                                   Instant now) {
        return redis.call(c -> c.zadd(keys.conversationTimeline(tenantId, conversationId), entry.at().toEpochMilli(),
                        entry.toJson().encode()))
                .compose(v -> redis.call(c -> c.hsetnx(keys.conversationOfMessage(tenantId), messageKey, conversationId)))
                .compose(isNew -> {
                    if (!Boolean.TRUE.equals(isNew)) {
                        return Future.succeededFuture(new Threaded(conversationId, false));
                    }
                    String key = keys.conversation(tenantId, conversationId);
                    Map<String, String> fields = new LinkedHashMap<>();
                    fields.put("la", Long.toString(now.toEpochMilli()));
                    if (entry.channel() != null) {
                        fields.put(Conversation.CHANNEL_FIELD + entry.channel(), "1");
                    }
                    if (entry.text() != null && !entry.text().isBlank()) {
                        // the list shows the conversation's last message: a line, not the whole text
                        fields.put("lt", Conversation.preview(entry.text()));
                        fields.put("ld", entry.type() == TimelineEntry.Type.INBOUND ? "in" : "out");
                    }
                    boolean inbound = entry.type() == TimelineEntry.Type.INBOUND;
                    if (inbound) {
                        fields.put("st", ConversationStatus.OPEN.wireName());
                        fields.put("lc", entry.channel());
                        if (entry.address() != null) {
                            fields.put("lad", entry.address());
                        }
                    }
                    return redis.call(c -> c.hset(key, fields))
                            .compose(v -> inbound ? redis.call(c -> c.hincrby(key, "unr", 1)).mapEmpty() : Future.succeededFuture())
                            .compose(v -> touch(tenantId, conversationId, now))
                            .map(new Threaded(conversationId, true));
                });
    }

    /** Adds an entry that is not a message (a note, an assignment): nothing to deduplicate. */
    public Future<Void> record(String tenantId, String conversationId, TimelineEntry entry, Instant now) {
        return redis.call(c -> c.zadd(keys.conversationTimeline(tenantId, conversationId), entry.at().toEpochMilli(),
                        entry.toJson().encode()))
                .compose(v -> redis.call(c -> c.hset(keys.conversation(tenantId, conversationId), "la",
                        Long.toString(now.toEpochMilli()))))
                .compose(v -> touch(tenantId, conversationId, now));
    }

    private Future<Void> touch(String tenantId, String conversationId, Instant now) {
        return redis.call(c -> c.zadd(keys.conversationsByActivity(tenantId), now.toEpochMilli(), conversationId))
                .compose(v -> trim(tenantId, conversationId, now));
    }

    /** Drops what is older than the retention; done on every change and read, so a conversation in use never holds more. */
    private Future<Void> trim(String tenantId, String conversationId, Instant now) {
        long before = now.minus(retention).toEpochMilli();
        return redis.call(c -> c.zremrangebyscore(keys.conversationTimeline(tenantId, conversationId),
                Range.create(Long.MIN_VALUE, before))).mapEmpty();
    }

    public Future<Optional<Conversation>> find(String tenantId, String conversationId) {
        if (conversationId == null || !conversationId.matches("[0-9A-Z]{26}")) {
            return Future.succeededFuture(Optional.empty());
        }
        return redis.call(c -> c.hgetall(keys.conversation(tenantId, conversationId))).compose(h -> {
            if (h == null || h.isEmpty() || !h.containsKey("id")) {
                return Future.succeededFuture(Optional.<Conversation>empty());
            }
            return redis.call(c -> c.smembers(keys.conversationLabels(tenantId, conversationId)))
                    .map(labels -> Optional.of(Conversation.fromHash(tenantId, h, labels)));
        });
    }

    public Future<List<JsonObject>> timeline(String tenantId, String conversationId, Instant now) {
        return trim(tenantId, conversationId, now)
                .compose(v -> redis.call(c -> c.zrange(keys.conversationTimeline(tenantId, conversationId), 0, -1)))
                .map(list -> list.stream().map(JsonObject::new).toList());
    }

    public Future<Void> set(String tenantId, String conversationId, Map<String, String> fields, Instant now) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("la", Long.toString(now.toEpochMilli()));
        return redis.call(c -> c.hset(keys.conversation(tenantId, conversationId), all))
                .compose(v -> touch(tenantId, conversationId, now));
    }

    public Future<Void> unassign(String tenantId, String conversationId, Instant now) {
        return redis.call(c -> c.hdel(keys.conversation(tenantId, conversationId), "as"))
                .compose(v -> set(tenantId, conversationId, Map.of(), now));
    }

    public Future<Void> markRead(String tenantId, String conversationId) {
        return redis.call(c -> c.hset(keys.conversation(tenantId, conversationId), "unr", "0")).mapEmpty();
    }

    public Future<Void> labels(String tenantId, String conversationId, List<String> add, List<String> remove) {
        String key = keys.conversationLabels(tenantId, conversationId);
        Future<Long> added = add.isEmpty() ? Future.succeededFuture(0L) : redis.call(c -> c.sadd(key, add.toArray(String[]::new)));
        return added.compose(v -> remove.isEmpty() ? Future.succeededFuture(0L)
                : redis.call(c -> c.srem(key, remove.toArray(String[]::new)))).mapEmpty();
    }

    /**
     * Moves an unidentified contact's conversation to a known contact: it becomes the contact's conversation,
     * or, when the contact has one already, its timeline, labels and unread count join that one and it is
     * left as a pointer. Later messages of the sender land in the contact's conversation. Answers the
     * conversation that remains.
     */
    public Future<String> merge(Conversation from, String contactId, Instant now) {
        String tenantId = from.tenantId();
        String index = keys.conversationByContact(tenantId);
        return redis.call(c -> c.hsetnx(index, contactId, from.id())).compose(took -> {
            Future<String> target;
            if (Boolean.TRUE.equals(took)) {
                target = redis.call(c -> c.hset(keys.conversation(tenantId, from.id()), Map.of("ct", contactId, "un", "0")))
                        .map(from.id());
            } else {
                target = redis.call(c -> c.hget(index, contactId)).compose(into -> joinInto(from, into, now).map(into));
            }
            return target.compose(into -> redis.call(c -> c.hset(keys.mergedContacts(tenantId), from.contactId(), contactId))
                    .compose(v -> redis.call(c -> c.hset(index, from.contactId(), into)))
                    .compose(v -> touch(tenantId, into, now))
                    .map(into));
        });
    }

    private Future<Void> joinInto(Conversation from, String into, Instant now) {
        String t = from.tenantId();
        String target = keys.conversation(t, into);
        Map<String, String> fields = new LinkedHashMap<>();
        from.channels().forEach(ch -> fields.put(Conversation.CHANNEL_FIELD + ch, "1"));
        if (from.lastChannel() != null) {
            fields.put("lc", from.lastChannel());
        }
        if (from.status() == ConversationStatus.OPEN) {
            fields.put("st", ConversationStatus.OPEN.wireName());
        }
        fields.put("la", Long.toString(now.toEpochMilli()));
        return redis.call(c -> c.zunionstore(keys.conversationTimeline(t, into), keys.conversationTimeline(t, into),
                        keys.conversationTimeline(t, from.id())))
                .compose(v -> redis.call(c -> c.sunionstore(keys.conversationLabels(t, into), keys.conversationLabels(t, into),
                        keys.conversationLabels(t, from.id()))))
                .compose(v -> redis.call(c -> c.hset(target, fields)))
                .compose(v -> redis.call(c -> c.hincrby(target, "unr", from.unread())))
                .compose(v -> redis.call(c -> c.del(keys.conversationTimeline(t, from.id()), keys.conversationLabels(t, from.id()))))
                .compose(v -> redis.call(c -> c.hset(keys.conversation(t, from.id()), "mi", into)))
                .compose(v -> redis.call(c -> c.zrem(keys.conversationsByActivity(t), from.id())))
                .mapEmpty();
    }

    /** Conversations by last activity, newest first, that pass {@code filter}; scanned in batches. */
    public Future<Page> page(String tenantId, Predicate<Conversation> filter, Optional<Cursor> after, int limit) {
        List<Conversation> found = new ArrayList<>();
        return scan(tenantId, filter, after.orElse(null), limit, found).map(more -> {
            List<Conversation> taken = found.size() > limit ? found.subList(0, limit) : found;
            String next = null;
            if (found.size() > limit || more) {
                Conversation last = taken.isEmpty() ? null : taken.get(taken.size() - 1);
                next = last == null ? null : new Cursor(last.lastActivity().toEpochMilli(), last.id()).encode();
            }
            return new Page(List.copyOf(taken), next);
        });
    }

    /** Answers whether the index may hold more after what was scanned. */
    private Future<Boolean> scan(String tenantId, Predicate<Conversation> filter, Cursor after, int limit,
                                 List<Conversation> found) {
        Range<Long> range = after == null ? Range.create(Long.MIN_VALUE, Long.MAX_VALUE)
                : Range.from(Range.Boundary.unbounded(), Range.Boundary.including(after.ms()));
        return redis.call(c -> c.zrevrangebyscoreWithScores(keys.conversationsByActivity(tenantId), range,
                        Limit.create(0, SCAN_BATCH + (after == null ? 0 : SCAN_BATCH))))
                .compose(batch -> {
                    List<ScoredValue<String>> fresh = batch.stream()
                            .filter(sv -> after == null || (long) sv.getScore() < after.ms()
                                    || sv.getValue().compareTo(after.id()) < 0)
                            .limit(SCAN_BATCH)
                            .toList();
                    List<Future<Optional<Conversation>>> loads = fresh.stream().map(sv -> find(tenantId, sv.getValue())).toList();
                    return Future.all(loads).compose(all -> {
                        Cursor last = after;
                        for (int i = 0; i < loads.size(); i++) {
                            Optional<Conversation> c = all.resultAt(i);
                            ScoredValue<String> sv = fresh.get(i);
                            last = new Cursor((long) sv.getScore(), sv.getValue());
                            if (c.isPresent() && c.get().mergedInto() == null && filter.test(c.get())) {
                                found.add(c.get());
                                if (found.size() > limit) {
                                    return Future.succeededFuture(true);
                                }
                            }
                        }
                        if (fresh.size() < SCAN_BATCH) {
                            return Future.succeededFuture(false);
                        }
                        return scan(tenantId, filter, last, limit, found);
                    });
                });
    }
}
