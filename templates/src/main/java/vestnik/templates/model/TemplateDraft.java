package vestnik.templates.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Objects;

/** The working copy of a template: edits land here; only {@link TemplateHistory#publish} makes them live. */
public record TemplateDraft(
        TemplateContent content,
        @JsonSerialize(using = InstantJson.Serializer.class)
        @JsonDeserialize(using = InstantJson.Deserializer.class)
        Instant savedAt,
        String savedBy) {

    public TemplateDraft {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(savedAt, "savedAt");
        Objects.requireNonNull(savedBy, "savedBy");
    }
}
