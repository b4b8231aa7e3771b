package vestnik.templates.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;

/**
 * Who did what to a template, and when.
 *
 * @param version the version the action produced (publish, rollback), or null for a draft save
 * @param detail  what changed, e.g. {@code "changed: variables, sms"} or {@code "republished version 2"}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEntry(
        @JsonSerialize(using = InstantJson.Serializer.class)
        @JsonDeserialize(using = InstantJson.Deserializer.class)
        Instant at,
        String actor,
        AuditAction action,
        Integer version,
        String detail) {
}
