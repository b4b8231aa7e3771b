package vestnik.gateway.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import vestnik.channels.spi.InboundEvent;
import vestnik.channels.spi.InboundEvent.InboundMessage;
import vestnik.channels.spi.Sender;
import vestnik.gateway.store.Keys;
import vestnik.gateway.store.RedisStore;
import vestnik.gateway.store.Scripts;

/**
 * Everything debtors and providers send us that is not a receipt: messages, opt-outs, link requests.
 * Each is stored once (its id is derived from the provider's dedup key, so a redelivery finds it) and
 * appended to the inbound stream that the dialogue inbox reads. Parts of a concatenated SMS are kept
 * until all have come, in whatever order, each counted once, and then stored as one message.
 */
public final class InboundStore {

    /** What was stored: the record id, or empty while parts of a concatenated message are still missing. */
    public record Stored(Optional<String> id, boolean duplicate) {
    }

    public enum Kind { MESSAGE, OPT_OUT, LINK_REQUEST }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration FRAGMENT_KEEP = Duration.ofHours(24);

    private final RedisStore redis;
    private final Keys keys;
    private final Scripts scripts;
    private final long retentionSeconds;

    public InboundStore(RedisStore redis, Scripts scripts, Duration retention) {
        this.redis = redis;
        this.keys = redis.keys();
        this.scripts = scripts;
        this.retentionSeconds = retention.toSeconds();
    }

    public Future<Stored> storeMessage(InboundMessage m) {
        if (m.fragment() == null) {
            return store(Kind.MESSAGE, m.channelId(), m.dedupKey(), m.from(), fields(m, m.text(), 1));
        }
        InboundEvent.Fragment f = m.fragment();
        String sender = senderKey(m.from());
        String fragKey = keys.inboundFragments(m.channelId(), sender, f.reference() + ":" + f.total());
        return redis.call(c -> c.hsetnx(fragKey, Integer.toString(f.seq()), m.text()))
                .compose(v -> redis.call(c -> c.expire(fragKey, FRAGMENT_KEEP.toSeconds())))
                .compose(v -> redis.call(c -> c.hgetall(fragKey)))
                .compose(parts -> {
                    if (parts.size() < f.total()) {
                        return Future.succeededFuture(new Stored(Optional.empty(), false));
                    }
                    TreeMap<Integer, String> ordered = new TreeMap<>();
                    parts.forEach((seq, text) -> ordered.put(Integer.parseInt(seq), text));
                    String text = String.join("", ordered.values());
                    // the record exists before the parts are dropped, so a crash between loses nothing
                    return store(Kind.MESSAGE, m.channelId(), "frag:" + fragKey, m.from(), fields(m, text, f.total()))
                            .compose(stored -> redis.call(c -> c.del(fragKey)).map(stored));
                });
    }

    public Future<Stored> storeOptOut(InboundEvent.OptOut o) {
        Map<String, String> f = base(Kind.OPT_OUT, o.channelId(), o.at());
        putSender(f, o.who());
        putIf(f, "rs", o.reason());
        return store(Kind.OPT_OUT, o.channelId(), o.dedupKey(), o.who(), f);
    }

    public Future<Stored> storeLinkRequest(InboundEvent.LinkRequest l) {
        Map<String, String> f = base(Kind.LINK_REQUEST, l.channelId(), l.at());
        putSender(f, l.who());
        putIf(f, "tok", l.token());
        putIf(f, "lph", l.phone());
        return store(Kind.LINK_REQUEST, l.channelId(), l.dedupKey(), l.who(), f);
    }

    /** Records which of our messages an inbound message answers. */
    public Future<Void> linkToMessage(String id, String messageId) {
        return redis.call(c -> c.hset(keys.inbound(id), "rm", messageId)).mapEmpty();
    }

    public Future<Map<String, String>> find(String id) {
        return redis.call(c -> c.hgetall(keys.inbound(id)));
    }

    /** The newest {@code count} inbound record ids, newest last. */
    public Future<List<String>> recentIds(int count) {
        return redis.call(c -> c.xrevrange(keys.inboundStream(), io.lettuce.core.Range.create("-", "+"),
                        io.lettuce.core.Limit.from(count)))
                .map(list -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = list.size() - 1; i >= 0; i--) {
                        ids.add(list.get(i).getBody().get("id"));
                    }
                    return ids;
                });
    }

    private Future<Stored> store(Kind kind, String channelId, String dedupKey, Sender from, Map<String, String> fields) {
        String id = idFor(channelId, dedupKey);
        String key = keys.inbound(id);
        fields.put("q", "0");
        List<String> args = new ArrayList<>();
        fields.forEach((k, v) -> {
            args.add(k);
            args.add(v);
        });
        return redis.<String>on(scripts.inbound.run(redis.commands(), ScriptOutputType.VALUE, new String[]{key},
                        args.toArray(String[]::new)))
                .compose(state -> {
                    if ("1".equals(state)) {
                        return Future.succeededFuture(new Stored(Optional.of(id), true));
                    }
                    // new, or stored earlier by a run that died before appending it to the stream
                    return redis.call(c -> c.xadd(keys.inboundStream(), Map.of("id", id, "k", kind.name().toLowerCase())))
                            .compose(v -> redis.call(c -> c.hset(key, "q", "1")))
                            .compose(v -> redis.call(c -> c.expire(key, retentionSeconds)))
                            .map(new Stored(Optional.of(id), !"new".equals(state)));
                });
    }

    private Map<String, String> fields(InboundMessage m, String text, int parts) {
        Map<String, String> f = base(Kind.MESSAGE, m.channelId(), m.at());
        putSender(f, m.from());
        putIf(f, "to", m.to());
        f.put("tx", text);
        f.put("np", Integer.toString(parts));
        putIf(f, "pmid", m.providerMessageId());
        putIf(f, "irt", m.inReplyToProviderId());
        if (!m.attributes().isEmpty()) {
            try {
                f.put("attr", JSON.writeValueAsString(m.attributes()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return f;
    }

    private static Map<String, String> base(Kind kind, String channelId, Instant at) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("k", kind.name().toLowerCase());
        f.put("c", channelId);
        f.put("at", Long.toString((at == null ? Instant.now() : at).toEpochMilli()));
        f.put("rcv", Long.toString(Instant.now().toEpochMilli()));
        return f;
    }

    private static void putSender(Map<String, String> f, Sender s) {
        putIf(f, "fph", s.phone());
        putIf(f, "fem", s.email());
        putIf(f, "fid", s.channelUserId());
        putIf(f, "fnm", s.displayName());
    }

    private static String senderKey(Sender s) {
        if (s.phone() != null) {
            return s.phone();
        }
        if (s.channelUserId() != null) {
            return s.channelUserId();
        }
        return String.valueOf(s.email());
    }

    private static void putIf(Map<String, String> f, String k, String v) {
        if (v != null) {
            f.put(k, v);
        }
    }

    static String idFor(String channelId, String dedupKey) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest((channelId + "\n" + dedupKey).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
