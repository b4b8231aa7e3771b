package vestnik.gateway.optout;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import vestnik.gateway.store.ContextBatchers;
import vestnik.gateway.store.Keys;
import vestnik.gateway.store.RedisStore;

/**
 * Who asked not to be contacted on which channel: a blocked bot, an unsubscribe, a STOP reply, a
 * provider's "opted out" answer. Addresses are phones (E.164), e-mails (lower case) or messenger user
 * ids. An opt-out stands until the debtor explicitly starts the conversation again (opens a link to the bot).
 */
public final class OptOutRegistry {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Replies that mean "stop writing to me", compared after trimming and upper-casing. */
    private static final Set<String> STOP_WORDS = Set.of("STOP", "СТОП", "ОТПИСАТЬСЯ", "ОТПИСКА", "UNSUBSCRIBE", "STOPALL");

    /** Why and when an address opted out. */
    public record OptOut(String reason, Instant at) {
    }

    private final RedisStore redis;
    private final Keys keys;
    /** The look-ups a dispatcher makes for one read of its queue go to Redis as one MGET. */
    private final ContextBatchers<String, String> reads = new ContextBatchers<>(64, this::getAll);

    public OptOutRegistry(RedisStore redis) {
        this.redis = redis;
        this.keys = redis.keys();
    }

    public static boolean isStopWord(String text) {
        if (text == null) {
            return false;
        }
        String t = text.trim().replaceAll("[.!\\s]+$", "").toUpperCase(Locale.ROOT);
        return STOP_WORDS.contains(t);
    }

    public static String address(String phone, String email, String channelUserId) {
        if (channelUserId != null) {
            return channelUserId;
        }
        if (phone != null) {
            return phone;
        }
        return email == null ? null : email.toLowerCase(Locale.ROOT);
    }

    public Future<Void> record(String channelId, String address, String reason, Instant at) {
        if (address == null) {
            return Future.succeededFuture();
        }
        String value = JSON.createObjectNode().put("reason", reason).put("at", at.toString()).toString();
        return redis.call(r -> r.set(keys.optOut(channelId, address), value)).mapEmpty();
    }

    public Future<Void> clear(String channelId, String address) {
        if (address == null) {
            return Future.succeededFuture();
        }
        return redis.call(r -> r.del(keys.optOut(channelId, address))).mapEmpty();
    }

    public Future<Optional<OptOut>> find(String channelId, String address) {
        if (address == null) {
            return Future.succeededFuture(Optional.empty());
        }
        return reads.submit(keys.optOut(channelId, address)).map(v -> {
            if (v == null) {
                return Optional.<OptOut>empty();
            }
            try {
                var n = JSON.readTree(v);
                return Optional.of(new OptOut(n.path("reason").asText(), Instant.parse(n.path("at").asText())));
            } catch (Exception e) {
                return Optional.of(new OptOut("unknown", Instant.EPOCH));
            }
        });
    }

    private Future<List<String>> getAll(List<String> keyList) {
        String[] k = keyList.toArray(String[]::new);
        return redis.call(r -> r.mget(k)).map(values -> values.stream().map(v -> v.getValueOrElse(null)).toList());
    }
}
