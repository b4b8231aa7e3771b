package vestnik.templates.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vestnik.templates.model.SmsVariant;
import vestnik.templates.model.TemplateContent;
import vestnik.templates.model.TemplateHistory;
import vestnik.templates.model.TenantProfile;
import vestnik.templates.model.VariableSpec;
import vestnik.templates.model.VariableType;
import vestnik.templates.model.VariantSlot;
import vestnik.templates.model.Variants;
import vestnik.templates.render.TemplateRenderer;

class PublishGateTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final LintContext CONTEXT = LintContext.of(new TenantProfile("ООО «Вектор»", "8 800 100-20-30"));

    private final PublishGate gate = new PublishGate(new TemplateLinter(new TemplateRenderer()));

    private static TemplateContent sms(String text) {
        return new TemplateContent(Map.of("amount", VariableSpec.of(VariableType.MONEY)),
                Variants.none().with(VariantSlot.SMS, new SmsVariant(text)));
    }

    @Test
    @DisplayName("a draft that passes the checks becomes the next version")
    void publishes() {
        TemplateHistory h = TemplateHistory.start("t1", "k").saveDraft(sms("ООО «Вектор»: долг {{amount}}. 88001002030"), "anna", T0);

        PublishResult result = gate.publish(h, CONTEXT, "anna", T0);

        assertThat(result).isInstanceOfSatisfying(PublishResult.Published.class, p -> {
            assertThat(p.version().number()).isEqualTo(1);
            assertThat(p.history().draft()).isNull();
        });
    }

    @Test
    @DisplayName("a draft with a blocking finding is rejected and nothing is published")
    void rejects() {
        TemplateHistory h = TemplateHistory.start("t1", "k").saveDraft(sms("Долг {{amount}}. Арест имущества!"), "anna", T0);

        PublishResult result = gate.publish(h, CONTEXT, "anna", T0);

        assertThat(result).isInstanceOf(PublishResult.Rejected.class);
        assertThat(result.report().blocking()).extracting(Finding::code).containsExactlyInAnyOrder(
                FindingCode.MISSING_CREDITOR, FindingCode.MISSING_CONTACT_PHONE, FindingCode.FORBIDDEN_PHRASE);
    }

    @Test
    @DisplayName("a rollback to a version that no longer passes today's phrase list is rejected")
    void rollbackIsCheckedAgain() {
        TemplateHistory h = TemplateHistory.start("t1", "k")
                .saveDraft(sms("ООО «Вектор»: последний шанс оплатить {{amount}}. 88001002030"), "anna", T0).publish("anna", T0)
                .saveDraft(sms("ООО «Вектор»: оплатите {{amount}}. 88001002030"), "anna", T0).publish("anna", T0);
        LintContext stricter = new LintContext(CONTEXT.tenant(),
                new LintConfig(6, ForbiddenPhrases.of(List.of("последний шанс"))));

        PublishResult rejected = gate.rollback(h, 1, stricter, "boris", T0);
        PublishResult allowed = gate.rollback(h, 1, CONTEXT, "boris", T0);

        assertThat(rejected).isInstanceOf(PublishResult.Rejected.class);
        assertThat(allowed).isInstanceOfSatisfying(PublishResult.Published.class,
                p -> assertThat(p.version().rolledBackFrom()).isEqualTo(1));
    }
}
