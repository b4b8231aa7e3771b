package vestnik.templates.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vestnik.templates.model.ChannelVariant;
import vestnik.templates.model.EmailVariant;
import vestnik.templates.model.IvrAction;
import vestnik.templates.model.IvrPrompt;
import vestnik.templates.model.IvrVariant;
import vestnik.templates.model.MessengerButton;
import vestnik.templates.model.MessengerVariant;
import vestnik.templates.model.SmsVariant;
import vestnik.templates.model.Template;
import vestnik.templates.model.TemplateContent;
import vestnik.templates.model.TenantProfile;
import vestnik.templates.model.VariableSpec;
import vestnik.templates.model.VariableType;
import vestnik.templates.model.VariantSlot;
import vestnik.templates.model.Variants;
import vestnik.templates.model.WhatsAppVariant;
import vestnik.templates.render.TemplateRenderer;

class TemplateLinterTest {

    private static final String GOOD_SMS = "{{creditor}}: долг {{amount}}, оплатите до {{due}}. Тел. {{phone}}";
    private static final TenantProfile NO_SETTINGS = TenantProfile.unknown();

    private final TemplateLinter linter = new TemplateLinter(new TemplateRenderer());

    private static Map<String, VariableSpec> debtVariables() {
        Map<String, VariableSpec> vars = new LinkedHashMap<>();
        vars.put("creditor", VariableSpec.of(VariableType.STRING));
        vars.put("amount", VariableSpec.of(VariableType.MONEY));
        vars.put("due", VariableSpec.of(VariableType.DATE));
        vars.put("phone", VariableSpec.of(VariableType.PHONE));
        return vars;
    }

    private static Template template(Map<String, VariableSpec> vars, VariantSlot slot, ChannelVariant variant) {
        return Template.draft("t1", "debt-soft", new TemplateContent(vars,
                Variants.none().with(slot, variant)));
    }

    private static Template sms(String text) {
        return template(debtVariables(), VariantSlot.SMS, new SmsVariant(text));
    }

    private LintReport lint(Template t) {
        return linter.lint(t, LintContext.of(NO_SETTINGS));
    }

    @Test
    @DisplayName("the issue's SMS template passes every check")
    void goodTemplatePasses() {
        LintReport report = lint(sms(GOOD_SMS));

        assertThat(report.findings()).isEmpty();
        assertThat(report.publishable()).isTrue();
    }

    @Test
    @DisplayName("a template with no channel variants cannot be published")
    void noChannels() {
        LintReport report = lint(Template.draft("t1", "k", new TemplateContent(debtVariables(), Variants.none())));

        assertThat(report.blocking()).extracting(Finding::code).containsExactly(FindingCode.NO_CHANNELS);
    }

    @Nested
    @DisplayName("identification (creditor and contact phone, 137-FZ)")
    class Identification {

        @Test
        @DisplayName("a text without the creditor variable or the tenant's name is blocked")
        void missingCreditor() {
            LintReport report = lint(sms("Долг {{amount}}, оплатите до {{due}}. Тел. {{phone}} {{creditor | length}}"));

            assertThat(report.blocking()).extracting(Finding::code, Finding::channel)
                    .containsExactly(tuple(FindingCode.MISSING_CREDITOR, "sms"));
        }

        @Test
        @DisplayName("a text without a contact phone is blocked")
        void missingPhone() {
            Map<String, VariableSpec> vars = debtVariables();
            vars.remove("phone");
            LintReport report = lint(template(vars, VariantSlot.SMS, new SmsVariant("{{creditor}}: долг {{amount}} до {{due}}")));

            assertThat(report.blocking()).extracting(Finding::code).containsExactly(FindingCode.MISSING_CONTACT_PHONE);
            assertThat(report.blocking().get(0).message()).contains("no phone variable and the tenant has no phone set");
        }

        @Test
        @DisplayName("the tenant's name and phone written literally in the text, in another spelling, satisfy the rule")
        void tenantLiterals() {
            Map<String, VariableSpec> vars = Map.of("amount", VariableSpec.of(VariableType.MONEY));
            Template t = template(vars, VariantSlot.SMS,
                    new SmsVariant("ООО ПКО «ВЕКТОР»: долг {{amount}}. Звоните 8 (495) 123-45-67"));

            LintReport report = linter.lint(t, LintContext.of(new TenantProfile("ООО ПКО «Вектор»", "+74951234567")));

            assertThat(report.findings()).isEmpty();
        }

        @Test
        @DisplayName("a creditor variable the job may leave out is satisfied by the tenant's settings")
        void tenantFillsVariables() {
            LintReport report = linter.lint(sms(GOOD_SMS),
                    LintContext.of(new TenantProfile("ООО «Долг-Контроль»", "8 800 100-20-30")));

            assertThat(report.findings()).isEmpty();
        }

        @Test
        @DisplayName("a robocall must name the creditor; one of recorded sounds only is a warning")
        void ivr() {
            IvrVariant speech = new IvrVariant(List.of(IvrPrompt.tts("Напоминаем о долге {{amount}}.")),
                    Map.of("0", IvrAction.OPERATOR));
            IvrVariant sounds = new IvrVariant(List.of(IvrPrompt.sound("debt/intro")), Map.of("0", IvrAction.OPERATOR));

            LintReport spoken = lint(template(debtVariables(), VariantSlot.IVR, speech));
            LintReport recorded = lint(template(debtVariables(), VariantSlot.IVR, sounds));

            assertThat(spoken.blocking()).extracting(Finding::code).containsExactly(FindingCode.MISSING_CREDITOR);
            assertThat(recorded.blocking()).isEmpty();
            assertThat(recorded.findings()).extracting(Finding::code, Finding::blocking)
                    .containsExactly(tuple(FindingCode.IDENTIFICATION_UNVERIFIABLE, false));
        }
    }

    @Nested
    @DisplayName("channel limits")
    class Limits {

        @Test
        @DisplayName("an SMS over the tenant's part limit is blocked, naming the part count")
        void smsParts() {
            String longText = GOOD_SMS + " " + "Погасите задолженность как можно скорее. ".repeat(12);

            LintReport defaults = lint(sms(longText));
            LintReport generous = linter.lint(sms(longText), new LintContext(NO_SETTINGS,
                    new LintConfig(12, ForbiddenPhrases.defaults())));

            assertThat(defaults.blocking()).extracting(Finding::code).containsExactly(FindingCode.SMS_TOO_LONG);
            assertThat(defaults.blocking().get(0).message()).contains("takes 9 parts (UCS2").contains("at most 6");
            assertThat(generous.findings()).isEmpty();
        }

        @Test
        @DisplayName("Telegram allows 4096 characters, MAX 4000, Viber 7000; a shared messenger text must fit MAX")
        void messengerLengths() {
            String text = GOOD_SMS + " " + "x".repeat(4050);
            Variants variants = Variants.none()
                    .with(VariantSlot.TELEGRAM, MessengerVariant.text(text))
                    .with(VariantSlot.VIBER, MessengerVariant.text(text))
                    .with(VariantSlot.MAX, MessengerVariant.text(text))
                    .with(VariantSlot.MESSENGER, MessengerVariant.text(text));

            LintReport report = lint(Template.draft("t1", "k", new TemplateContent(debtVariables(), variants)));

            assertThat(report.blocking()).extracting(Finding::code, Finding::channel).containsExactlyInAnyOrder(
                    tuple(FindingCode.TEXT_TOO_LONG, "telegram"),
                    tuple(FindingCode.TEXT_TOO_LONG, "max"),
                    tuple(FindingCode.TEXT_TOO_LONG, "messenger"));
        }

        @Test
        @DisplayName("an e-mail needs a subject and a text part besides its HTML")
        void emailParts() {
            LintReport report = lint(template(debtVariables(), VariantSlot.EMAIL,
                    new EmailVariant(" ", "<p>" + GOOD_SMS + "</p>", null)));

            assertThat(report.blocking()).extracting(Finding::code).contains(
                    FindingCode.EMAIL_SUBJECT_MISSING, FindingCode.EMAIL_TEXT_MISSING);
        }
    }

    @Nested
    @DisplayName("forbidden phrases")
    class Phrases {

        @Test
        @DisplayName("a threat blocks publishing and names the phrase, whatever its case, ё or inflection")
        void defaultListBlocks() {
            LintReport report = lint(sms(GOOD_SMS + " Иначе будет возбуждено УГОЛОВНОЕ дело и АРЕСТ имущества, коллекторы приедут."));

            assertThat(report.blocking()).extracting(Finding::code).containsOnly(FindingCode.FORBIDDEN_PHRASE);
            assertThat(report.blocking()).extracting(Finding::message).anySatisfy(m -> assertThat(m)
                    .contains("'уголовн* дел*'").contains("\"уголовное дело\""));
            assertThat(report.blocking()).hasSize(3);
        }

        @Test
        @DisplayName("phrases in button labels, e-mail subjects and robot speech are found too")
        void everyText() {
            Variants variants = Variants.none()
                    .with(VariantSlot.TELEGRAM, new MessengerVariant(GOOD_SMS,
                            List.of(MessengerButton.reply("Избежать ареста имущества", "pay"))))
                    .with(VariantSlot.EMAIL, new EmailVariant("Уголовная ответственность", null, GOOD_SMS));

            LintReport report = lint(Template.draft("t1", "k", new TemplateContent(debtVariables(), variants)));

            assertThat(report.blocking()).extracting(Finding::code, Finding::channel).containsExactlyInAnyOrder(
                    tuple(FindingCode.FORBIDDEN_PHRASE, "telegram"), tuple(FindingCode.FORBIDDEN_PHRASE, "email"));
        }

        @Test
        @DisplayName("a tenant's own list replaces the built-in one")
        void ownList() {
            LintContext ctx = new LintContext(NO_SETTINGS, new LintConfig(6, ForbiddenPhrases.of(List.of("последний шанс"))));

            LintReport report = linter.lint(sms(GOOD_SMS + " Последний шанс!"), ctx);

            assertThat(report.blocking()).extracting(Finding::message)
                    .containsExactly("sms contains the forbidden phrase 'последний шанс' (\"последний шанс\")");
        }
    }

    @Nested
    @DisplayName("rendering with samples")
    class Samples {

        @Test
        @DisplayName("a text using an undeclared variable is a blocking finding naming it")
        void undeclared() {
            LintReport report = lint(sms(GOOD_SMS + " {{ pay_url }}"));

            assertThat(report.blocking()).extracting(Finding::code, Finding::channel)
                    .contains(tuple(FindingCode.DOES_NOT_RENDER, "sms"));
            assertThat(report.blocking().get(0).message()).contains("pay_url");
        }

        @Test
        @DisplayName("a declared sample that does not fit its type is a blocking finding naming the variable")
        void badSample() {
            Map<String, VariableSpec> vars = debtVariables();
            vars.put("amount", VariableSpec.of(VariableType.MONEY).withSample("много"));

            LintReport report = lint(template(vars, VariantSlot.SMS, new SmsVariant(GOOD_SMS)));

            assertThat(report.blocking()).extracting(Finding::code).containsExactly(FindingCode.BAD_SAMPLE);
            assertThat(report.blocking().get(0).message()).contains("'amount'");
        }

        @Test
        @DisplayName("a declared sample is what the SMS length is judged on")
        void samplesDecideLength() {
            Map<String, VariableSpec> vars = debtVariables();
            vars.put("creditor", VariableSpec.of(VariableType.STRING).withSample("Ф".repeat(400)));

            LintReport report = lint(template(vars, VariantSlot.SMS, new SmsVariant(GOOD_SMS)));

            assertThat(report.blocking()).extracting(Finding::code).containsExactly(FindingCode.SMS_TOO_LONG);
        }
    }

    @Nested
    @DisplayName("structure")
    class Structure {

        @Test
        @DisplayName("a robocall menu needs valid keys, safe sound names and a way to a person")
        void ivrScript() {
            IvrVariant ivr = new IvrVariant(
                    List.of(IvrPrompt.tts("{{creditor}}: долг {{amount}}."), IvrPrompt.sound("../etc/passwd"),
                            new IvrPrompt(null, null)),
                    Map.of("1", IvrAction.PAID, "10", IvrAction.REPEAT));

            LintReport report = lint(template(debtVariables(), VariantSlot.IVR, ivr));

            assertThat(report.blocking()).extracting(Finding::code).containsExactlyInAnyOrder(
                    FindingCode.IVR_BAD_SOUND, FindingCode.IVR_BAD_PROMPT, FindingCode.IVR_BAD_DIGIT,
                    FindingCode.IVR_NO_OPERATOR);
        }

        @Test
        @DisplayName("a WhatsApp body whose placeholders do not match the mapped parameters is blocked")
        void whatsAppMismatch() {
            WhatsAppVariant wa = new WhatsAppVariant("debt_reminder", "ru", List.of("creditor", "amount", "phone"),
                    "{{1}}: долг {{2}}. Тел. {{3}}. Срок {{4}}");

            LintReport report = lint(template(debtVariables(), VariantSlot.WHATSAPP, wa));

            assertThat(report.blocking()).extracting(Finding::code).contains(FindingCode.WHATSAPP_PARAMETER_MISMATCH);
        }

        @Test
        @DisplayName("a WhatsApp mapping without the approved body passes with a warning that identification is unchecked")
        void whatsAppWithoutBody() {
            WhatsAppVariant wa = new WhatsAppVariant("debt_reminder", "ru", List.of("creditor", "amount"), null);

            LintReport report = lint(template(debtVariables(), VariantSlot.WHATSAPP, wa));

            assertThat(report.publishable()).isTrue();
            assertThat(report.findings()).extracting(Finding::code).containsExactly(FindingCode.IDENTIFICATION_UNVERIFIABLE);
        }

        @Test
        @DisplayName("buttons need a label and exactly one of link or a payload of at most 64 bytes")
        void buttons() {
            MessengerVariant m = new MessengerVariant(GOOD_SMS, List.of(
                    new MessengerButton("Оплатить", "https://pay.example.ru", "pay"),
                    MessengerButton.reply("", "ок"),
                    MessengerButton.reply("Ответ", "я".repeat(33))));

            LintReport report = lint(template(debtVariables(), VariantSlot.TELEGRAM, m));

            assertThat(report.blocking()).extracting(Finding::message).containsExactly(
                    "telegram button 1 needs exactly one of a link or a reply payload",
                    "telegram button 2 has no label",
                    "telegram button 3 payload is longer than 64 bytes");
        }
    }
}
