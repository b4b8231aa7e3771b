package vestnik.gateway.templates;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.lettuce.core.KeyValue;
import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import vestnik.gateway.store.Keys;
import vestnik.gateway.store.LuaScript;
import vestnik.gateway.store.RedisStore;
import vestnik.templates.model.TemplateHistory;
import vestnik.templates.model.TemplateVersion;

/**
 * Templates in Redis. Each template is one hash: {@code rev} (its revision), {@code h} (the whole history as
 * JSON, what editing reads) and {@code v:<n>} per published version, written once and never changed, with
 * {@code latest} pointing at the newest — so that sending by template reads one small version, not the history.
 * Every write is a compare-and-set on {@code rev} (one Lua script) that also updates the tenant's index.
 * Templates hold no personal data and never expire.
 */
public final class TemplateStore {

    private static final String REVISION = "rev";
    private static final String HISTORY = "h";
    private static final String LATEST = "latest";

    private final RedisStore redis;
    private final Keys keys;
    private final LuaScript cas = LuaScript.load("template_cas", Map.of());

    public TemplateStore(RedisStore redis) {
        this.redis = redis;
        this.keys = redis.keys();
    }

    public Future<Optional<StoredHistory>> load(String tenantId, String key) {
        return redis.call(c -> c.hmget(keys.template(tenantId, key), REVISION, HISTORY)).map(values -> {
            String rev = value(values, 0);
            String json = value(values, 1);
            if (rev == null || json == null) {
                return Optional.<StoredHistory>empty();
            }
            return Optional.of(new StoredHistory(Long.parseLong(rev), read(json, TemplateHistory.class)));
        });
    }

    /** The number of the newest published version, if any: one small read before a cached version is used. */
    public Future<Optional<Integer>> latestVersion(String tenantId, String key) {
        return redis.call(c -> c.hget(keys.template(tenantId, key), LATEST))
                .map(v -> v == null ? Optional.<Integer>empty() : Optional.of(Integer.parseInt(v)));
    }

    /** A published version; versions never change once written. */
    public Future<Optional<TemplateVersion>> version(String tenantId, String key, int number) {
        return redis.call(c -> c.hget(keys.template(tenantId, key), versionField(number)))
                .map(v -> v == null ? Optional.<TemplateVersion>empty() : Optional.of(read(v, TemplateVersion.class)));
    }

    /** The tenant's templates, by key. */
    public Future<List<TemplateSummary>> list(String tenantId) {
        return redis.call(c -> c.hgetall(keys.templateIndex(tenantId))).map(index -> {
            List<TemplateSummary> out = new ArrayList<>();
            index.values().forEach(json -> out.add(read(json, TemplateSummary.class)));
            out.sort(Comparator.comparing(TemplateSummary::key));
            return out;
        });
    }

    /**
     * Stores {@code next} if the template is still at {@code expected} (0: it must not exist).
     *
     * @param previous the history {@code next} was made from (null for a new template): versions it lacks are written
     * @return the new revision, or empty when someone else changed the template first
     */
    public Future<OptionalLong> replace(long expected, TemplateHistory previous, TemplateHistory next) {
        List<String> args = new ArrayList<>(List.of(Long.toString(expected), "set", next.key(),
                write(TemplateSummary.of(next)), HISTORY, write(next)));
        int stored = previous == null ? 0 : previous.versions().size();
        for (TemplateVersion v : next.versions().subList(stored, next.versions().size())) {
            args.add(versionField(v.number()));
            args.add(write(v));
        }
        next.latest().ifPresent(v -> {
            args.add(LATEST);
            args.add(Integer.toString(v.number()));
        });
        return run(next.tenant(), next.key(), args);
    }

    /** Deletes a template if it is still at {@code expected}; empty when someone else changed it first. */
    public Future<OptionalLong> remove(String tenantId, String key, long expected) {
        return run(tenantId, key, List.of(Long.toString(expected), "del", key, ""));
    }

    private Future<OptionalLong> run(String tenantId, String key, List<String> args) {
        String[] k = {keys.template(tenantId, key), keys.templateIndex(tenantId)};
        return redis.<List<Object>>on(cas.run(redis.commands(), ScriptOutputType.MULTI, k, args.toArray(String[]::new)))
                .map(r -> "ok".equals(r.get(0)) ? OptionalLong.of((Long) r.get(1)) : OptionalLong.empty());
    }

    private static String versionField(int number) {
        return "v:" + number;
    }

    private static String value(List<KeyValue<String, String>> values, int i) {
        KeyValue<String, String> kv = values.get(i);
        return kv.hasValue() ? kv.getValue() : null;
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return TemplateJson.STORED.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored " + type.getSimpleName() + " does not parse: " + e.getOriginalMessage(), e);
        }
    }

    private static String write(Object value) {
        try {
            return TemplateJson.STORED.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
