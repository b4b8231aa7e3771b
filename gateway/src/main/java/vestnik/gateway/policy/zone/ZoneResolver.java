package vestnik.gateway.policy.zone;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import vestnik.gateway.policy.numbering.NumberRange;
import vestnik.gateway.policy.numbering.NumberingPlan;

/**
 * Decides a debtor's time zone from what is known, asking in this order (issue #8, regulation.md §5.2, R-TZ-1):
 * <ol>
 *   <li>the contact's own IANA zone;</li>
 *   <li>the contact's region (the district too in Sakha), or failing that a region named in the address;</li>
 *   <li>the job's {@code to.timezone}, then its {@code to.region};</li>
 *   <li>the region of the phone number's range in the numbering plan;</li>
 *   <li>the tenant's default zone;</li>
 *   <li>otherwise unknown.</li>
 * </ol>
 * A region that spans several zones without a district (or texts naming subjects in different zones) does not
 * place the debtor but narrows where they can be: later sources are then taken only if they agree with it, the
 * tenant default included, and an unknown result carries just those zones, so the window computed for it is the
 * one legal in each of them rather than in all of Russia.
 *
 * <p>Pure and immutable; a new numbering plan makes a new resolver ({@link #withPlan}).
 */
public final class ZoneResolver {

    private final RegionZones regions;
    private final NumberingPlan plan;

    public ZoneResolver(RegionZones regions, NumberingPlan plan) {
        this.regions = Objects.requireNonNull(regions, "regions");
        this.plan = Objects.requireNonNull(plan, "plan");
    }

    public ZoneResolver withPlan(NumberingPlan newPlan) {
        return new ZoneResolver(regions, newPlan);
    }

    public RegionZones regions() {
        return regions;
    }

    public NumberingPlan plan() {
        return plan;
    }

    /**
     * @param facts         what the contact and the job say
     * @param tenantDefault the tenant's {@code policy.defaultZone}, or null
     */
    public ZoneResolution resolve(ContactFacts facts, ZoneId tenantDefault) {
        Narrowing n = new Narrowing(regions.allZones());

        RegionMatch contactRegion = contactRegion(facts);
        n.regionsFrom(contactRegion);
        Optional<ZoneId> contactZone = zone(facts.zone());
        if (contactZone.isPresent()) {
            return ZoneResolution.known(contactZone.get(), ZoneSource.CONTACT_ZONE, n.regions, "contact zone");
        }
        if (contactRegion.placed()) {
            return contactRegion.byDistrict()
                    ? ZoneResolution.known(contactRegion.zone(), ZoneSource.REGION_DISTRICT, n.regions,
                            "region " + codes(contactRegion) + ", district " + contactRegion.district())
                    : ZoneResolution.known(contactRegion.zone(), ZoneSource.REGION, n.regions,
                            "region " + codes(contactRegion));
        }
        n.narrow(contactRegion, "region " + codes(contactRegion) + " without a district that places it");

        Optional<ZoneId> jobZone = zone(facts.jobZone());
        if (jobZone.isPresent() && n.admits(jobZone.get())) {
            return ZoneResolution.known(jobZone.get(), ZoneSource.JOB_HINT, n.regions, "job to.timezone");
        }
        RegionMatch jobRegion = regions.match(facts.jobRegion(), facts.district());
        n.regionsFrom(jobRegion);
        if (jobRegion.placed() && n.admits(jobRegion.zone())) {
            return ZoneResolution.known(jobRegion.zone(), ZoneSource.JOB_HINT, n.regions,
                    "job to.region " + codes(jobRegion));
        }
        n.narrow(jobRegion, "job to.region " + codes(jobRegion) + " without a district that places it");

        Optional<NumberRange> range = plan.lookup(facts.phone());
        if (range.isPresent()) {
            RegionMatch planRegion = planRegion(range.get());
            n.regionsFrom(planRegion);
            if (planRegion.placed() && n.admits(planRegion.zone())) {
                return ZoneResolution.known(planRegion.zone(), ZoneSource.NUMBERING_PLAN, n.regions,
                        "numbering plan: " + codes(planRegion));
            }
            n.narrow(planRegion, "numbering plan: " + codes(planRegion) + " spans several zones");
        }

        if (tenantDefault != null && n.admits(tenantDefault)) {
            return ZoneResolution.known(tenantDefault, ZoneSource.TENANT_DEFAULT, n.regions, "tenant default");
        }
        return ZoneResolution.unknown(n.candidates, n.regions,
                n.why != null ? n.why : "nothing places the debtor: the window legal in every Russian zone");
    }

    private RegionMatch contactRegion(ContactFacts f) {
        RegionMatch m = regions.match(f.region(), f.district(), f.address());
        if (m.found()) {
            return m;
        }
        return regions.matchAddress(f.address(), f.district());
    }

    /** ГАР names the subject reliably where "Регион" is "-" or, in a few rows, wrong; "Регион" is the fallback. */
    private RegionMatch planRegion(NumberRange r) {
        RegionMatch byGar = regions.match(r.garTerritory(), r.garTerritory(), r.region());
        return byGar.found() ? byGar : regions.match(r.region(), r.garTerritory());
    }

    private static Optional<ZoneId> zone(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(text.trim()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static String codes(RegionMatch m) {
        return String.join("+", new TreeSet<>(m.regionCodes()));
    }

    /** The zones still possible, and the subjects known so far (for regional holidays). */
    private static final class Narrowing {
        Set<ZoneId> candidates;
        boolean narrowed;
        Set<String> regions = Set.of();
        String why;

        Narrowing(Set<ZoneId> all) {
            this.candidates = all;
        }

        void regionsFrom(RegionMatch m) {
            if (regions.isEmpty() && m.found()) {
                regions = m.regionCodes();
            }
        }

        boolean admits(ZoneId z) {
            return !narrowed || candidates.contains(z);
        }

        void narrow(RegionMatch m, String reason) {
            if (!m.found()) {
                return;
            }
            Set<ZoneId> both = new HashSet<>(candidates);
            both.retainAll(m.candidates());
            // Sources that contradict an earlier, stronger one are ignored rather than allowed to empty the set.
            if (!both.isEmpty() && (!narrowed || both.size() < candidates.size())) {
                candidates = Set.copyOf(both);
                if (!narrowed) {
                    why = reason;
                }
                narrowed = true;
            }
        }
    }
}
