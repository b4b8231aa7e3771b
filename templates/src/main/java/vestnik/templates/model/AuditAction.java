package vestnik.templates.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum AuditAction {
    DRAFT_SAVED,
    /** the draft was thrown away; published versions are untouched */
    DRAFT_DISCARDED,
    PUBLISHED,
    ROLLED_BACK;

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
