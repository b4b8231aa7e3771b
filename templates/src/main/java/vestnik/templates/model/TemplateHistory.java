package vestnik.templates.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything about one template key of one tenant: the draft, the published versions (oldest first) and the
 * audit trail. Immutable: every operation returns the next history, which the caller stores (in one atomic
 * write, so that two publishers cannot both get the same number).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TemplateHistory(
        String tenant,
        String key,
        TemplateDraft draft,
        List<TemplateVersion> versions,
        List<AuditEntry> audit) {

    @JsonCreator
    public TemplateHistory(
            @JsonProperty("tenant") String tenant,
            @JsonProperty("key") String key,
            @JsonProperty("draft") TemplateDraft draft,
            @JsonProperty("versions") List<TemplateVersion> versions,
            @JsonProperty("audit") List<AuditEntry> audit) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.key = Objects.requireNonNull(key, "key");
        this.draft = draft;
        this.versions = versions == null ? List.of() : List.copyOf(versions);
        this.audit = audit == null ? List.of() : List.copyOf(audit);
        for (int i = 0; i < this.versions.size(); i++) {
            if (this.versions.get(i).number() != i + 1) {
                throw new IllegalArgumentException("versions of " + key + " must be numbered 1.." + this.versions.size()
                        + " in order, found " + this.versions.get(i).number() + " at position " + (i + 1));
            }
        }
    }

    public static TemplateHistory start(String tenant, String key) {
        return new TemplateHistory(tenant, key, null, List.of(), List.of());
    }

    /** Saves by one editor this close together are one edit in the audit trail. */
    static final java.time.Duration EDIT_SESSION = java.time.Duration.ofMinutes(15);

    /**
     * Replaces the draft with {@code content}. An editor who keeps saving (the console saves a moment after each
     * pause in typing) leaves one trail line for the session, not one per pause: a save by the same actor within
     * {@link #EDIT_SESSION} of their last draft save, with nothing else in between, replaces that line, saying how
     * the draft now differs from the published version.
     */
    public TemplateHistory saveDraft(TemplateContent content, String actor, Instant at) {
        AuditEntry last = audit.isEmpty() ? null : audit.get(audit.size() - 1);
        if (draft != null && last != null && last.action() == AuditAction.DRAFT_SAVED && Objects.equals(last.actor(), actor)
                && !at.isBefore(last.at()) && !at.isAfter(last.at().plus(EDIT_SESSION))) {
            List<AuditEntry> trail = new ArrayList<>(audit.subList(0, audit.size() - 1));
            trail.add(new AuditEntry(at, actor, AuditAction.DRAFT_SAVED, null,
                    ContentChanges.describe(latest().map(TemplateVersion::content).orElse(null), content)));
            return new TemplateHistory(tenant, key, new TemplateDraft(content, at, actor), versions, trail);
        }
        TemplateContent before = draft != null ? draft.content() : latest().map(TemplateVersion::content).orElse(null);
        AuditEntry entry = new AuditEntry(at, actor, AuditAction.DRAFT_SAVED, null,
                ContentChanges.describe(before, content));
        return new TemplateHistory(tenant, key, new TemplateDraft(content, at, actor), versions, append(entry));
    }

    /**
     * Throws the draft away; the published versions stay as they are.
     *
     * @throws VersioningException NO_DRAFT when there is none
     */
    public TemplateHistory discardDraft(String actor, Instant at) {
        if (draft == null) {
            throw new VersioningException(VersioningException.Reason.NO_DRAFT,
                    "template " + key + " has no draft to discard");
        }
        AuditEntry entry = new AuditEntry(at, actor, AuditAction.DRAFT_DISCARDED, null,
                "discarded the draft saved by " + draft.savedBy() + " at " + draft.savedAt());
        return new TemplateHistory(tenant, key, null, versions, append(entry));
    }

    /**
     * Freezes the draft as the next version and clears the draft. Run the publish checks first
     * ({@code vestnik.templates.lint.PublishGate} does both).
     *
     * @throws VersioningException NO_DRAFT, or UNCHANGED when the draft equals the latest version
     */
    public TemplateHistory publish(String actor, Instant at) {
        if (draft == null) {
            throw new VersioningException(VersioningException.Reason.NO_DRAFT,
                    "template " + key + " has no draft to publish");
        }
        TemplateContent before = latest().map(TemplateVersion::content).orElse(null);
        if (draft.content().equals(before)) {
            throw new VersioningException(VersioningException.Reason.UNCHANGED,
                    "the draft of " + key + " is the same as version " + versions.size());
        }
        int number = versions.size() + 1;
        TemplateVersion version = new TemplateVersion(tenant, key, number, draft.content(), at, actor, null);
        AuditEntry entry = new AuditEntry(at, actor, AuditAction.PUBLISHED, number,
                ContentChanges.describe(before, draft.content()));
        return new TemplateHistory(tenant, key, null, withVersion(version), append(entry));
    }

    /**
     * Publishes a copy of version {@code number} as the next version; history is never rewritten, so messages
     * sent by later versions still point at what they used. The draft, if any, is kept.
     *
     * @throws VersioningException UNKNOWN_VERSION, or UNCHANGED when the latest version already has that content
     */
    public TemplateHistory rollback(int number, String actor, Instant at) {
        TemplateVersion target = version(number).orElseThrow(() -> new VersioningException(
                VersioningException.Reason.UNKNOWN_VERSION, "template " + key + " has no version " + number));
        TemplateVersion latest = latest().orElseThrow();
        if (latest.content().equals(target.content())) {
            throw new VersioningException(VersioningException.Reason.UNCHANGED,
                    "version " + latest.number() + " of " + key + " already has the content of version " + number);
        }
        int next = versions.size() + 1;
        TemplateVersion version = new TemplateVersion(tenant, key, next, target.content(), at, actor, number);
        AuditEntry entry = new AuditEntry(at, actor, AuditAction.ROLLED_BACK, next,
                "republished version " + number + "; changed: " + ContentChanges.describe(latest.content(), target.content()));
        return new TemplateHistory(tenant, key, draft, withVersion(version), append(entry));
    }

    @JsonIgnore
    public Optional<TemplateVersion> latest() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    public Optional<TemplateVersion> version(int number) {
        return number >= 1 && number <= versions.size() ? Optional.of(versions.get(number - 1)) : Optional.empty();
    }

    /**
     * The version a job uses: the pinned one, or the latest when {@code pinned} is null.
     *
     * @throws VersioningException NOT_PUBLISHED or UNKNOWN_VERSION
     */
    public TemplateVersion resolve(Integer pinned) {
        if (versions.isEmpty()) {
            throw new VersioningException(VersioningException.Reason.NOT_PUBLISHED,
                    "template " + key + " has no published version");
        }
        if (pinned == null) {
            return latest().orElseThrow();
        }
        return version(pinned).orElseThrow(() -> new VersioningException(VersioningException.Reason.UNKNOWN_VERSION,
                "template " + key + " has no version " + pinned + " (latest is " + versions.size() + ")"));
    }

    /** What a marketer previews: the draft if there is one, else the latest version, else nothing. */
    @JsonIgnore
    public Optional<Template> workingCopy() {
        if (draft != null) {
            return Optional.of(Template.draft(tenant, key, draft.content()));
        }
        return latest().map(TemplateVersion::template);
    }

    private List<TemplateVersion> withVersion(TemplateVersion version) {
        List<TemplateVersion> next = new ArrayList<>(versions);
        next.add(version);
        return next;
    }

    private List<AuditEntry> append(AuditEntry entry) {
        List<AuditEntry> next = new ArrayList<>(audit);
        next.add(entry);
        return next;
    }
}
