/**
 * Where a debtor is, in time: the federal subjects of Russia and their IANA zones ({@code RegionZones}, from
 * {@code policy/regions.csv} and {@code policy/region-districts.csv}), and the resolver that picks a zone from a
 * contact's zone, region, district and address, a job's hints, the phone's numbering-plan range and the tenant
 * default — recording the {@code ZoneSource} for the ledger (R-TZ-1, R-EV-1).
 */
package vestnik.gateway.policy.zone;
