package vestnik.gateway.campaign;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Makes the job of one campaign row, in the shape {@code POST /v1/messages} takes, so that every row is checked
 * exactly as a single job is: the recipient from {@code phone} or {@code contactId}, the row's other columns as
 * the template's variables, the campaign's channel or route, priority, and window: from the first moment any
 * debtor's local window opens ({@code sendAt}) to the last moment any closes (the time to live); each message is
 * held to its own debtor's local window when it is sent ({@link CampaignWindows}).
 */
public final class RowJobs {

    private static final Set<String> RESERVED = Set.of("phone", "contactId", "externalId");

    private final CampaignSpec spec;
    private final Duration maxTtl;

    public RowJobs(CampaignSpec spec, Duration maxTtl) {
        this.spec = spec;
        this.maxTtl = maxTtl;
    }

    /** The row's job, or empty when the row names no recipient. */
    public Optional<ObjectNode> job(Map<String, String> row, Instant now) {
        String phone = blankToNull(row.get("phone"));
        String contactId = blankToNull(row.get("contactId"));
        if (phone == null && contactId == null) {
            return Optional.empty();
        }
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode job = f.objectNode();
        ObjectNode to = job.putObject("to");
        if (phone != null) {
            to.put("phone", phone);
        }
        if (contactId != null) {
            to.put("contactId", contactId);
        }
        String externalId = blankToNull(row.get("externalId"));
        if (externalId != null) {
            job.put("externalId", externalId);
        }
        if (spec.channel() != null) {
            job.put("channel", spec.channel());
        } else {
            job.put("route", spec.route());
        }
        if (spec.template() != null) {
            job.put("template", spec.template());
            ObjectNode vars = job.putObject("variables");
            row.forEach((k, v) -> {
                if (!RESERVED.contains(k)) {
                    vars.put(k, v);
                }
            });
        } else {
            job.put("text", spec.text());
        }
        job.put("priority", spec.priority().wireName());
        Instant start = spec.earliestStart();
        Instant from = now;
        if (start.isAfter(now)) {
            job.put("sendAt", start.toString());
            from = start;
        }
        Duration ttl = Duration.between(from, spec.latestEnd());
        if (ttl.compareTo(maxTtl) > 0) {
            ttl = maxTtl;
        }
        if (ttl.getSeconds() > 0) {
            job.put("ttl", Duration.ofSeconds(ttl.getSeconds()).toString());
        }
        return Optional.of(job);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
