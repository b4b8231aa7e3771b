package vestnik.gateway.policy.zone;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The debtor's time zone and what decided it — or, when nothing did, the zones the debtor may be in.
 *
 * @param zone       the zone, or {@code null} when {@link ZoneSource#UNKNOWN}
 * @param source     what decided
 * @param candidates the zones the debtor may be in: {@code Set.of(zone)} when known; every Russian zone when
 *                   nothing is known; fewer when a region was named without the district that would place it
 * @param regions    ISO codes of the subjects known for the debtor (for regional holidays); may be empty
 * @param basis      a short, personal-data-free note for the ledger, e.g. {@code "RU-SA: Оймяконский улус"}
 */
public record ZoneResolution(ZoneId zone, ZoneSource source, Set<ZoneId> candidates, Set<String> regions,
                             String basis) {

    public ZoneResolution {
        Objects.requireNonNull(source, "source");
        candidates = Set.copyOf(candidates);
        regions = Set.copyOf(regions);
        Objects.requireNonNull(basis, "basis");
        if ((zone == null) != (source == ZoneSource.UNKNOWN)) {
            throw new IllegalArgumentException("a zone is given exactly when the source is not UNKNOWN");
        }
        if (zone != null && !candidates.equals(Set.of(zone))) {
            throw new IllegalArgumentException("a known zone is its only candidate");
        }
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("an unknown zone needs the zones it may be in");
        }
    }

    public static ZoneResolution known(ZoneId zone, ZoneSource source, Set<String> regions, String basis) {
        return new ZoneResolution(zone, source, Set.of(zone), regions, basis);
    }

    public static ZoneResolution unknown(Set<ZoneId> candidates, Set<String> regions, String basis) {
        return new ZoneResolution(null, ZoneSource.UNKNOWN, candidates, regions, basis);
    }

    public boolean isKnown() {
        return zone != null;
    }

    public Optional<ZoneId> zoneId() {
        return Optional.ofNullable(zone);
    }

    /**
     * The zone whose calendar days, weeks and months the caps are counted in. For a known zone, that zone. For an
     * unknown one, any candidate gives the same answer for every instant the policy allows: an instant inside the
     * 08:00–22:00 window of two zones at most ten hours apart (UTC+2 … UTC+12) has the same local date in both —
     * for the dates to differ, the later zone would have to be more than ten hours ahead. The candidate with the
     * smallest offset is taken so that the choice is stable.
     */
    public ZoneId countingZone() {
        if (zone != null) {
            return zone;
        }
        Instant ref = Instant.EPOCH.plus(Duration.ofDays(20_000));
        return candidates.stream()
                .min(Comparator.comparing((ZoneId z) -> z.getRules().getOffset(ref).getTotalSeconds())
                        .thenComparing(ZoneId::getId))
                .orElseThrow();
    }
}
