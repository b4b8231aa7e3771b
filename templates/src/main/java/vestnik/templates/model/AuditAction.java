package vestnik.templates.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum AuditAction {
    DRAFT_SAVED,
    PUBLISHED,
    ROLLED_BACK;

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
