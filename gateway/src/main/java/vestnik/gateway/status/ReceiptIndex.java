package vestnik.gateway.status;

import io.lettuce.core.SetArgs;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vestnik.gateway.store.Keys;
import vestnik.gateway.store.RedisStore;

/**
 * Provider id → (message, part). Also holds receipts that arrived before their submission was recorded
 * ("orphans"): a receipt can overtake submit_sm_resp, and losing it is the most reported defect of SMS
 * gateways. Both sides write first and then look at the other's key, so whichever comes second sees
 * the first, on one Redis or across a cluster's nodes.
 */
public final class ReceiptIndex {

    /** Part {@code part} (1-based) of {@code parts} of message {@code messageId}. */
    public record PartRef(String messageId, int part, int parts) {
        String encode() {
            return messageId + "|" + part + "|" + parts;
        }

        static Optional<PartRef> decode(String value) {
            if (value == null) {
                return Optional.empty();
            }
            String[] f = value.split("\\|");
            if (f.length != 3) {
                return Optional.empty();
            }
            return Optional.of(new PartRef(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2])));
        }
    }

    private final RedisStore redis;
    private final Keys keys;
    private final long retentionSeconds;
    private final long orphanSeconds;

    public ReceiptIndex(RedisStore redis, Duration retention, Duration orphanKeep) {
        this.redis = redis;
        this.keys = redis.keys();
        this.retentionSeconds = retention.toSeconds();
        this.orphanSeconds = orphanKeep.toSeconds();
    }

    public Future<Void> register(String channelId, String messageId, List<String> providerIds) {
        List<Future<String>> writes = new ArrayList<>();
        for (int i = 0; i < providerIds.size(); i++) {
            String key = keys.receiptIndex(channelId, ProviderIds.normalize(providerIds.get(i)));
            String value = new PartRef(messageId, i + 1, providerIds.size()).encode();
            writes.add(redis.call(c -> c.set(key, value, SetArgs.Builder.ex(retentionSeconds))));
        }
        return Future.all(writes).mapEmpty();
    }

    /** The part a receipt id belongs to, trying each normal form in order. */
    public Future<Optional<PartRef>> lookup(String channelId, String receiptId) {
        List<String> candidates = ProviderIds.candidates(receiptId);
        String[] keyArray = new String[candidates.size()];
        for (int i = 0; i < keyArray.length; i++) {
            keyArray[i] = keys.receiptIndex(channelId, candidates.get(i));
        }
        // one MGET for every form (on a cluster Lettuce splits it by slot and keeps the order)
        return redis.call(r -> r.mget(keyArray)).map(all -> {
            for (int i = 0; i < all.size(); i++) {
                Optional<PartRef> ref = PartRef.decode(all.get(i).getValueOrElse(null));
                if (ref.isPresent()) {
                    return ref;
                }
            }
            return Optional.empty();
        });
    }

    /** A receipt id of a channel, to look up with {@link #lookupAll}. */
    public record Lookup(String channelId, String receiptId) {
    }

    /** Several {@link #lookup}s in one MGET; the answers come in the order of the lookups. */
    public Future<List<Optional<PartRef>>> lookupAll(List<Lookup> lookups) {
        List<List<String>> candidates = new ArrayList<>(lookups.size());
        List<String> all = new ArrayList<>();
        for (Lookup l : lookups) {
            List<String> forms = ProviderIds.candidates(l.receiptId());
            candidates.add(forms);
            for (String c : forms) {
                all.add(keys.receiptIndex(l.channelId(), c));
            }
        }
        String[] keyArray = all.toArray(String[]::new);
        return redis.call(r -> r.mget(keyArray)).map(values -> {
            List<Optional<PartRef>> out = new ArrayList<>(lookups.size());
            int at = 0;
            for (List<String> forms : candidates) {
                Optional<PartRef> found = Optional.empty();
                for (int i = 0; i < forms.size(); i++) {
                    if (found.isEmpty()) {
                        found = PartRef.decode(values.get(at + i).getValueOrElse(null));
                    }
                }
                at += forms.size();
                out.add(found);
            }
            return out;
        });
    }

    /** Keeps a receipt nobody claims yet under every form its id may take. */
    public Future<Void> parkOrphan(String channelId, String receiptId, String receiptJson) {
        List<Future<String>> writes = new ArrayList<>();
        for (String c : ProviderIds.candidates(receiptId)) {
            String key = keys.orphanReceipt(channelId, c);
            writes.add(redis.call(r -> r.set(key, receiptJson, SetArgs.Builder.ex(orphanSeconds))));
        }
        return Future.all(writes).mapEmpty();
    }

    /** Takes (and removes) every orphan receipt parked under the given submission ids' forms. */
    public Future<List<String>> takeOrphans(String channelId, List<String> providerIds) {
        List<Future<String>> takes = new ArrayList<>();
        for (String pid : providerIds) {
            String key = keys.orphanReceipt(channelId, ProviderIds.normalize(pid));
            takes.add(redis.call(r -> r.getdel(key)));
        }
        return Future.all(takes).map(all -> {
            List<String> found = new ArrayList<>();
            for (int i = 0; i < providerIds.size(); i++) {
                String v = all.resultAt(i);
                if (v != null) {
                    found.add(v);
                }
            }
            return found;
        });
    }

    /** Removes the orphan copies of one receipt id once it has been applied. */
    public Future<Boolean> dropOrphan(String channelId, String receiptId) {
        List<Future<String>> takes = new ArrayList<>();
        for (String c : ProviderIds.candidates(receiptId)) {
            String key = keys.orphanReceipt(channelId, c);
            takes.add(redis.call(r -> r.getdel(key)));
        }
        return Future.all(takes).map(all -> {
            for (int i = 0; i < all.size(); i++) {
                if (all.resultAt(i) != null) {
                    return true;
                }
            }
            return false;
        });
    }
}
