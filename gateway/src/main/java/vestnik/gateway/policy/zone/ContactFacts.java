package vestnik.gateway.policy.zone;

/**
 * What is known about where a debtor lives, as stored on the contact and carried by the job; every field may be
 * null. Texts are taken as written: the resolver does the matching.
 *
 * @param zone      the contact's IANA zone, if set
 * @param region    the contact's region: ISO 3166-2:RU code, tax-service code or a name
 * @param district  the contact's district or municipality (decides the zone in Sakha)
 * @param address   the contact's address text, read for a region and district when those fields are empty
 * @param phone     the number the message goes to, E.164 ({@code +7…}), for the numbering plan
 * @param jobZone   the job's {@code to.timezone}
 * @param jobRegion the job's {@code to.region}
 */
public record ContactFacts(String zone, String region, String district, String address, String phone,
                           String jobZone, String jobRegion) {

    public static ContactFacts none() {
        return new ContactFacts(null, null, null, null, null, null, null);
    }

    public ContactFacts withZone(String v) {
        return new ContactFacts(v, region, district, address, phone, jobZone, jobRegion);
    }

    public ContactFacts withRegion(String v) {
        return new ContactFacts(zone, v, district, address, phone, jobZone, jobRegion);
    }

    public ContactFacts withDistrict(String v) {
        return new ContactFacts(zone, region, v, address, phone, jobZone, jobRegion);
    }

    public ContactFacts withAddress(String v) {
        return new ContactFacts(zone, region, district, v, phone, jobZone, jobRegion);
    }

    public ContactFacts withPhone(String v) {
        return new ContactFacts(zone, region, district, address, v, jobZone, jobRegion);
    }

    public ContactFacts withJobZone(String v) {
        return new ContactFacts(zone, region, district, address, phone, v, jobRegion);
    }

    public ContactFacts withJobRegion(String v) {
        return new ContactFacts(zone, region, district, address, phone, jobZone, v);
    }

    @Override
    public String toString() {
        // The address and the phone are personal data and stay out of logs.
        return "ContactFacts[zone=" + zone + ", region=" + region + ", district=" + district
                + ", address=" + (address == null ? "null" : "…") + ", phone=" + (phone == null ? "null" : "…")
                + ", jobZone=" + jobZone + ", jobRegion=" + jobRegion + "]";
    }
}
