package vestnik.templates.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TemplateHistoryTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private static TemplateContent content(String smsText) {
        return new TemplateContent(Map.of("creditor", VariableSpec.of(VariableType.STRING)),
                Variants.none().with(VariantSlot.SMS, new SmsVariant(smsText)));
    }

    private static TemplateHistory published(String... texts) {
        TemplateHistory h = TemplateHistory.start("t1", "debt-soft");
        for (int i = 0; i < texts.length; i++) {
            h = h.saveDraft(content(texts[i]), "anna", T0.plusSeconds(i * 60L)).publish("anna", T0.plusSeconds(i * 60L + 30));
        }
        return h;
    }

    @Test
    @DisplayName("publishing freezes the draft as version 1, then 2, and clears the draft")
    void publishNumbersVersions() {
        TemplateHistory h = TemplateHistory.start("t1", "debt-soft").saveDraft(content("v1"), "anna", T0);

        TemplateHistory one = h.publish("boris", T0.plusSeconds(10));
        TemplateHistory two = one.saveDraft(content("v2"), "anna", T0.plusSeconds(20)).publish("boris", T0.plusSeconds(30));

        assertThat(one.draft()).isNull();
        assertThat(one.latest().orElseThrow()).extracting(TemplateVersion::number, TemplateVersion::publishedBy,
                TemplateVersion::publishedAt).containsExactly(1, "boris", T0.plusSeconds(10));
        assertThat(two.versions()).extracting(TemplateVersion::number).containsExactly(1, 2);
        assertThat(two.version(1).orElseThrow().content()).isEqualTo(content("v1"));
        assertThat(two.latest().orElseThrow().template()).isEqualTo(new Template("t1", "debt-soft", 2, content("v2")));
    }

    @Test
    @DisplayName("a job uses the latest version unless it pins one; an unknown pin or an unpublished template is refused")
    void pinResolution() {
        TemplateHistory h = published("v1", "v2", "v3");

        assertThat(h.resolve(null).number()).isEqualTo(3);
        assertThat(h.resolve(2).content()).isEqualTo(content("v2"));
        assertThatThrownBy(() -> h.resolve(4)).isInstanceOfSatisfying(VersioningException.class,
                e -> assertThat(e.reason()).isEqualTo(VersioningException.Reason.UNKNOWN_VERSION));
        assertThatThrownBy(() -> TemplateHistory.start("t1", "new").resolve(null)).isInstanceOfSatisfying(
                VersioningException.class, e -> assertThat(e.reason()).isEqualTo(VersioningException.Reason.NOT_PUBLISHED));
    }

    @Test
    @DisplayName("rollback to 1 publishes a copy of version 1 as version 3; versions 1 and 2 stay as they were")
    void rollbackPublishesACopy() {
        TemplateHistory h = published("v1", "v2");

        TemplateHistory back = h.rollback(1, "boris", T0.plusSeconds(600));

        TemplateVersion three = back.latest().orElseThrow();
        assertThat(three.number()).isEqualTo(3);
        assertThat(three.content()).isEqualTo(content("v1"));
        assertThat(three.rolledBackFrom()).isEqualTo(1);
        assertThat(back.version(2).orElseThrow().content()).isEqualTo(content("v2"));
        assertThat(back.resolve(null).content()).isEqualTo(content("v1"));
    }

    @Test
    @DisplayName("publishing without a draft, an unchanged draft or a rollback to the current content is refused")
    void refusals() {
        TemplateHistory h = published("v1", "v2");

        assertThatThrownBy(() -> h.publish("anna", T0)).isInstanceOfSatisfying(VersioningException.class,
                e -> assertThat(e.reason()).isEqualTo(VersioningException.Reason.NO_DRAFT));
        assertThatThrownBy(() -> h.saveDraft(content("v2"), "anna", T0).publish("anna", T0))
                .isInstanceOfSatisfying(VersioningException.class,
                        e -> assertThat(e.reason()).isEqualTo(VersioningException.Reason.UNCHANGED));
        assertThatThrownBy(() -> h.rollback(2, "anna", T0)).isInstanceOfSatisfying(VersioningException.class,
                e -> assertThat(e.reason()).isEqualTo(VersioningException.Reason.UNCHANGED));
        assertThatThrownBy(() -> h.rollback(7, "anna", T0)).isInstanceOfSatisfying(VersioningException.class,
                e -> assertThat(e.reason()).isEqualTo(VersioningException.Reason.UNKNOWN_VERSION));
    }

    @Test
    @DisplayName("the audit trail says who did what to which version and when, with what changed")
    void audit() {
        TemplateContent withEmail = new TemplateContent(Map.of("creditor", VariableSpec.of(VariableType.STRING),
                "phone", VariableSpec.of(VariableType.PHONE)),
                content("v1").channels().with(VariantSlot.EMAIL, new EmailVariant("s", null, "t")));
        TemplateHistory h = published("v1")
                .saveDraft(withEmail, "anna", T0.plusSeconds(100))
                .publish("boris", T0.plusSeconds(200))
                .rollback(1, "vera", T0.plusSeconds(300));

        assertThat(h.audit()).extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::version, AuditEntry::detail)
                .containsExactly(
                        tuple("anna", AuditAction.DRAFT_SAVED, null, "new template"),
                        tuple("anna", AuditAction.PUBLISHED, 1, "new template"),
                        tuple("anna", AuditAction.DRAFT_SAVED, null, "variables (+phone), email"),
                        tuple("boris", AuditAction.PUBLISHED, 2, "variables (+phone), email"),
                        tuple("vera", AuditAction.ROLLED_BACK, 3, "republished version 1; changed: variables (-phone), email"));
        assertThat(h.audit().get(4).at()).isEqualTo(T0.plusSeconds(300));
    }

    @Test
    @DisplayName("an editor's saves within 15 minutes are one trail line saying how the draft differs from the published version")
    void autosavesCoalesce() {
        TemplateHistory h = published("v1")
                .saveDraft(content("v1 a"), "anna", T0.plusSeconds(100))
                .saveDraft(content("v1 ab"), "anna", T0.plusSeconds(110))
                .saveDraft(content("v1 abc"), "anna", T0.plusSeconds(400));
        assertThat(h.audit()).hasSize(3);
        assertThat(h.audit().get(2).at()).isEqualTo(T0.plusSeconds(400));
        assertThat(h.audit().get(2).detail()).isEqualTo("sms");
        assertThat(h.draft().content()).isEqualTo(content("v1 abc"));

        // another editor, or a pause of more than 15 minutes, starts a new line
        TemplateHistory other = h.saveDraft(content("v1 abcd"), "boris", T0.plusSeconds(410));
        assertThat(other.audit()).hasSize(4);
        TemplateHistory later = h.saveDraft(content("v1 abcd"), "anna", T0.plusSeconds(400 + 16 * 60));
        assertThat(later.audit()).hasSize(4);
    }

    @Test
    @DisplayName("discarding the draft keeps every version and records who threw it away; with no draft it is refused")
    void discardDraft() {
        TemplateHistory h = published("v1").saveDraft(content("v2 draft"), "anna", T0.plusSeconds(100));

        TemplateHistory discarded = h.discardDraft("boris", T0.plusSeconds(200));

        assertThat(discarded.draft()).isNull();
        assertThat(discarded.versions()).isEqualTo(h.versions());
        assertThat(discarded.audit().get(discarded.audit().size() - 1))
                .extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::version)
                .containsExactly("boris", AuditAction.DRAFT_DISCARDED, null);
        assertThat(discarded.audit().get(discarded.audit().size() - 1).detail()).contains("anna");
        assertThatThrownBy(() -> discarded.discardDraft("boris", T0)).isInstanceOfSatisfying(VersioningException.class,
                e -> assertThat(e.reason()).isEqualTo(VersioningException.Reason.NO_DRAFT));
    }

    @Test
    @DisplayName("a rollback keeps the draft in progress; the working copy is the draft, else the latest version")
    void workingCopy() {
        TemplateHistory h = published("v1", "v2").saveDraft(content("v3 draft"), "anna", T0);

        TemplateHistory back = h.rollback(1, "boris", T0);

        assertThat(back.draft().content()).isEqualTo(content("v3 draft"));
        assertThat(back.workingCopy().orElseThrow().isDraft()).isTrue();
        assertThat(published("v1").workingCopy().orElseThrow().version()).isEqualTo(1);
    }

    @Test
    @DisplayName("a stored history whose versions are not numbered 1..n is refused on load")
    void numberingInvariant() {
        TemplateVersion v2 = new TemplateVersion("t1", "k", 2, content("x"), T0, "anna", null);

        assertThatThrownBy(() -> new TemplateHistory("t1", "k", null, List.of(v2), null))
                .hasMessageContaining("numbered 1..1");
    }
}
