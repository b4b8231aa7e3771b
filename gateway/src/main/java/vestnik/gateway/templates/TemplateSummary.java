package vestnik.gateway.templates;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;
import vestnik.templates.model.AuditEntry;
import vestnik.templates.model.TemplateHistory;
import vestnik.templates.model.TemplateVersion;

/**
 * One line of {@code GET /v1/templates}, kept in the tenant's index beside the history so that listing does not
 * read every history.
 *
 * @param latestVersion the newest published version, or null when none is
 * @param draft         whether unpublished edits exist
 * @param updatedAt     ISO instant of the last change of any kind
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TemplateSummary(String key, String description, Integer latestVersion, boolean draft,
                              String updatedAt, String updatedBy) {

    static TemplateSummary of(TemplateHistory h) {
        Optional<AuditEntry> last = h.audit().isEmpty() ? Optional.empty()
                : Optional.of(h.audit().get(h.audit().size() - 1));
        String description = h.draft() != null ? h.draft().content().description()
                : h.latest().map(v -> v.content().description()).orElse(null);
        return new TemplateSummary(h.key(), description, h.latest().map(TemplateVersion::number).orElse(null),
                h.draft() != null, last.map(a -> a.at().toString()).orElse(null), last.map(AuditEntry::actor).orElse(null));
    }
}
