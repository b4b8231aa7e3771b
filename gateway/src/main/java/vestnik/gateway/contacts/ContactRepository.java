package vestnik.gateway.contacts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import vestnik.gateway.store.ContextBatchers;
import vestnik.gateway.store.Keys;
import vestnik.gateway.store.RedisStore;
import vestnik.gateway.store.Scripts;

/**
 * Contacts and their messenger bindings. A binding is kept both ways: on the contact (channel → user id,
 * to address a job) and under the user (to find whom a reply or an opt-out is about).
 */
public final class ContactRepository {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final String BINDING_FIELD = "b:";

    /** A contact of one tenant, as the binding index names it. */
    public record ContactRef(String tenantId, String contactId) {
        String encode() {
            return tenantId + "|" + contactId;
        }

        static Optional<ContactRef> decode(String s) {
            int bar = s == null ? -1 : s.indexOf('|');
            return bar <= 0 ? Optional.empty() : Optional.of(new ContactRef(s.substring(0, bar), s.substring(bar + 1)));
        }
    }

    private final RedisStore redis;
    private final Keys keys;
    private final Scripts scripts;
    /** Phone look-ups made together (a batch's jobs, concurrent requests, a dispatcher's read): one MGET. */
    private final ContextBatchers<String, String> phoneLookups = new ContextBatchers<>(64, this::getAll);

    public ContactRepository(RedisStore redis, Scripts scripts) {
        this.redis = redis;
        this.keys = redis.keys();
        this.scripts = scripts;
    }

    /** Stores the contact; answers whether it is new. */
    public Future<Boolean> put(String tenantId, Contact c) {
        String json;
        try {
            json = JSON.writeValueAsString(c.withBindings(Map.of()));
        } catch (Exception e) {
            return Future.failedFuture(e);
        }
        List<String> args = new ArrayList<>(List.of(json, keys.contactPhonePrefix(tenantId), c.contactId(),
                Long.toString(c.updatedAt().toEpochMilli())));
        args.addAll(c.phones());
        String ref = new ContactRef(tenantId, c.contactId()).encode();
        return redis.<List<Object>>on(scripts.contactPut.run(redis.commands(), ScriptOutputType.MULTI,
                        new String[]{keys.contact(tenantId, c.contactId())}, args.toArray(String[]::new)))
                .compose(result -> {
                    boolean existed = Long.valueOf(1).equals(result.get(0));
                    String old = (String) result.get(1);
                    // the cross-tenant phone index only serves binding by a shared phone: kept in step, not atomically
                    List<Future<Long>> updates = new ArrayList<>();
                    List<String> previous = old == null || old.isEmpty() ? List.of() : Arrays.asList(old.split(","));
                    for (String p : previous) {
                        if (!c.phones().contains(p)) {
                            updates.add(redis.call(r -> r.srem(keys.contactsWithPhone(p), ref)));
                        }
                    }
                    for (String p : c.phones()) {
                        updates.add(redis.call(r -> r.sadd(keys.contactsWithPhone(p), ref)));
                    }
                    return Future.all(updates).map(v -> !existed);
                });
    }

    /** The contact a message is about: the one it names, else the one that has its phone; empty for neither. */
    public Future<Optional<Contact>> about(String tenantId, String contactId, String phone) {
        if (contactId != null) {
            return find(tenantId, contactId);
        }
        if (phone == null) {
            return Future.succeededFuture(Optional.empty());
        }
        return contactIdByPhone(tenantId, phone).compose(id -> id.isEmpty()
                ? Future.succeededFuture(Optional.empty())
                : find(tenantId, id.get()));
    }

    public Future<Optional<Contact>> find(String tenantId, String contactId) {
        return redis.call(r -> r.hgetall(keys.contact(tenantId, contactId))).map(h -> {
            if (h == null || !h.containsKey("d")) {
                return Optional.<Contact>empty();
            }
            try {
                Contact c = JSON.readValue(h.get("d"), Contact.class);
                Map<String, Boolean> bindings = new TreeMap<>();
                h.keySet().stream().filter(k -> k.startsWith(BINDING_FIELD))
                        .forEach(k -> bindings.put(k.substring(BINDING_FIELD.length()), true));
                return Optional.of(c.withBindings(bindings));
            } catch (Exception e) {
                throw new IllegalStateException("stored contact unreadable", e);
            }
        });
    }

    public Future<Optional<String>> contactIdByPhone(String tenantId, String phone) {
        return phoneLookups.submit(keys.contactByPhone(tenantId, phone)).map(Optional::ofNullable);
    }

    private Future<List<String>> getAll(List<String> keyList) {
        String[] k = keyList.toArray(String[]::new);
        return redis.call(r -> r.mget(k)).map(values -> values.stream().map(v -> v.getValueOrElse(null)).toList());
    }

    /** Every tenant's contact that has this phone. */
    public Future<List<ContactRef>> contactsWithPhone(String phone) {
        return redis.call(r -> r.smembers(keys.contactsWithPhone(phone)))
                .map(set -> set.stream().map(ContactRef::decode).flatMap(Optional::stream).toList());
    }

    /** Binds a messenger user of a channel to a contact that exists; answers whether it was bound. */
    public Future<Boolean> bind(ContactRef contact, String channelId, String channelUserId) {
        String key = keys.contact(contact.tenantId(), contact.contactId());
        return redis.call(r -> r.hexists(key, "d")).compose(exists -> {
            if (!Boolean.TRUE.equals(exists)) {
                return Future.succeededFuture(false);
            }
            return redis.call(r -> r.hset(key, BINDING_FIELD + channelId, channelUserId))
                    .compose(v -> redis.call(r -> r.sadd(keys.binding(channelId, channelUserId), contact.encode())))
                    .map(true);
        });
    }

    /** Every tenant's contact that this messenger user of a channel is bound to. */
    public Future<List<ContactRef>> contactsBoundTo(String channelId, String channelUserId) {
        return redis.call(r -> r.smembers(keys.binding(channelId, channelUserId)))
                .map(set -> set.stream().map(ContactRef::decode).flatMap(Optional::stream).toList());
    }

    /** The messenger user id bound to the contact on this channel, if any. */
    public Future<Optional<String>> boundUser(String tenantId, String contactId, String channelId) {
        return redis.call(r -> r.hget(keys.contact(tenantId, contactId), BINDING_FIELD + channelId)).map(Optional::ofNullable);
    }
}
