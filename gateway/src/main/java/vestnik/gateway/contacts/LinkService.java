package vestnik.gateway.contacts;

import io.lettuce.core.SetArgs;
import io.vertx.core.Future;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vestnik.channels.common.Mask;
import vestnik.channels.spi.Channel;
import vestnik.channels.spi.InboundEvent.LinkRequest;
import vestnik.gateway.contacts.ContactRepository.ContactRef;
import vestnik.gateway.store.Keys;
import vestnik.gateway.store.RedisStore;

/**
 * Reaching a debtor known only by phone on messengers that address users by their own ids: a one-time
 * token per messenger goes into a deep link (put into an SMS); when the debtor opens it, the channel
 * reports the token and the gateway binds that messenger user to the contact. Telegram can also bind
 * by a shared phone number the channel has verified as the user's own.
 */
public final class LinkService {

    private static final Logger log = LoggerFactory.getLogger(LinkService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The links for one contact and when their tokens stop working. */
    public record Links(Map<String, String> links, Instant expiresAt) {
    }

    private final RedisStore redis;
    private final Keys keys;
    private final ContactRepository contacts;
    private final Collection<Channel> channels;
    private final Duration tokenTtl;
    private final Clock clock;

    public LinkService(RedisStore redis, ContactRepository contacts, Collection<Channel> channels, Duration tokenTtl,
                       Clock clock) {
        this.redis = redis;
        this.keys = redis.keys();
        this.contacts = contacts;
        this.channels = channels;
        this.tokenTtl = tokenTtl;
        this.clock = clock;
    }

    /** One deep link per messenger channel that offers them, each with its own one-time token. */
    public Future<Links> create(String tenantId, String contactId) {
        Map<String, String> links = new LinkedHashMap<>();
        List<Future<String>> stored = new ArrayList<>();
        for (Channel c : channels) {
            String token = token();
            Optional<String> link = c.deepLink(token);
            if (link.isEmpty()) {
                continue;
            }
            links.put(c.id(), link.get());
            String value = tenantId + "|" + contactId + "|" + c.id();
            stored.add(redis.call(r -> r.set(keys.linkToken(token), value, SetArgs.Builder.ex(tokenTtl.toSeconds()))));
        }
        return Future.all(stored).map(v -> new Links(links, clock.instant().plus(tokenTtl)));
    }

    /** Binds the messenger user of a link request; a token works once, on the channel it was made for. */
    public Future<Void> apply(LinkRequest request) {
        String userId = request.who().channelUserId();
        if (userId == null) {
            return Future.succeededFuture();
        }
        if (request.token() != null && !request.token().isBlank()) {
            return redis.call(r -> r.getdel(keys.linkToken(request.token()))).compose(value -> {
                if (value == null) {
                    log.info("channel {}: link token unknown, used or expired", request.channelId());
                    return Future.succeededFuture();
                }
                String[] f = value.split("\\|", 3);
                if (f.length != 3 || !f[2].equals(request.channelId())) {
                    log.warn("channel {}: link token made for another channel ignored", request.channelId());
                    return Future.succeededFuture();
                }
                return bind(new ContactRef(f[0], f[1]), request.channelId(), userId);
            });
        }
        if (request.phone() != null) {
            return contacts.contactsWithPhone(request.phone()).compose(refs -> {
                List<Future<Void>> binds = new ArrayList<>();
                refs.forEach(ref -> binds.add(bind(ref, request.channelId(), userId)));
                if (refs.isEmpty()) {
                    log.info("channel {}: shared phone {} matches no contact", request.channelId(), Mask.phone(request.phone()));
                }
                return Future.all(binds).mapEmpty();
            });
        }
        return Future.succeededFuture();
    }

    private Future<Void> bind(ContactRef ref, String channelId, String userId) {
        return contacts.bind(ref, channelId, userId).map(bound -> {
            if (bound) {
                log.info("channel {}: messenger user {} bound to a contact of tenant {}", channelId, Mask.id(userId), ref.tenantId());
            }
            return (Void) null;
        });
    }

    private static String token() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        // URL-safe base64 without padding: Telegram's start parameter allows [A-Za-z0-9_-] only
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
