package vestnik.gateway.policy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import vestnik.gateway.policy.zone.ZoneResolution;
import vestnik.gateway.policy.zone.ZoneSource;

/**
 * The outcome of the policy check for one send: allow it now (after reserving the counters), defer it to a later
 * instant, or reject it with a reason. Nothing is ever silently dropped. Every outcome carries the zone
 * resolution, so the ledger can record the UTC and local times and what decided the zone.
 */
public sealed interface PolicyDecision {

    ZoneResolution zone();

    default Optional<ZoneId> zoneId() {
        return zone().zoneId();
    }

    default ZoneSource source() {
        return zone().source();
    }

    /**
     * Send now, provided the reservations succeed atomically.
     *
     * @param at           the instant decided on (the request's {@code now})
     * @param contactClass the class the send counts against
     * @param reservations the counters to take a slot in, all or none
     * @param spacing      for calls, the attempt-spacing guard; null for messages
     */
    record Allow(Instant at, ZoneResolution zone, ContactClass contactClass, List<Reservation> reservations,
                 SpacingGuard spacing) implements PolicyDecision {

        public Allow {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(zone, "zone");
            reservations = List.copyOf(reservations);
        }

        /** The debtor's local time of the send; empty when the zone is unknown. */
        public Optional<LocalDateTime> localTime() {
            return zone.zoneId().map(z -> LocalDateTime.ofInstant(at, z));
        }
    }

    /**
     * Try again at {@code until}, the earliest instant that satisfies every rule with what is known now; the
     * message is decided again then (dispatch time, R-CP-1).
     *
     * @param reason  the main reason: the strongest of {@code reasons} (month, week, day, attempts, quiet hours)
     * @param reasons every rule that pushed the send later
     */
    record Defer(Instant until, DeferReason reason, Set<DeferReason> reasons, ZoneResolution zone)
            implements PolicyDecision {

        public Defer {
            Objects.requireNonNull(until, "until");
            Objects.requireNonNull(reason, "reason");
            reasons = Collections.unmodifiableSet(EnumSet.copyOf(reasons));
            if (!reasons.contains(reason)) {
                throw new IllegalArgumentException("the main reason must be among the reasons");
            }
        }

        public Optional<LocalDateTime> localUntil() {
            return zone.zoneId().map(z -> LocalDateTime.ofInstant(until, z));
        }
    }

    /**
     * Do not send.
     *
     * @param statuses  for {@link RejectReason#BLOCKED_STATUS}, the statuses that block the class; else empty
     * @param notBefore when a deferral ran past the TTL, the instant the rules pointed at when the TTL was hit
     *                  (the real next chance is this or later); null otherwise
     */
    record Reject(RejectReason reason, ZoneResolution zone, Set<BlockingStatus> statuses, Instant notBefore)
            implements PolicyDecision {

        public Reject {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(zone, "zone");
            statuses = statuses.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(statuses));
        }
    }
}
