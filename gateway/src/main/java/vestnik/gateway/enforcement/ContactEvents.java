package vestnik.gateway.enforcement;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vestnik.channels.spi.MessageStatus;
import vestnik.gateway.cascade.CascadeService;
import vestnik.gateway.store.Keys;
import vestnik.gateway.store.MessageRecord;
import vestnik.gateway.store.MessageRepository;
import vestnik.gateway.store.RedisStore;

/**
 * What upstream tells about a debtor that stops contact (issue #8): a payment cancels every message and cascade
 * of the contact that has not gone out, and the gate rejects any accepted before it that was already being sent;
 * an invalid number is never sent to again by this tenant.
 *
 * <p>The payment is recorded first and the pending messages cancelled after, so a message that slips between
 * the two (taken by a dispatcher meanwhile) still meets the recorded payment at the gate. Jobs accepted after the
 * payment go out as usual: a new debt or a new arrangement is upstream's decision to make.
 */
public final class ContactEvents {

    public static final String PAYMENT_RECEIVED = "payment_received";
    public static final String PHONE_INVALID = "phone_invalid";
    private static final Set<MessageStatus> CANCELLABLE = Set.of(MessageStatus.QUEUED, MessageStatus.SCHEDULED);

    private final RedisStore redis;
    private final Keys keys;
    private final MessageRepository messages;
    private final CascadeService cascades;
    private final InteractionLedger ledger;
    private final Clock clock;
    private final java.time.Duration remembered;

    public ContactEvents(RedisStore redis, MessageRepository messages, CascadeService cascades,
                         InteractionLedger ledger, Clock clock) {
        this(redis, messages, cascades, ledger, clock, java.time.Duration.ofDays(8));
    }

    /**
     * {@code maxTtl}: the longest a job may live. A payment only stops messages accepted before it, and none of
     * those outlives it, so the payment mark is kept that long (and a day) and not for ever.
     */
    public ContactEvents(RedisStore redis, MessageRepository messages, CascadeService cascades,
                         InteractionLedger ledger, Clock clock, java.time.Duration maxTtl) {
        this.remembered = maxTtl.plusDays(1);
        this.redis = redis;
        this.keys = redis.keys();
        this.messages = messages;
        this.cascades = cascades;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Records the payment and cancels what is pending; answers how many messages were cancelled. */
    public Future<Integer> paymentReceived(String tenantId, String contactId) {
        Instant at = clock.instant();
        return redis.call(r -> r.set(keys.paymentReceived(tenantId, contactId), Long.toString(at.toEpochMilli()),
                        io.lettuce.core.SetArgs.Builder.px(remembered.toMillis())))
                .compose(ok -> pendingIds(tenantId, contactId))
                .compose(ids -> {
                    List<Future<Boolean>> done = new ArrayList<>();
                    for (String id : ids) {
                        done.add(messages.find(id).compose(m -> cancel(m).compose(cancelled -> cancelled
                                ? ledger.append(tenantId, PolicyGate.contactSubject(contactId), new InteractionLedger.Entry(
                                        at, null, null, null, "cancelled", PAYMENT_RECEIVED, id, m.get().channelId(),
                                        "cancelled: upstream reported a payment")).map(true)
                                : Future.succeededFuture(false))));
                    }
                    return Future.all(done).map(all -> (int) done.stream().filter(f -> Boolean.TRUE.equals(f.result())).count());
                });
    }

    /** Marks a number invalid for the tenant: the gate rejects later sends to it. */
    public Future<Void> phoneInvalid(String tenantId, String phone) {
        return redis.call(r -> r.set(keys.phoneInvalid(tenantId, phone), Long.toString(clock.instant().toEpochMilli())))
                .mapEmpty();
    }

    private Future<List<String>> pendingIds(String tenantId, String contactId) {
        List<Future<Set<String>>> shards = new ArrayList<>();
        for (int s = 0; s < keys.shards(); s++) {
            String key = keys.contactPending(s, tenantId, contactId);
            shards.add(redis.call(r -> r.smembers(key)));
        }
        return Future.all(shards).map(all -> {
            List<String> ids = new ArrayList<>();
            shards.forEach(f -> ids.addAll(f.result()));
            return ids;
        });
    }

    private Future<Boolean> cancel(Optional<MessageRecord> found) {
        if (found.isEmpty()) {
            return Future.succeededFuture(false);
        }
        MessageRecord m = found.get();
        String detail = PAYMENT_RECEIVED + ": the debtor paid; upstream cancelled the contact's pending messages";
        if (m.cascade() != null) {
            return cascades.cancel(m, detail).map(v -> CANCELLABLE.contains(m.status()));
        }
        if (!CANCELLABLE.contains(m.status())) {
            return Future.succeededFuture(false);
        }
        return messages.transition(m.id(), null, MessageStatus.CANCELLED, clock.instant(), detail, null, null, true,
                null, Map.of("ec", PAYMENT_RECEIVED)).map(MessageRepository.TransitionResult::applied);
    }
}
