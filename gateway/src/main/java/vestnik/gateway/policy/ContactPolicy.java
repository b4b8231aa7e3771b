package vestnik.gateway.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import vestnik.gateway.policy.time.CapPeriod;
import vestnik.gateway.policy.time.CapWindows;
import vestnik.gateway.policy.time.ProductionCalendar;
import vestnik.gateway.policy.time.QuietHours;
import vestnik.gateway.policy.zone.RegionZones;
import vestnik.gateway.policy.zone.ZoneResolution;

/**
 * The contact policy check made before every send (issue #8, regulation.md §6.1): a pure function of what the
 * caller read — the clock, the debtor's zone, restrictions and counters, the tenant's policy and the message's
 * TTL. It stores nothing; an {@link PolicyDecision.Allow} lists the counters the caller must reserve atomically.
 *
 * <p>Order: a payment, a blocking status and an opt-out reject outright; an expired TTL rejects; then the
 * earliest instant that is inside the local window <em>and</em> under every cap is searched for, moving forward
 * to the next window, local midnight, Monday or the 1st as each rule demands, until all agree. If that instant is
 * now: allow. If it comes before the TTL: defer. Otherwise: reject with the rule that stood in the way.
 *
 * <p>Use: <pre>
 * Instant now = clock.instant();
 * ZoneResolution zone = resolver.resolve(facts, tenant.defaultZone());
 * ContactClass cls = tenant.classify(channelType);
 * CapWindows windows = policy.windowsFor(now, zone);
 * CounterKeys keys = CounterKeys.of(cls, windows);        // read these → Usage
 * PolicyDecision d = policy.decide(new PolicyRequest(now, zone, restrictions, channelType, usage, acceptedAt, expiresAt), tenant);
 * </pre>
 */
public final class ContactPolicy {

    /** Without a TTL, a message that no slot fits within a year (e.g. a cap of 0) is rejected. */
    static final Duration SEARCH_LIMIT = Duration.ofDays(366);
    private static final int MAX_STEPS = 2_000;
    private static final List<CapPeriod> WIDEST_FIRST = List.of(CapPeriod.MONTH, CapPeriod.WEEK, CapPeriod.DAY);
    /** Strongest first: the reason reported when several rules pushed a send later. */
    private static final List<DeferReason> PRECEDENCE = List.of(DeferReason.MONTHLY_CAP, DeferReason.WEEKLY_CAP,
            DeferReason.DAILY_CAP, DeferReason.CALL_ATTEMPTS, DeferReason.QUIET_HOURS);

    private final QuietHours legalHours;

    /** @param legalHours the law's windows over the calendar and region table in force */
    public ContactPolicy(QuietHours legalHours) {
        this.legalHours = Objects.requireNonNull(legalHours, "legalHours");
    }

    /** The policy over the shipped production calendar and region table. */
    public static ContactPolicy bundled() {
        return new ContactPolicy(QuietHours.legal(ProductionCalendar.bundled(), RegionZones.bundled()));
    }

    /** The same policy over another calendar (after an admin upload). */
    public ContactPolicy withCalendar(ProductionCalendar calendar) {
        return new ContactPolicy(QuietHours.legal(calendar, legalHours.regionZones()));
    }

    public QuietHours quietHours() {
        return legalHours;
    }

    /** The counting windows of {@code now} for the debtor: read the counters for these, then {@link #decide}. */
    public CapWindows windowsFor(Instant now, ZoneResolution zone) {
        return CapWindows.at(now, zone.countingZone());
    }

    public PolicyDecision decide(PolicyRequest req, TenantPolicy tenant) {
        ZoneResolution zone = req.zone();
        ContactClass cls = tenant.classify(req.channel());
        Instant now = req.now();

        Instant paid = req.contact().paymentReceivedAt();
        if (paid != null && (req.acceptedAt() == null || !req.acceptedAt().isAfter(paid))) {
            return reject(RejectReason.PAYMENT_RECEIVED, zone);
        }
        Set<BlockingStatus> blocking = req.contact().blocking(cls);
        if (!blocking.isEmpty()) {
            return new PolicyDecision.Reject(RejectReason.BLOCKED_STATUS, zone, blocking, null);
        }
        if (req.contact().optOuts().covers(req.channel())) {
            return reject(RejectReason.OPTED_OUT, zone);
        }
        if (req.expiresAt() != null && !now.isBefore(req.expiresAt())) {
            return reject(RejectReason.EXPIRED, zone);
        }
        if (req.debtorSession() && tenant.debtorSession().isPresent()) {
            // R-CP-7: the debtor is talking to us; the reply is not contact at the creditor's initiative, so it
            // takes no slot of a cap and no quiet hours apply
            return new PolicyDecision.Allow(now, zone, cls, List.of(), null);
        }

        ZoneId counting = zone.countingZone();
        Usage usage = req.usage();
        if (!usage.windows().zone().equals(counting) || !usage.windows().day().contains(now)) {
            throw new IllegalArgumentException("the counters were read for " + usage.windows().day().key() + " in "
                    + usage.windows().zone() + ", not for " + now + " in " + counting
                    + "; read them for windowsFor(now, zone)");
        }

        QuietHours hours = legalHours.withWindows(tenant.windows());
        CapLimits limits = tenant.caps().limits(cls);
        CallAttempts attempts = tenant.caps().callAttempts();
        Instant limit = now.plus(SEARCH_LIMIT);
        if (req.expiresAt() != null && req.expiresAt().isBefore(limit)) {
            limit = req.expiresAt();
        }

        EnumSet<DeferReason> pushedBy = EnumSet.noneOf(DeferReason.class);
        Instant t = now;
        for (int step = 0; step < MAX_STEPS && t.isBefore(limit); step++) {
            Optional<Instant> open = hours.nextAllowed(t, zone);
            if (open.isEmpty()) {
                // Narrowed tenant hours can leave no instant common to every zone an unknown debtor may be in.
                pushedBy.add(DeferReason.QUIET_HOURS);
                return new PolicyDecision.Reject(main(pushedBy).asRejectReason(), zone, Set.of(), null);
            }
            if (open.get().isAfter(t)) {
                pushedBy.add(DeferReason.QUIET_HOURS);
                t = open.get();
                continue;
            }
            CapWindows w = CapWindows.at(t, counting);
            Blocked b = capAt(t, w, usage, limits, cls, attempts);
            if (b == null) {
                return settle(req, zone, cls, limits, attempts, t, pushedBy);
            }
            pushedBy.add(b.reason);
            t = b.until;
        }
        return new PolicyDecision.Reject(main(pushedBy).asRejectReason(), zone, Set.of(), t);
    }

    private record Blocked(DeferReason reason, Instant until) {
    }

    /** The first cap that forbids {@code t}, and when it frees up; null when none does. */
    private static Blocked capAt(Instant t, CapWindows w, Usage usage, CapLimits limits, ContactClass cls,
                                 CallAttempts attempts) {
        for (CapPeriod p : WIDEST_FIRST) {
            if (usage.countIn(w, p) >= limits.get(p)) {
                return new Blocked(reasonFor(p), w.nextStart(p));
            }
        }
        if (cls == ContactClass.CALL) {
            if (usage.attemptsIn(w) >= attempts.perDay()) {
                return new Blocked(DeferReason.CALL_ATTEMPTS, w.nextStart(CapPeriod.DAY));
            }
            Instant last = usage.lastAttemptAt();
            if (last != null && t.isBefore(last.plus(attempts.minSpacing()))) {
                return new Blocked(DeferReason.CALL_ATTEMPTS, last.plus(attempts.minSpacing()));
            }
        }
        return null;
    }

    private PolicyDecision settle(PolicyRequest req, ZoneResolution zone, ContactClass cls, CapLimits limits,
                                  CallAttempts attempts, Instant t, Set<DeferReason> pushedBy) {
        if (t.isAfter(req.now())) {
            return new PolicyDecision.Defer(t, main(pushedBy), pushedBy, zone);
        }
        CapWindows w = CapWindows.at(t, zone.countingZone());
        CounterKeys keys = CounterKeys.of(cls, w);
        boolean calls = cls == ContactClass.CALL;
        List<Reservation> rs = new ArrayList<>(4);
        rs.add(new Reservation(keys.day(), limits.day(), w.day().end(), calls));
        rs.add(new Reservation(keys.week(), limits.week(), w.week().end(), calls));
        rs.add(new Reservation(keys.month(), limits.month(), w.month().end(), calls));
        SpacingGuard spacing = null;
        if (calls) {
            rs.add(new Reservation(keys.attempts(), attempts.perDay(), w.day().end(), false));
            spacing = new SpacingGuard(keys.lastAttempt(), attempts.minSpacing());
        }
        return new PolicyDecision.Allow(t, zone, cls, rs, spacing);
    }

    private static DeferReason reasonFor(CapPeriod p) {
        return switch (p) {
            case DAY -> DeferReason.DAILY_CAP;
            case WEEK -> DeferReason.WEEKLY_CAP;
            case MONTH -> DeferReason.MONTHLY_CAP;
        };
    }

    private static DeferReason main(Set<DeferReason> reasons) {
        return PRECEDENCE.stream().filter(reasons::contains).findFirst().orElse(DeferReason.QUIET_HOURS);
    }

    private static PolicyDecision.Reject reject(RejectReason reason, ZoneResolution zone) {
        return new PolicyDecision.Reject(reason, zone, Set.of(), null);
    }
}
