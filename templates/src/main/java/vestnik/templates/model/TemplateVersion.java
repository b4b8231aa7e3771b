package vestnik.templates.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Objects;

/**
 * A published, immutable version. Numbers start at 1 and grow by one per publish or rollback.
 *
 * @param rolledBackFrom the version whose content this one republished, or null for an ordinary publish
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TemplateVersion(
        String tenant,
        String key,
        int number,
        TemplateContent content,
        @JsonSerialize(using = InstantJson.Serializer.class)
        @JsonDeserialize(using = InstantJson.Deserializer.class)
        Instant publishedAt,
        String publishedBy,
        Integer rolledBackFrom) {

    public TemplateVersion {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(publishedBy, "publishedBy");
        if (number < 1) {
            throw new IllegalArgumentException("version numbers start at 1, got " + number);
        }
    }

    /** This version as something to render, lint or preview. */
    public Template template() {
        return new Template(tenant, key, number, content);
    }
}
