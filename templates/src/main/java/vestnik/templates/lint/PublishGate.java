package vestnik.templates.lint;

import java.time.Instant;
import vestnik.templates.model.Template;
import vestnik.templates.model.TemplateContent;
import vestnik.templates.model.TemplateHistory;
import vestnik.templates.model.TemplateVersion;
import vestnik.templates.model.VersioningException;

/**
 * Publishing with the checks in front: nothing becomes a version unless it passes them. A rollback is checked
 * again too, since the tenant's phrase list or settings may have changed since that version was published.
 */
public final class PublishGate {

    private final TemplateLinter linter;

    public PublishGate(TemplateLinter linter) {
        this.linter = linter;
    }

    /** @throws VersioningException NO_DRAFT or UNCHANGED (see {@link TemplateHistory#publish}) */
    public PublishResult publish(TemplateHistory history, LintContext context, String actor, Instant at) {
        if (history.draft() == null) {
            throw new VersioningException(VersioningException.Reason.NO_DRAFT,
                    "template " + history.key() + " has no draft to publish");
        }
        LintReport report = lint(history, history.draft().content(), context);
        if (!report.publishable()) {
            return new PublishResult.Rejected(report);
        }
        TemplateHistory next = history.publish(actor, at);
        return new PublishResult.Published(next, next.latest().orElseThrow(), report);
    }

    /** @throws VersioningException UNKNOWN_VERSION or UNCHANGED (see {@link TemplateHistory#rollback}) */
    public PublishResult rollback(TemplateHistory history, int number, LintContext context, String actor, Instant at) {
        TemplateVersion target = history.version(number).orElseThrow(() -> new VersioningException(
                VersioningException.Reason.UNKNOWN_VERSION, "template " + history.key() + " has no version " + number));
        LintReport report = lint(history, target.content(), context);
        if (!report.publishable()) {
            return new PublishResult.Rejected(report);
        }
        TemplateHistory next = history.rollback(number, actor, at);
        return new PublishResult.Published(next, next.latest().orElseThrow(), report);
    }

    private LintReport lint(TemplateHistory history, TemplateContent content, LintContext context) {
        return linter.lint(Template.draft(history.tenant(), history.key(), content), context);
    }
}
