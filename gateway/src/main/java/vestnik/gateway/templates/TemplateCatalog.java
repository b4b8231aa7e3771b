package vestnik.gateway.templates;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import vestnik.gateway.api.ApiError;
import vestnik.gateway.api.ErrorCode;
import vestnik.templates.lint.LintReport;
import vestnik.templates.lint.PublishGate;
import vestnik.templates.lint.PublishResult;
import vestnik.templates.lint.TemplateLinter;
import vestnik.templates.model.Template;
import vestnik.templates.model.TemplateContent;
import vestnik.templates.model.TemplateHistory;
import vestnik.templates.model.TemplateVersion;
import vestnik.templates.model.VersioningException;

/**
 * What marketers do to a tenant's templates: save a draft, discard it, publish, roll back. Each operation reads
 * the history, applies the library's pure operation and writes it back only if nobody else wrote in between;
 * if someone did, it starts again from what they wrote (a second publisher then finds no draft left, rather
 * than a second version of the same draft). A caller that sends {@code If-Match} gets 412 instead of a retry.
 */
public final class TemplateCatalog {

    /**
     * Every round of conflicting writers has a winner, so N marketers changing one template at once need at most N
     * attempts; beyond this many the caller is told to try again (409 concurrent_edit).
     */
    static final int MAX_ATTEMPTS = 16;

    /** A saved draft and what the publish checks would say of it now (the save itself never waits on them). */
    public record Saved(long revision, TemplateHistory history, LintReport report) {
    }

    public record Published(long revision, TemplateVersion version, LintReport report) {
    }

    /** @param history null when the template had never been published and is now gone altogether */
    public record Discarded(long revision, TemplateHistory history) {
    }

    /** One step of a change: the next history to write (null: write nothing), or delete; and the answer. */
    private record Step<R>(TemplateHistory next, boolean delete, Function<Long, R> answer) {
    }

    private final TemplateStore store;
    private final TenantTemplateSettings settings;
    private final TemplateLinter linter;
    private final PublishGate gate;
    private final Clock clock;

    public TemplateCatalog(TemplateStore store, TenantTemplateSettings settings, TemplateLinter linter, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.linter = linter;
        this.gate = new PublishGate(linter);
        this.clock = clock;
    }

    public Future<List<TemplateSummary>> list(String tenantId) {
        return store.list(tenantId);
    }

    public Future<StoredHistory> get(String tenantId, String key) {
        return store.load(tenantId, key).compose(found -> found.map(Future::succeededFuture)
                .orElseGet(() -> Future.failedFuture(TemplateProblems.notFound(key))));
    }

    /** Saving the same content as the current draft changes nothing (and adds no audit line). */
    public Future<Saved> saveDraft(String tenantId, String key, TemplateContent content, String actor, Long ifMatch) {
        LintReport report = linter.lint(Template.draft(tenantId, key, content), settings.lintContext(tenantId));
        return mutate(tenantId, key, ifMatch, true, found -> {
            TemplateHistory base = found.map(StoredHistory::history).orElseGet(() -> TemplateHistory.start(tenantId, key));
            if (base.draft() != null && base.draft().content().equals(content)) {
                return new Step<>(null, false, rev -> new Saved(rev, base, report));
            }
            TemplateHistory next = base.saveDraft(content, actor, now());
            return new Step<>(next, false, rev -> new Saved(rev, next, report));
        }, 1);
    }

    /** Throws the draft away; a template never published goes altogether, since no message can refer to it. */
    public Future<Discarded> discardDraft(String tenantId, String key, String actor, Long ifMatch) {
        return mutate(tenantId, key, ifMatch, false, found -> {
            TemplateHistory next = found.orElseThrow().history().discardDraft(actor, now());
            if (next.versions().isEmpty()) {
                return new Step<>(null, true, rev -> new Discarded(0, null));
            }
            return new Step<>(next, false, rev -> new Discarded(rev, next));
        }, 1);
    }

    /** Publishes the draft if it passes the checks; 422 {@code lint_failed} with every blocking finding if not. */
    public Future<Published> publish(String tenantId, String key, String actor, Long ifMatch) {
        return mutate(tenantId, key, ifMatch, false, found -> published(key,
                gate.publish(found.orElseThrow().history(), settings.lintContext(tenantId), actor, now())), 1);
    }

    /** Publishes a copy of an earlier version as the next one, checked again against today's settings. */
    public Future<Published> rollback(String tenantId, String key, int version, String actor, Long ifMatch) {
        return mutate(tenantId, key, ifMatch, false, found -> published(key,
                gate.rollback(found.orElseThrow().history(), version, settings.lintContext(tenantId), actor, now())), 1);
    }

    private static Step<Published> published(String key, PublishResult result) {
        if (result instanceof PublishResult.Published p) {
            return new Step<>(p.history(), false, rev -> new Published(rev, p.version(), p.report()));
        }
        throw TemplateProblems.lintFailed(key, result.report().blocking());
    }

    private <R> Future<R> mutate(String tenantId, String key, Long ifMatch, boolean mayCreate,
                                 Function<Optional<StoredHistory>, Step<R>> change, int attempt) {
        return store.load(tenantId, key).compose(found -> {
            if (found.isEmpty() && !mayCreate) {
                return Future.failedFuture(TemplateProblems.notFound(key));
            }
            long revision = found.map(StoredHistory::revision).orElse(0L);
            if (ifMatch != null && ifMatch != revision) {
                return Future.failedFuture(mismatch(key, ifMatch, revision));
            }
            Step<R> step;
            try {
                step = change.apply(found);
            } catch (VersioningException e) {
                return Future.failedFuture(TemplateProblems.of(e));
            }
            if (step.next() == null && !step.delete()) {
                return Future.succeededFuture(step.answer().apply(revision));
            }
            Future<OptionalLong> write = step.delete()
                    ? store.remove(tenantId, key, revision)
                    : store.replace(revision, found.map(StoredHistory::history).orElse(null), step.next());
            return write.compose(written -> {
                if (written.isPresent()) {
                    return Future.succeededFuture(step.answer().apply(written.getAsLong()));
                }
                if (ifMatch != null) {
                    return Future.failedFuture(mismatch(key, ifMatch, -1));
                }
                if (attempt >= MAX_ATTEMPTS) {
                    return Future.failedFuture(new ApiError(ErrorCode.CONCURRENT_EDIT, "template " + key
                            + " is being changed by others right now; nothing was changed, try again"));
                }
                return mutate(tenantId, key, ifMatch, mayCreate, change, attempt + 1);
            });
        });
    }

    private static ApiError mismatch(String key, long expected, long actual) {
        return new ApiError(ErrorCode.REVISION_MISMATCH, "template " + key + " is no longer at revision " + expected
                + (actual >= 0 ? " (it is at " + actual + ")" : "") + ": someone changed it; read it again before changing it");
    }

    private Instant now() {
        return clock.instant();
    }
}
