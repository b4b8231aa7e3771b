package vestnik.gateway.contacts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A debtor as the upstream system describes them: phones in E.164, e-mails, where they live (region,
 * time zone, address — the contact policy places them in time by these) and blocking statuses.
 * {@code bindings} maps a messenger channel id to whether a user of it is bound to this contact; the
 * messenger user ids themselves are personal data and never leave the store.
 */
public record Contact(
        String contactId,
        List<String> phones,
        List<String> emails,
        String region,
        String timezone,
        String address,
        List<String> statuses,
        Instant updatedAt,
        Map<String, Boolean> bindings) {

    public Contact {
        phones = phones == null ? List.of() : List.copyOf(phones);
        emails = emails == null ? List.of() : List.copyOf(emails);
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        bindings = bindings == null ? Map.of() : Map.copyOf(bindings);
    }

    public Contact withBindings(Map<String, Boolean> b) {
        return new Contact(contactId, phones, emails, region, timezone, address, statuses, updatedAt, b);
    }
}
