package vestnik.gateway.enforcement;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import vestnik.gateway.store.RedisStore;

/**
 * Opt-outs upstream posts for a phone number or an e-mail address ({@code POST /v1/suppressions}): for every
 * channel, or for some. The gate applies them to every send of the tenant whose message, recipient or contact
 * carries a suppressed address — so a suppressed phone also stops a messenger reaching its contact.
 */
public final class Suppressions {

    /** A suppression: {@code channels} empty means every channel. */
    public record Suppression(String address, Set<String> channels, String reason, Instant at) {

        public Suppression {
            channels = Set.copyOf(channels);
        }

        public boolean covers(String channelId) {
            return channels.isEmpty() || channels.contains(channelId);
        }

        String toJson() {
            return new JsonObject().put("channels", new JsonArray(List.copyOf(channels))).put("reason", reason)
                    .put("at", at.toString()).encode();
        }

        static Suppression fromJson(String address, String json) {
            JsonObject o = new JsonObject(json);
            Set<String> ch = o.getJsonArray("channels", new JsonArray()).stream().map(Object::toString)
                    .collect(Collectors.toSet());
            return new Suppression(address, ch, o.getString("reason", ""), Instant.parse(o.getString("at")));
        }
    }

    private final RedisStore redis;

    public Suppressions(RedisStore redis) {
        this.redis = redis;
    }

    /** E-mails are compared in lower case; phones are E.164 already. */
    public static String normalize(String address) {
        return address.contains("@") ? address.toLowerCase(Locale.ROOT) : address;
    }

    /** Stores it, replacing an earlier suppression of the same address. */
    public Future<Void> put(String tenantId, Suppression s) {
        return redis.call(r -> r.set(redis.keys().suppression(tenantId, normalize(s.address())), s.toJson())).mapEmpty();
    }

    /** The first suppression among {@code addresses} that covers {@code channelId}. */
    public Future<Optional<Suppression>> find(String tenantId, Collection<String> addresses, String channelId) {
        List<String> list = new ArrayList<>(new LinkedHashSet<>(addresses.stream()
                .filter(a -> a != null && !a.isBlank()).map(Suppressions::normalize).toList()));
        if (list.isEmpty()) {
            return Future.succeededFuture(Optional.empty());
        }
        String[] keys = list.stream().map(a -> redis.keys().suppression(tenantId, a)).toArray(String[]::new);
        return redis.call(r -> r.mget(keys)).map(values -> {
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i).hasValue()) {
                    Suppression s = Suppression.fromJson(list.get(i), values.get(i).getValue());
                    if (s.covers(channelId)) {
                        return Optional.of(s);
                    }
                }
            }
            return Optional.<Suppression>empty();
        });
    }
}
