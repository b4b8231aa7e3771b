package vestnik.gateway.store;

import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vestnik.channels.spi.MessageStatus;

/** Messages in Redis: every change of state is one Lua script, so a crash never leaves half a change. */
public final class MessageRepository {

    public static final String GROUP = "dispatch";
    /**
     * The message field that says why a deferred message waits ({@code quiet_hours}, {@code campaign_window}, ...):
     * set by the deferring transition, dropped when the message leaves the queue; the status-changing scripts count it.
     */
    public static final String DEFERRAL_FIELD = "dfr";
    private static final int CLAIM_CHUNK = 64;

    /** What intake did: stored a new message, or found the one already stored for the externalId. */
    public record IntakeResult(String id, boolean created) {
    }

    /** The outcome of a conditional transition: done, or refused because the message was elsewhere. */
    public record TransitionResult(boolean applied, String previousStatus) {
        public boolean missing() {
            return !applied && previousStatus == null;
        }
    }

    /** A claimed message with its stored fields, or why nothing is to be sent. */
    public record Claim(Kind kind, MessageRecord message) {
        public enum Kind { CLAIMED, SKIPPED, EXPIRED, GONE }
    }

    private final RedisStore redis;
    private final Keys keys;
    private final Scripts scripts;
    private final long retentionSeconds;

    public MessageRepository(RedisStore redis, Scripts scripts, long retentionSeconds) {
        this.redis = redis;
        this.keys = redis.keys();
        this.scripts = scripts;
        this.retentionSeconds = retentionSeconds;
    }

    public Keys keys() {
        return keys;
    }

    public Future<IntakeResult> create(NewMessage m) {
        return create(m, Map.of());
    }

    /** Stores a new message with extra hash fields besides its own (a campaign's id: {@code cmp}). */
    public Future<IntakeResult> create(NewMessage m, Map<String, String> extraFields) {
        List<String> args = intakeArgs(m, extraFields);
        return redis.<List<Object>>on(scripts.intake.run(redis.commands(), ScriptOutputType.MULTI, intakeKeys(m),
                        args.toArray(String[]::new)))
                .map(r -> new IntakeResult((String) r.get(1), "created".equals(r.get(0))));
    }

    /**
     * Stores several new messages, each exactly as {@link #create(NewMessage, Map)} would (an externalId seen
     * before, even earlier in the same list, answers the first message's id): one script call per shard among
     * them; the answers come in the order of the messages.
     */
    public Future<List<IntakeResult>> createAll(List<NewMessage> all, Map<String, String> extraFields) {
        Map<Integer, List<Integer>> byShard = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            byShard.computeIfAbsent(keys.shardOf(all.get(i).id()), s -> new ArrayList<>()).add(i);
        }
        IntakeResult[] out = new IntakeResult[all.size()];
        List<Future<Void>> calls = new ArrayList<>(byShard.size());
        for (List<Integer> group : byShard.values()) {
            List<String> k = new ArrayList<>(group.size() * 5);
            List<String> args = new ArrayList<>();
            for (int i : group) {
                NewMessage m = all.get(i);
                k.addAll(List.of(intakeKeys(m)));
                List<String> own = intakeArgs(m, extraFields);
                args.add(Integer.toString(own.size()));
                args.addAll(own);
            }
            calls.add(redis.<List<Object>>on(scripts.intakeMany.run(redis.commands(), ScriptOutputType.MULTI,
                            k.toArray(String[]::new), args.toArray(String[]::new)))
                    .map(results -> {
                        for (int j = 0; j < group.size(); j++) {
                            List<?> r = (List<?>) results.get(j);
                            out[group.get(j)] = new IntakeResult((String) r.get(1), "created".equals(r.get(0)));
                        }
                        return null;
                    }));
        }
        return Future.all(calls).map(v -> List.of(out));
    }

    private String[] intakeKeys(NewMessage m) {
        int shard = keys.shardOf(m.id());
        String extKey = m.externalId() != null ? keys.externalId(m.tenantId(), m.externalId()) : keys.message(m.id());
        return new String[]{keys.message(m.id()), keys.events(m.id()), extKey, keys.queue(shard, m.channelId(), m.priority()),
                keys.due(shard)};
    }

    private List<String> intakeArgs(NewMessage m, Map<String, String> extraFields) {
        boolean scheduled = m.sendAt() != null && m.sendAt().isAfter(m.createdAt());
        MessageStatus status = scheduled ? MessageStatus.SCHEDULED : MessageStatus.QUEUED;
        boolean hasExt = m.externalId() != null;
        String extKey = hasExt ? keys.externalId(m.tenantId(), m.externalId()) : null;

        Map<String, String> f = fields(m, status, extKey);
        f.putAll(extraFields);
        List<String> args = new ArrayList<>(List.of(
                m.id(),
                hasExt ? "1" : "0",
                status.wireName(),
                scheduled ? Long.toString(m.sendAt().toEpochMilli()) : "0",
                MessageEvent.json(status, m.createdAt(), scheduled ? "scheduled for " + m.sendAt() : "accepted"),
                Long.toString(retentionSeconds)));
        f.forEach((k, v) -> {
            args.add(k);
            args.add(v);
        });
        return args;
    }

    /** Every hash field of a new message. */
    private static Map<String, String> fields(NewMessage m, MessageStatus status, String extKey) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("t", m.tenantId());
        f.put("c", m.channelId());
        f.put("st", status.wireName());
        f.put("tx", m.text());
        f.put("sg", Integer.toString(m.segments()));
        f.put("ca", Long.toString(m.createdAt().toEpochMilli()));
        f.put("ua", Long.toString(m.createdAt().toEpochMilli()));
        f.put("ea", Long.toString(m.expiresAt().toEpochMilli()));
        f.put("at", "0");
        putIf(f, "x", m.externalId());
        putIf(f, "xk", extKey);
        putIf(f, "ph", m.phone());
        putIf(f, "snd", m.sender());
        putIf(f, "md", m.metadataJson());
        putIf(f, "cbu", m.callbackUrl());
        putIf(f, "ci", m.contactId());
        putIf(f, "jtz", m.jobZone());
        putIf(f, "jrg", m.jobRegion());
        putIf(f, "ml", m.email());
        putIf(f, "pl", m.payloadJson());
        f.put("pr", m.priority().wireName());
        if (m.cascade() != null) {
            f.put("cj", m.cascade().jobId());
            f.put("rsi", Integer.toString(m.cascade().step()));
            f.put("rt", m.cascade().routeJson());
            if (m.cascade().step() == 0) {
                // the first step is the job: it keeps the cascade's progress
                f.put("cur", "0");
                f.put("cs", m.id());
            }
        }
        putIf(f, "tk", m.templateKey());
        putIf(f, "tv", m.templateVersion() == null ? null : m.templateVersion().toString());
        if (status == MessageStatus.SCHEDULED) {
            f.put("sa", Long.toString(m.sendAt().toEpochMilli()));
        }
        return f;
    }

    /**
     * Creates the next step of a cascade unless another trigger already did or the job was cancelled;
     * answers whether it was created.
     */
    public Future<Boolean> createCascadeStep(NewMessage next, int failedStep, String detail) {
        int shard = keys.shardOf(next.id());
        List<String> args = new ArrayList<>(List.of(Integer.toString(failedStep), next.id(),
                MessageEvent.json(MessageStatus.QUEUED, next.createdAt(), detail), Long.toString(retentionSeconds)));
        fields(next, MessageStatus.QUEUED, null).forEach((k, v) -> {
            args.add(k);
            args.add(v);
        });
        String[] k = {keys.message(next.cascade().jobId()), keys.message(next.id()), keys.events(next.id()),
                keys.queue(shard, next.channelId(), next.priority())};
        return redis.<String>on(scripts.cascadeNext.run(redis.commands(), ScriptOutputType.VALUE, k, args.toArray(String[]::new)))
                .map("created"::equals);
    }

    /** Marks a cascade job cancelled: no further step is created. */
    public Future<Void> cancelCascade(String jobId) {
        return redis.call(c -> c.hset(keys.message(jobId), "cx", "1")).mapEmpty();
    }

    /** The ids of a cascade job's steps so far, in order, and whether it was cancelled. */
    public record CascadeProgress(List<String> stepIds, boolean cancelled) {
    }

    public Future<CascadeProgress> cascadeProgress(String jobId) {
        return redis.call(c -> c.hmget(keys.message(jobId), "cs", "cx")).map(values -> {
            String cs = values.get(0).getValueOrElse("");
            boolean cancelled = "1".equals(values.get(1).getValueOrElse(null));
            return new CascadeProgress(cs.isEmpty() ? List.of() : List.of(cs.split(",")), cancelled);
        });
    }

    /** Due cascade steps whose waitFor deadline has come, taken so that one gateway handles each. */
    public Future<List<String>> takeDueCascadeChecks(int shard, Instant now, int limit) {
        return redis.<List<Object>>on(scripts.duePop.run(redis.commands(), ScriptOutputType.MULTI,
                        new String[]{keys.cascadeTimeouts(shard)}, Long.toString(now.toEpochMilli()), Integer.toString(limit)))
                .map(list -> list.stream().map(String::valueOf).toList());
    }

    public Future<Void> scheduleCascadeCheck(String messageId, Instant at) {
        String key = keys.cascadeTimeouts(keys.shardOf(messageId));
        return redis.call(c -> c.zadd(key, (double) at.toEpochMilli(), messageId)).mapEmpty();
    }

    public Future<Optional<MessageRecord>> find(String id) {
        return redis.call(c -> c.hgetall(keys.message(id)))
                .map(h -> h == null || h.isEmpty() ? Optional.<MessageRecord>empty() : Optional.of(MessageRecord.fromHash(id, h)));
    }

    public Future<List<MessageEvent>> events(String id) {
        return redis.call(c -> c.lrange(keys.events(id), 0, -1))
                .map(list -> list.stream().map(MessageEvent::parse).toList());
    }

    /** {@code queueKey} is the stream the entry was read from. */
    public Future<Claim> claim(String queueKey, String entryId, String id, boolean recovering, Instant now) {
        String[] k = {keys.message(id), keys.events(id), queueKey};
        return redis.<List<Object>>on(scripts.claim.run(redis.commands(), ScriptOutputType.MULTI, k,
                        entryId, Long.toString(now.toEpochMilli()), now.toString(), recovering ? "1" : "0",
                        Long.toString(retentionSeconds), GROUP))
                .map(r -> toClaim(id, r));
    }

    /** A queue entry to claim: the stream it was read from, its id, and the message it names. */
    public record ClaimRequest(String queueKey, String entryId, String messageId) {
    }

    /**
     * Claims the entries of one read of one shard's queues in a single script call, each as {@link #claim}
     * would; the answers come in the order of the requests.
     */
    public Future<List<Claim>> claimAll(List<ClaimRequest> requests, boolean recovering, Instant now) {
        if (requests.size() > CLAIM_CHUNK) {
            // a few dozen per call: one call never holds Redis for long while intake waits behind it
            List<Future<List<Claim>>> chunks = new ArrayList<>();
            for (int from = 0; from < requests.size(); from += CLAIM_CHUNK) {
                chunks.add(claimAll(requests.subList(from, Math.min(requests.size(), from + CLAIM_CHUNK)), recovering, now));
            }
            return Future.all(chunks).map(done -> {
                List<Claim> out = new ArrayList<>(requests.size());
                for (Future<List<Claim>> c : chunks) {
                    out.addAll(c.result());
                }
                return out;
            });
        }
        String[] k = new String[requests.size() * 3];
        String[] args = new String[5 + requests.size()];
        args[0] = Long.toString(now.toEpochMilli());
        args[1] = now.toString();
        args[2] = recovering ? "1" : "0";
        args[3] = Long.toString(retentionSeconds);
        args[4] = GROUP;
        for (int i = 0; i < requests.size(); i++) {
            ClaimRequest c = requests.get(i);
            k[i * 3] = keys.message(c.messageId());
            k[i * 3 + 1] = keys.events(c.messageId());
            k[i * 3 + 2] = c.queueKey();
            args[5 + i] = c.entryId();
        }
        return redis.<List<Object>>on(scripts.claimMany.run(redis.commands(), ScriptOutputType.MULTI, k, args))
                .map(all -> {
                    List<Claim> out = new ArrayList<>(requests.size());
                    for (int i = 0; i < requests.size(); i++) {
                        @SuppressWarnings("unchecked")
                        List<Object> r = (List<Object>) all.get(i);
                        out.add(toClaim(requests.get(i).messageId(), r));
                    }
                    return out;
                });
    }

    private static Claim toClaim(String id, List<Object> r) {
        String kind = (String) r.get(0);
        switch (kind) {
            case "claimed":
                Map<String, String> h = new LinkedHashMap<>();
                for (int i = 1; i + 1 < r.size(); i += 2) {
                    h.put((String) r.get(i), (String) r.get(i + 1));
                }
                return new Claim(Claim.Kind.CLAIMED, MessageRecord.fromHash(id, h));
            case "expired":
                return new Claim(Claim.Kind.EXPIRED, null);
            case "gone":
                return new Claim(Claim.Kind.GONE, null);
            default:
                return new Claim(Claim.Kind.SKIPPED, null);
        }
    }

    /**
     * Moves a message to {@code next} if the transition table allows it.
     *
     * @param queueKey  the stream of {@code entryId}, or null when there is no entry to acknowledge
     * @param entryId   the queue entry to acknowledge with it, or null
     * @param dueAt     put the message in the due set for this time, or null
     * @param required  the status it must be in now, or null for any status the table allows
     */
    public Future<TransitionResult> transition(String id, String queueKey, MessageStatus next, Instant now,
                                               String detail, String entryId, Instant dueAt, boolean removeFromDue,
                                               MessageStatus required, Map<String, String> fields) {
        int shard = keys.shardOf(id);
        List<String> args = new ArrayList<>(List.of(
                next.wireName(),
                Long.toString(now.toEpochMilli()),
                MessageEvent.json(next, now, detail),
                entryId == null ? "" : entryId,
                dueAt == null ? "" : Long.toString(dueAt.toEpochMilli()),
                removeFromDue ? "1" : "0",
                Long.toString(retentionSeconds),
                required == null ? "" : required.wireName(),
                id,
                GROUP));
        fields.forEach((k, v) -> {
            args.add(k);
            args.add(v == null ? "" : v);
        });
        // without an entry the stream is not touched; the shard's queue prefix keeps every key in the one slot
        String[] k = {keys.message(id), keys.events(id), queueKey == null ? keys.queuePrefix(shard) : queueKey, keys.due(shard)};
        return redis.<List<Object>>on(scripts.transition.run(redis.commands(), ScriptOutputType.MULTI, k, args.toArray(String[]::new)))
                .map(r -> {
                    String kind = (String) r.get(0);
                    String previous = r.size() > 1 ? (String) r.get(1) : null;
                    return new TransitionResult("ok".equals(kind), previous);
                });
    }

    /** Records the provider's ids and moves the message to {@code sent}, acknowledging its queue entry. */
    public Future<String> accepted(String id, String queueKey, String entryId, List<String> providerIds, Instant now) {
        String[] k = {keys.message(id), keys.events(id), queueKey};
        return redis.<List<Object>>on(scripts.accepted.run(redis.commands(), ScriptOutputType.MULTI, k,
                        entryId, Long.toString(now.toEpochMilli()), sentEvent(providerIds, now),
                        String.join(MessageRecord.PROVIDER_ID_SEPARATOR, providerIds), Integer.toString(providerIds.size()),
                        Long.toString(retentionSeconds), GROUP))
                .map(r -> r.size() > 1 ? (String) r.get(1) : null);
    }

    /** A submission the provider took, to record with {@link #acceptedAll}. */
    public record Accepted(String id, String queueKey, String entryId, List<String> providerIds, Instant now) {
    }

    /**
     * Records several accepted submissions of one shard in one script call, each as {@link #accepted} would;
     * answers each message's status before, in order (null for a message that is gone).
     */
    public Future<List<String>> acceptedAll(List<Accepted> batch) {
        String[] k = new String[batch.size() * 3];
        String[] args = new String[2 + batch.size() * 5];
        args[0] = Long.toString(retentionSeconds);
        args[1] = GROUP;
        for (int i = 0; i < batch.size(); i++) {
            Accepted a = batch.get(i);
            k[i * 3] = keys.message(a.id());
            k[i * 3 + 1] = keys.events(a.id());
            k[i * 3 + 2] = a.queueKey();
            int at = 2 + i * 5;
            args[at] = a.entryId();
            args[at + 1] = Long.toString(a.now().toEpochMilli());
            args[at + 2] = sentEvent(a.providerIds(), a.now());
            args[at + 3] = String.join(MessageRecord.PROVIDER_ID_SEPARATOR, a.providerIds());
            args[at + 4] = Integer.toString(a.providerIds().size());
        }
        return redis.<List<Object>>on(scripts.acceptedMany.run(redis.commands(), ScriptOutputType.MULTI, k, args))
                .map(all -> {
                    List<String> out = new ArrayList<>(batch.size());
                    for (Object one : all) {
                        List<?> r = (List<?>) one;
                        out.add(r.size() > 1 ? (String) r.get(1) : null);
                    }
                    return out;
                });
    }

    private static String sentEvent(List<String> providerIds, Instant now) {
        String detail = providerIds.size() == 1 ? "provider id " + providerIds.get(0)
                : providerIds.size() + " parts, provider ids " + String.join(", ", providerIds);
        return MessageEvent.json(MessageStatus.SENT, now, detail);
    }

    /** What a part report did: {@code moved} when the message changed status, and its status after. */
    public record PartResult(boolean moved, String status) {
    }

    /** Applies a provider's report on part {@code partIndex} (1-based). */
    public Future<PartResult> applyPartStatus(String id, int partIndex, int partCount, MessageStatus partStatus,
                                              Instant now, Instant eventTime, String detail, String providerErrorCode) {
        String[] k = {keys.message(id), keys.events(id)};
        return redis.<List<Object>>on(scripts.receipt.run(redis.commands(), ScriptOutputType.MULTI, k,
                        Integer.toString(partIndex), partStatus.wireName(), Long.toString(now.toEpochMilli()),
                        (eventTime == null ? now : eventTime).toString(), detail == null ? "" : detail,
                        providerErrorCode == null ? "" : providerErrorCode, Long.toString(retentionSeconds),
                        Integer.toString(partCount)))
                .map(r -> new PartResult("moved".equals(r.get(0)), r.size() > 1 ? (String) r.get(1) : null));
    }

    /** A provider's report on part {@code partIndex} (1-based) of a message, to apply with {@link #applyPartStatusAll}. */
    public record PartReport(String id, int partIndex, int partCount, MessageStatus partStatus, Instant now,
                             Instant eventTime, String detail, String providerErrorCode) {
    }

    /**
     * Applies several reports, each as {@link #applyPartStatus} would: one script call per shard among them;
     * the answers come in the order of the reports.
     */
    public Future<List<PartResult>> applyPartStatusAll(List<PartReport> reports) {
        Map<Integer, List<Integer>> byShard = new LinkedHashMap<>();
        for (int i = 0; i < reports.size(); i++) {
            byShard.computeIfAbsent(keys.shardOf(reports.get(i).id()), s -> new ArrayList<>()).add(i);
        }
        PartResult[] out = new PartResult[reports.size()];
        List<Future<Void>> calls = new ArrayList<>(byShard.size());
        for (List<Integer> group : byShard.values()) {
            String[] k = new String[group.size() * 2];
            String[] args = new String[1 + group.size() * 7];
            args[0] = Long.toString(retentionSeconds);
            for (int j = 0; j < group.size(); j++) {
                PartReport r = reports.get(group.get(j));
                k[j * 2] = keys.message(r.id());
                k[j * 2 + 1] = keys.events(r.id());
                int at = 1 + j * 7;
                args[at] = Integer.toString(r.partIndex());
                args[at + 1] = r.partStatus().wireName();
                args[at + 2] = Long.toString(r.now().toEpochMilli());
                args[at + 3] = (r.eventTime() == null ? r.now() : r.eventTime()).toString();
                args[at + 4] = r.detail() == null ? "" : r.detail();
                args[at + 5] = r.providerErrorCode() == null ? "" : r.providerErrorCode();
                args[at + 6] = Integer.toString(r.partCount());
            }
            calls.add(redis.<List<Object>>on(scripts.receiptMany.run(redis.commands(), ScriptOutputType.MULTI, k, args))
                    .map(all -> {
                        for (int j = 0; j < group.size(); j++) {
                            List<?> r = (List<?>) all.get(j);
                            out[group.get(j)] = new PartResult("moved".equals(r.get(0)), r.size() > 1 ? (String) r.get(1) : null);
                        }
                        return null;
                    }));
        }
        return Future.all(calls).map(v -> List.of(out));
    }

    /** Moves due messages of one shard into their queues; answers how many moved. */
    public Future<Long> promoteDue(int shard, Instant now, int limit) {
        String[] k = {keys.due(shard)};
        return redis.<Long>on(scripts.promote.run(redis.commands(), ScriptOutputType.INTEGER, k,
                Long.toString(now.toEpochMilli()), Integer.toString(limit), keys.messagePrefix(shard), keys.eventsPrefix(shard),
                keys.queuePrefix(shard), now.toString()));
    }

    private static void putIf(Map<String, String> f, String k, String v) {
        if (v != null) {
            f.put(k, v);
        }
    }
}
