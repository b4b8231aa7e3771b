package vestnik.gateway.templates;

import vestnik.templates.model.TemplateHistory;

/**
 * A template's history as read from the store, with the revision it had: a write succeeds only while the
 * revision is unchanged. Revisions count every stored change (draft saves included) from 1.
 */
public record StoredHistory(long revision, TemplateHistory history) {
}
