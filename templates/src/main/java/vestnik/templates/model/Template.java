package vestnik.templates.model;

import java.util.Objects;

/**
 * A template as rendered, linted and previewed: whose it is, its key, which published version (null for a
 * draft being edited) and its content. Messages record {@code key} and {@code version}.
 */
public record Template(String tenant, String key, Integer version, TemplateContent content) {

    public Template {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(content, "content");
    }

    public static Template draft(String tenant, String key, TemplateContent content) {
        return new Template(tenant, key, null, content);
    }

    public boolean isDraft() {
        return version == null;
    }
}
