package vestnik.gateway.campaign;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import vestnik.gateway.contacts.Contact;
import vestnik.gateway.contacts.ContactRepository;
import vestnik.gateway.policy.zone.ContactFacts;
import vestnik.gateway.policy.zone.ZoneResolution;
import vestnik.gateway.policy.zone.ZoneResolver;
import vestnik.gateway.store.MessageRecord;

/**
 * A campaign's window held in each debtor's local time at the moment of sending: a campaign message reaching the
 * send step outside its dates and hours in the debtor's zone (placed as the contact policy places it: the contact,
 * the job's hints, the numbering plan; the campaign's own zone when nothing does) waits for the next opening, and
 * after the last day's closing hour it is not sent at all. The legal hours and caps stay the policy gate's.
 */
public final class CampaignWindows {

    /** The reason a campaign message waits, in its history and the deferral counters. */
    public static final String WAIT_REASON = "campaign_window";
    /** The error code of a campaign message whose window closed before it could be sent. */
    public static final String OVER_REASON = "campaign_window_over";

    /** Campaigns are few a day; the cache is dropped whole if ever it grows past this. */
    private static final int MAX_CACHED = 10_000;

    /** What the dispatcher does with the message. */
    public sealed interface Verdict {
        /** Inside the window (or not a campaign's message): go on to the policy gate. */
        record Open() implements Verdict {
        }

        /** Back to the queue until {@code until}, without using an attempt. */
        record Wait(Instant until, String detail) implements Verdict {
        }

        /** The window is over for this debtor: the message expires with {@link #OVER_REASON}. */
        record Over(String detail) implements Verdict {
        }
    }

    private static final Verdict OPEN = new Verdict.Open();

    private final CampaignStore campaigns;
    private final ContactRepository contacts;
    private final Supplier<ZoneResolver> zones;
    private final Map<String, Optional<CampaignSpec>> specs = new ConcurrentHashMap<>();

    /** @param zones the current zone resolver (the reference data is replaced when an admin uploads a new plan) */
    public CampaignWindows(CampaignStore campaigns, ContactRepository contacts, Supplier<ZoneResolver> zones) {
        this.campaigns = campaigns;
        this.contacts = contacts;
        this.zones = zones;
    }

    public Future<Verdict> check(MessageRecord m, Instant now) {
        if (m.campaignId() == null) {
            return Future.succeededFuture(OPEN);
        }
        return spec(m.campaignId()).compose(spec -> {
            if (spec.isEmpty()) {
                return Future.succeededFuture(OPEN);
            }
            return contactOf(m).map(contact -> decide(spec.get(), m, contact, now));
        });
    }

    private Verdict decide(CampaignSpec spec, MessageRecord m, Optional<Contact> contact, Instant now) {
        ContactFacts facts = contact.map(c -> new ContactFacts(c.timezone(), c.region(), null, c.address(), m.phone(),
                m.jobZone(), m.jobRegion())).orElse(new ContactFacts(null, null, null, null, m.phone(), m.jobZone(),
                m.jobRegion()));
        ZoneResolution resolved = zones.get().resolve(facts, null);
        ZoneId local = resolved.zoneId().orElse(spec.zone());
        String where = "; zone " + local + (resolved.isKnown() ? " from " + resolved.source().wireName() : " (the campaign's)");
        CampaignSpec.LocalWindow w = spec.at(local, now);
        if (w instanceof CampaignSpec.LocalWindow.Closed closed) {
            return new Verdict.Wait(closed.opens(), "deferred: " + WAIT_REASON + " until " + closed.opens()
                    + " (local " + closed.localOpens() + ")" + where);
        }
        if (w instanceof CampaignSpec.LocalWindow.Over over) {
            return new Verdict.Over("the campaign's window closed at " + over.closed() + " (local " + over.localClosed()
                    + ") before the message could be sent" + where);
        }
        return OPEN;
    }

    /** The spec is fixed when the campaign is created, so it is read once. */
    private Future<Optional<CampaignSpec>> spec(String campaignId) {
        Optional<CampaignSpec> known = specs.get(campaignId);
        if (known != null) {
            return Future.succeededFuture(known);
        }
        return campaigns.find(campaignId).map(found -> {
            Optional<CampaignSpec> spec = found.map(h -> h.get("spec")).map(s -> CampaignSpec.fromJson(new JsonObject(s)));
            if (specs.size() > MAX_CACHED) {
                specs.clear();
            }
            specs.put(campaignId, spec);
            return spec;
        });
    }

    private Future<Optional<Contact>> contactOf(MessageRecord m) {
        return contacts.about(m.tenantId(), m.contactId(), m.phone());
    }
}
