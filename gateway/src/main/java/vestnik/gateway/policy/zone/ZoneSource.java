package vestnik.gateway.policy.zone;

/**
 * What decided a debtor's time zone, in the order the resolver asks. Stored with every decision: the ledger must
 * show why a contact was considered, say, 09:05 local.
 */
public enum ZoneSource {
    /** The IANA zone on the contact record. */
    CONTACT_ZONE,
    /** The contact's region (or an address that names it) — a subject with a single zone. */
    REGION,
    /** The contact's region and district, for a subject that spans several zones (Sakha). */
    REGION_DISTRICT,
    /**
     * The job's {@code to.timezone} or {@code to.region}: the creditor's own knowledge of where the debtor lives,
     * asked before the numbering plan, which is a guess from the phone number (regulation.md §5.2: the residence
     * known to the creditor is the legal anchor, the number's region the fallback).
     */
    JOB_HINT,
    /** The region of the phone number's range in the numbering plan. */
    NUMBERING_PLAN,
    /** The tenant's {@code policy.defaultZone} — the tenant's own responsibility. */
    TENANT_DEFAULT,
    /** Nothing placed the debtor: only the window that is legal in every zone it may be in. */
    UNKNOWN;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
