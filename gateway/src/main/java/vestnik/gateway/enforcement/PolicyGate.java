package vestnik.gateway.enforcement;

import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vestnik.channels.spi.ChannelType;
import vestnik.channels.spi.Recipient;
import vestnik.gateway.contacts.Contact;
import vestnik.gateway.contacts.ContactRepository;
import vestnik.gateway.policy.BlockingStatus;
import vestnik.gateway.policy.ContactClass;
import vestnik.gateway.policy.ContactPolicy;
import vestnik.gateway.policy.ContactRestrictions;
import vestnik.gateway.policy.CounterKeys;
import vestnik.gateway.policy.OptOuts;
import vestnik.gateway.policy.PolicyDecision;
import vestnik.gateway.policy.PolicyRequest;
import vestnik.gateway.policy.Reservation;
import vestnik.gateway.policy.TenantPolicy;
import vestnik.gateway.policy.Usage;
import vestnik.gateway.policy.time.CapWindows;
import vestnik.gateway.policy.zone.ContactFacts;
import vestnik.gateway.policy.zone.ZoneResolution;
import vestnik.gateway.policy.zone.ZoneResolver;
import vestnik.gateway.store.MessageRecord;
import vestnik.gateway.store.RedisStore;
import vestnik.gateway.store.Scripts;

/**
 * The contact policy applied at dispatch time (issue #8, R-CP-1): places the debtor in time, reads the
 * creditor-and-debtor counters of the send's contact class, lets {@link ContactPolicy} decide, and on an allow
 * takes a slot in every counter in one script — refused when another gateway took the last slot meanwhile, and
 * then decided again with fresh counters. Opt-outs are the dispatcher's own earlier step (per channel and address).
 */
public final class PolicyGate {

    private static final Logger log = LoggerFactory.getLogger(PolicyGate.class);

    /** Counters outlive their window a little, so a clock slightly behind Redis's never reads a vanished one. */
    private static final Duration GRACE = Duration.ofHours(1);
    /** Races lost in a row before the send waits a moment instead (another gateway is taking slots right now). */
    private static final int MAX_RACES = 5;
    private static final Duration RACE_PAUSE = Duration.ofSeconds(1);

    /** What the dispatcher does with the message. */
    public sealed interface Verdict {
        /** Send it: the slots are taken; give them back ({@link #release}) if it does not reach the provider. */
        record Pass(Slots slots, String detail) implements Verdict {
        }

        /**
         * Back to the queue until {@code until}, without using an attempt; {@code detail} goes in the history and
         * {@code reason} (a deferral reason's wire name; null for a technical pause) in the deferral counters.
         */
        record Wait(Instant until, String reason, String detail) implements Verdict {
        }

        /** Never sent: rejected with {@code code} (the reason's wire name). */
        record Stop(String code, String detail) implements Verdict {
        }
    }

    /**
     * The counters one allowed send took (full key names); none when the gate is off. {@code unanswered}: those
     * a call gives back when nobody answered (the caps count answered calls; the attempt counter stays).
     */
    public record Slots(List<String> keys, List<String> unanswered) {
        public static final Slots NONE = new Slots(List.of(), List.of());

        public Slots {
            keys = List.copyOf(keys);
            unanswered = List.copyOf(unanswered);
        }
    }

    /** The message field that keeps a call's give-back slots until its outcome is known. */
    static final String UNANSWERED_FIELD = "prk";

    private final RedisStore redis;
    private final Scripts scripts;
    private final ContactRepository contacts;
    private final ReferenceData reference;
    private final Map<String, TenantPolicy> tenants;
    private final InteractionLedger ledger;
    private final DebtorSessions debtorSessions;
    private final Suppressions suppressions;

    public PolicyGate(RedisStore redis, Scripts scripts, ContactRepository contacts, ReferenceData reference,
                      Map<String, TenantPolicy> tenants, InteractionLedger ledger,
                      Suppressions suppressions) {
        this(redis, scripts, contacts, reference, tenants, ledger, suppressions,
                new DebtorSessions(redis, tenants, java.time.Clock.systemUTC()));
    }

    public PolicyGate(RedisStore redis, Scripts scripts, ContactRepository contacts, ReferenceData reference,
                      Map<String, TenantPolicy> tenants, InteractionLedger ledger,
                      Suppressions suppressions, DebtorSessions debtorSessions) {
        this.debtorSessions = debtorSessions;
        this.redis = redis;
        this.scripts = scripts;
        this.contacts = contacts;
        this.reference = reference;
        this.tenants = Map.copyOf(tenants);
        this.ledger = ledger;
        this.suppressions = suppressions;
    }

    /** Decides the send of {@code m} on a channel of {@code type} to {@code to} at {@code now}. */
    public Future<Verdict> check(MessageRecord m, ChannelType type, Recipient to, Instant now) {
        TenantPolicy tenant = tenants.getOrDefault(m.tenantId(), TenantPolicy.LEGAL);
        return phoneInvalid(m.tenantId(), type, to).compose(invalid -> {
            if (invalid) {
                Verdict.Stop stop = new Verdict.Stop(ContactEvents.PHONE_INVALID,
                        "rejected: phone_invalid (upstream reported the number invalid)");
                return contactOf(m).compose(contact -> logged(m, subject(contact, to), null, now, "rejected",
                        stop.code(), stop.detail(), stop));
            }
            return contactOf(m).compose(contact -> suppressed(m, to, contact).compose(sup -> {
                if (sup.isPresent()) {
                    Verdict.Stop stop = new Verdict.Stop("opted_out", "rejected: opted_out (suppressed by upstream"
                            + (sup.get().reason().isEmpty() ? "" : ": " + sup.get().reason()) + ")");
                    return logged(m, subject(contact, to), null, now, "rejected", stop.code(), stop.detail(), stop);
                }
                return paidAt(m.tenantId(), contact).compose(paid -> {
                    String subject = subject(contact, to);
                    ContactFacts facts = contact.map(c -> new ContactFacts(c.timezone(), c.region(), null, c.address(),
                            to.phone(), m.jobZone(), m.jobRegion())).orElse(new ContactFacts(null, null, null, null,
                            to.phone(), m.jobZone(), m.jobRegion()));
                    ZoneResolution zone = reference.zones().resolve(facts, tenant.defaultZone());
                    ContactRestrictions restrictions = new ContactRestrictions(
                            contact.map(PolicyGate::statuses).orElse(Set.of()), OptOuts.none(), paid);
                    return inDebtorSession(m, tenant).compose(session ->
                            decide(m, type, tenant, zone, restrictions, subject, now, 0, session));
                });
            }));
        });
    }

    /** Upstream's suppression of any address of the message, its recipient or its contact, for this channel. */
    private Future<Optional<Suppressions.Suppression>> suppressed(MessageRecord m, Recipient to, Optional<Contact> contact) {
        List<String> addresses = new ArrayList<>();
        addresses.add(m.phone());
        addresses.add(m.email());
        addresses.add(to.phone());
        addresses.add(to.email());
        contact.ifPresent(c -> {
            addresses.addAll(c.phones());
            addresses.addAll(c.emails());
        });
        return suppressions.find(m.tenantId(), addresses, m.channelId());
    }

    /** Whether the send goes to a phone number upstream reported invalid. */
    private Future<Boolean> phoneInvalid(String tenantId, ChannelType type, Recipient to) {
        boolean byPhone = type == ChannelType.SMPP || type == ChannelType.ARI || type == ChannelType.VOICE_HTTP
                || type == ChannelType.WHATSAPP;
        if (!byPhone || to.phone() == null) {
            return Future.succeededFuture(false);
        }
        return redis.call(r -> r.exists(redis.keys().phoneInvalid(tenantId, to.phone()))).map(n -> n != null && n > 0);
    }

    private Future<Instant> paidAt(String tenantId, Optional<Contact> contact) {
        if (contact.isEmpty()) {
            return Future.succeededFuture(null);
        }
        return redis.call(r -> r.get(redis.keys().paymentReceived(tenantId, contact.get().contactId())))
                .map(v -> v == null ? null : Instant.ofEpochMilli(Long.parseLong(v)));
    }

    /**
     * For a call handed to the provider: keeps on the message the slots to give back if nobody answers, before
     * the outcome can arrive (the caller stores this before registering the provider's id).
     */
    public Future<Void> awaitAnswer(String messageId, Slots slots) {
        if (slots.unanswered().isEmpty()) {
            return Future.succeededFuture();
        }
        return redis.call(r -> r.hset(redis.keys().message(messageId), UNANSWERED_FIELD,
                String.join("\n", slots.unanswered()))).mapEmpty();
    }

    /**
     * A message ended {@code failed} or {@code expired} after the provider took it: if it was a call nobody
     * answered, its slots in the caps go back. The field is taken once, so a repeated outcome gives back nothing.
     */
    public Future<Void> notAnswered(String messageId) {
        String key = redis.keys().message(messageId);
        return redis.call(r -> r.hget(key, UNANSWERED_FIELD)).compose(v -> {
            if (v == null || v.isEmpty()) {
                return Future.succeededFuture();
            }
            return redis.call(r -> r.hdel(key, UNANSWERED_FIELD)).compose(n -> n != null && n > 0
                    ? release(new Slots(List.of(v.split("\n")), List.of()))
                    : Future.succeededFuture());
        });
    }

    /** Gives back the slots of a send that did not go out. */
    public Future<Void> release(Slots slots) {
        if (slots.keys().isEmpty()) {
            return Future.succeededFuture();
        }
        return redis.<Long>on(scripts.policyRelease.run(redis.commands(), ScriptOutputType.INTEGER,
                slots.keys().toArray(String[]::new))).mapEmpty();
    }

    /** Whether the message is an agent's reply inside a session its debtor opened and is still in (R-CP-7). */
    private Future<Boolean> inDebtorSession(MessageRecord m, TenantPolicy tenant) {
        if (!m.debtorInitiated() || tenant.debtorSession().isEmpty() || m.contactId() == null) {
            return Future.succeededFuture(false);
        }
        return debtorSessions.live(m.tenantId(), m.contactId());
    }

    private Future<Verdict> decide(MessageRecord m, ChannelType type, TenantPolicy tenant, ZoneResolution zone,
                                   ContactRestrictions restrictions, String subject, Instant now, int races,
                                   boolean debtorSession) {
        ContactClass cls = tenant.classify(type);
        ContactPolicy policy = reference.policy();
        CapWindows windows = policy.windowsFor(now, zone);
        CounterKeys keys = CounterKeys.of(cls, windows);
        String prefix = redis.keys().policyCounters(m.tenantId(), subject);
        return readUsage(prefix, keys, windows).compose(usage -> {
            PolicyDecision d = policy.decide(new PolicyRequest(now, zone, restrictions, type, usage, m.createdAt(),
                    m.expiresAt(), debtorSession), tenant);
            if (d instanceof PolicyDecision.Defer defer) {
                Verdict.Wait wait = new Verdict.Wait(defer.until(), defer.reason().wireName(), "deferred: " + defer.reason().wireName()
                        + " until " + defer.until() + local(defer.localUntil()) + zoneNote(zone));
                return logged(m, subject, zone, now, "deferred", defer.reason().wireName(), wait.detail(), wait);
            }
            if (d instanceof PolicyDecision.Reject reject) {
                String why = reject.statuses().isEmpty() ? "" : " (" + reject.statuses().stream()
                        .map(BlockingStatus::wireName).collect(Collectors.joining(", ")) + ")";
                Verdict.Stop stop = new Verdict.Stop(reject.reason().wireName(),
                        "rejected: " + reject.reason().wireName() + why + zoneNote(zone));
                return logged(m, subject, zone, now, "rejected", stop.code(), stop.detail(), stop);
            }
            PolicyDecision.Allow allow = (PolicyDecision.Allow) d;
            return reserve(prefix, allow, now).compose(taken -> {
                if (taken != null) {
                    boolean exempt = debtorSession && allow.reservations().isEmpty();
                    Verdict.Pass pass = new Verdict.Pass(taken, "allowed at " + now + local(allow.localTime())
                            + zoneNote(zone) + (exempt ? "; a reply in a conversation the debtor opened (not counted)" : ""));
                    return logged(m, subject, zone, now, "allowed", exempt ? "debtor_initiated" : null, pass.detail(), pass);
                }
                if (races + 1 >= MAX_RACES) {
                    return Future.succeededFuture(new Verdict.Wait(now.plus(RACE_PAUSE), null,
                            "deferred: contact counters busy, deciding again"));
                }
                return decide(m, type, tenant, zone, restrictions, subject, now, races + 1, debtorSession);
            });
        });
    }

    /** Writes the decision to the ledger, then answers it; a ledger that cannot be written is logged, not fatal. */
    private Future<Verdict> logged(MessageRecord m, String subject, ZoneResolution zone, Instant now, String decision,
                                   String reason, String detail, Verdict verdict) {
        String local = zone == null ? null : zone.zoneId().map(z -> LocalDateTime.ofInstant(now, z).toString()).orElse(null);
        String zoneName = zone == null ? null : zone.zoneId().map(Object::toString).orElse(null);
        String source = zone == null ? null : zone.source().wireName();
        InteractionLedger.Entry e = new InteractionLedger.Entry(now, local, zoneName, source, decision, reason, m.id(),
                m.channelId(), detail);
        return ledger.append(m.tenantId(), subject, e)
                .recover(t -> {
                    log.warn("ledger of message {} not written: {}", m.id(), t.getMessage());
                    return Future.succeededFuture();
                })
                .map(verdict);
    }

    private Future<Usage> readUsage(String prefix, CounterKeys keys, CapWindows windows) {
        List<String> names = new ArrayList<>(List.of(prefix + keys.day(), prefix + keys.week(), prefix + keys.month()));
        if (keys.attempts() != null) {
            names.add(prefix + keys.attempts());
            names.add(prefix + keys.lastAttempt());
        }
        return redis.call(r -> r.mget(names.toArray(String[]::new))).map(values -> {
            int[] n = new int[4];
            String last = null;
            for (int i = 0; i < values.size(); i++) {
                String v = values.get(i).hasValue() ? values.get(i).getValue() : null;
                if (i < 4) {
                    n[i] = v == null ? 0 : Integer.parseInt(v);
                } else {
                    last = v;
                }
            }
            Usage u = Usage.of(windows, n[0], n[1], n[2]);
            return keys.attempts() == null ? u
                    : u.withCallAttempts(n[3], last == null ? null : Instant.ofEpochMilli(Long.parseLong(last)));
        });
    }

    /** The slots taken, or null when another send took the last one first. */
    private Future<Slots> reserve(String prefix, PolicyDecision.Allow allow, Instant now) {
        if (allow.reservations().isEmpty() && allow.spacing() == null) {
            return Future.succeededFuture(Slots.NONE);
        }
        List<String> keys = new ArrayList<>();
        List<String> args = new ArrayList<>();
        args.add(Integer.toString(allow.reservations().size()));
        for (Reservation r : allow.reservations()) {
            keys.add(prefix + r.key());
            args.add(Integer.toString(r.limit()));
            args.add(Long.toString(r.windowEnd().plus(GRACE).toEpochMilli()));
        }
        List<String> counters = List.copyOf(keys);
        List<String> unanswered = allow.reservations().stream().filter(Reservation::releaseIfUnanswered)
                .map(r -> prefix + r.key()).toList();
        if (allow.spacing() != null) {
            keys.add(prefix + allow.spacing().key());
            args.add(Long.toString(allow.spacing().minimum().toMillis()));
            args.add(Long.toString(now.toEpochMilli()));
        }
        return redis.<Long>on(scripts.policyReserve.run(redis.commands(), ScriptOutputType.INTEGER,
                        keys.toArray(String[]::new), args.toArray(String[]::new)))
                .map(ok -> ok != null && ok == 1 ? new Slots(counters, unanswered) : null);
    }

    private Future<Optional<Contact>> contactOf(MessageRecord m) {
        return contacts.about(m.tenantId(), m.contactId(), m.phone());
    }

    /** Whom the counters are kept for: the contact, else the address the send goes to. */
    private static String subject(Optional<Contact> contact, Recipient to) {
        if (contact.isPresent()) {
            return contactSubject(contact.get().contactId());
        }
        if (to.phone() != null) {
            return "p:" + to.phone();
        }
        if (to.email() != null) {
            return "e:" + to.email();
        }
        return "u:" + to.channelUserId();
    }

    static String contactSubject(String contactId) {
        return "c:" + contactId;
    }

    private static Set<BlockingStatus> statuses(Contact c) {
        EnumSet<BlockingStatus> s = EnumSet.noneOf(BlockingStatus.class);
        c.statuses().forEach(name -> BlockingStatus.fromWireName(name).ifPresent(s::add));
        return s;
    }

    private static String local(Optional<LocalDateTime> t) {
        return t.map(l -> " (local " + l + ")").orElse("");
    }

    private static String zoneNote(ZoneResolution zone) {
        return "; zone " + zone.zoneId().map(Object::toString).orElse("unknown") + " from " + zone.source().wireName();
    }
}
