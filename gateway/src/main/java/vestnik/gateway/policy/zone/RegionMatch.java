package vestnik.gateway.policy.zone;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a place text says about the zone: nothing (no subject recognised), a zone ({@link #placed()}), or only the
 * zones it may be in (a subject that spans several zones without a known district, or several subjects in
 * different zones).
 *
 * @param regions    the subjects recognised, in the order found
 * @param zone       the zone, when the text places it
 * @param candidates the zones it may be in; {@code Set.of(zone)} when placed, empty when nothing was recognised
 * @param district   the canonical name of the district that decided, when one did
 */
public record RegionMatch(List<Region> regions, ZoneId zone, Set<ZoneId> candidates, String district) {

    static final RegionMatch NONE = new RegionMatch(List.of(), null, Set.of(), null);

    public RegionMatch {
        regions = List.copyOf(regions);
        candidates = Set.copyOf(candidates);
    }

    public boolean found() {
        return !regions.isEmpty();
    }

    public boolean placed() {
        return zone != null;
    }

    public boolean byDistrict() {
        return district != null;
    }

    public Optional<ZoneId> zoneId() {
        return Optional.ofNullable(zone);
    }

    public Set<String> regionCodes() {
        return regions.stream().map(Region::code).collect(Collectors.toUnmodifiableSet());
    }
}
