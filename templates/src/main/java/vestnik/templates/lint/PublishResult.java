package vestnik.templates.lint;

import vestnik.templates.model.TemplateHistory;
import vestnik.templates.model.TemplateVersion;

/** The outcome of a publish or rollback through {@link PublishGate}. */
public sealed interface PublishResult {

    LintReport report();

    /** Store {@code history}; answer {@code {"version": version.number()}}; warnings are in the report. */
    record Published(TemplateHistory history, TemplateVersion version, LintReport report) implements PublishResult {
    }

    /** Nothing changed; answer 422 {@code lint_failed} with {@code report.blocking()} as details. */
    record Rejected(LintReport report) implements PublishResult {
    }
}
