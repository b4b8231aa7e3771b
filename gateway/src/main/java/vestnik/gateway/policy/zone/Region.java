package vestnik.gateway.policy.zone;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A federal subject of Russia.
 *
 * @param code    ISO 3166-2:RU code, e.g. {@code RU-KGD} (RU-CR and RU-SEV are the customary non-ISO codes)
 * @param fnsCode the two-digit subject code of the tax service, also the base car-plate code, e.g. {@code 39}
 * @param zone    the subject's zone, or {@code null} when it spans several and the district decides
 * @param zones   every zone the subject's territory uses (one element unless {@code zone} is null)
 * @param names   the names it is known by, the official Russian one first
 */
public record Region(String code, String fnsCode, ZoneId zone, Set<ZoneId> zones, List<String> names) {

    public Region {
        zones = Set.copyOf(zones);
        names = List.copyOf(names);
        if (zone != null && !zones.equals(Set.of(zone))) {
            throw new IllegalArgumentException(code + ": a single-zone subject lists only its zone");
        }
    }

    public Optional<ZoneId> singleZone() {
        return Optional.ofNullable(zone);
    }

    public boolean needsDistrict() {
        return zone == null;
    }

    public String name() {
        return names.get(0);
    }
}
