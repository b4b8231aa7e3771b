package vestnik.templates.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
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

class TemplateRendererTest {

    private static final String NBSP = String.valueOf(RussianFormat.NBSP);
    private final TemplateRenderer renderer = new TemplateRenderer();

    private static Map<String, VariableSpec> debtVariables() {
        Map<String, VariableSpec> vars = new LinkedHashMap<>();
        vars.put("creditor", VariableSpec.of(VariableType.STRING));
        vars.put("amount", VariableSpec.of(VariableType.MONEY));
        vars.put("due", VariableSpec.of(VariableType.DATE));
        vars.put("phone", VariableSpec.of(VariableType.PHONE));
        return vars;
    }

    private static Template sms(String text) {
        return sms(debtVariables(), text);
    }

    private static Template sms(Map<String, VariableSpec> vars, String text) {
        return new Template("t1", "debt-soft", 3,
                new TemplateContent(vars, Variants.none().with(VariantSlot.SMS, new SmsVariant(text))));
    }

    private static Map<String, Object> debtInput() {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("creditor", "ООО «Ромашка»");
        in.put("amount", 1234.5);
        in.put("due", "2026-11-25");
        in.put("phone", "88005553535");
        return in;
    }

    @Test
    @DisplayName("the issue's SMS renders with Russian money, date and phone formats and records key and version")
    void rendersIssueExample() throws RenderException {
        RenderedMessage msg = renderer.renderForChannel(
                sms("{{creditor}}: долг {{amount}}, оплатите до {{due}}. Тел. {{phone}}"), "smpp", debtInput(), null);

        assertThat(msg.text()).isEqualTo("ООО «Ромашка»: долг 1" + NBSP + "234,50" + NBSP + "₽, оплатите до 25 ноября 2026. "
                + "Тел. 8 800 555-35-35");
        assertThat(msg.templateKey()).isEqualTo("debt-soft");
        assertThat(msg.templateVersion()).isEqualTo(3);
        assertThat(msg.slot()).isEqualTo(VariantSlot.SMS);
    }

    @Test
    @DisplayName("filters format money, dates in three styles and plurals")
    void filters() throws RenderException {
        Map<String, VariableSpec> vars = new LinkedHashMap<>(debtVariables());
        vars.put("days", VariableSpec.of(VariableType.INTEGER));
        Map<String, Object> in = debtInput();
        in.put("days", 21);
        RenderedMessage msg = renderer.render(sms(vars,
                "{{ amount | money }}|{{ due | date }}|{{ due | date('short') }}|{{ due | date('day_month') }}|"
                        + "{{ days | plural('день','дня','дней') }}|{{ 5 | plural_form('день','дня','дней') }}|{{ 1500 | money }}"),
                VariantSlot.SMS, in, null);

        assertThat(msg.text()).isEqualTo("1" + NBSP + "234,50" + NBSP + "₽|25 ноября 2026|25.11.2026|25 ноября|21 день|дней|1"
                + NBSP + "500" + NBSP + "₽");
    }

    @Test
    @DisplayName("typed values compare by their number in conditions")
    void conditionsOnTypedValues() throws RenderException {
        Map<String, Object> in = debtInput();
        in.put("amount", "150 000,00");
        RenderedMessage msg = renderer.render(sms(
                "{% if amount.value > 100000 %}Крупный долг{% else %}Долг{% endif %} {{ creditor }} {{ due }} {{ phone }}"),
                VariantSlot.SMS, in, null);

        assertThat(msg.text()).startsWith("Крупный долг ООО");
    }

    @Test
    @DisplayName("a missing, a mistyped and an undeclared input variable are all reported, each by name")
    void strictValues() {
        Map<String, Object> in = debtInput();
        in.remove("due");
        in.put("amount", "двести");
        in.put("amout", 5);

        RenderException e = catchThrowableOfType(RenderException.class, () -> renderer.render(sms("{{creditor}} {{amount}} {{due}} {{phone}}"), VariantSlot.SMS, in, null));

        assertThat(e.problems()).extracting(Problem::code, Problem::variable).containsExactlyInAnyOrder(
                tuple(ProblemCode.UNKNOWN_VARIABLE, "amout"),
                tuple(ProblemCode.INVALID_VALUE, "amount"),
                tuple(ProblemCode.MISSING_VARIABLE, "due"));
        assertThat(e.getMessage()).contains("'amount'", "'due'", "'amout'");
    }

    @Test
    @DisplayName("a text that uses an undeclared variable fails naming it, instead of leaving a hole")
    void undeclaredInText() {
        RenderException e = catchThrowableOfType(RenderException.class, () -> renderer.render(
                sms("{{creditor}}: долг {{ amount }} до {{ payday }}. {{phone}} {{due}}"), VariantSlot.SMS, debtInput(), null));

        assertThat(e.problems()).extracting(Problem::code, Problem::variable)
                .containsExactly(tuple(ProblemCode.UNKNOWN_VARIABLE, "payday"));
        assertThat(e.problems().get(0).message()).startsWith("sms uses {{ payday }}");
    }

    @Test
    @DisplayName("a syntax error and a filter given the wrong type are problems, not exceptions")
    void syntaxAndFilterErrors() {
        RenderException syntax = catchThrowableOfType(RenderException.class, () -> renderer.render(sms("Долг {{ amount "), VariantSlot.SMS,
                debtInput(), null));
        RenderException filter = catchThrowableOfType(RenderException.class, () -> renderer.render(sms("Долг {{ creditor | money }}"),
                VariantSlot.SMS, debtInput(), null));
        RenderException attribute = catchThrowableOfType(RenderException.class, () -> renderer.render(sms("Долг {{ amount.kopecks }}"),
                VariantSlot.SMS, debtInput(), null));

        assertThat(syntax.problems()).extracting(Problem::code).containsExactly(ProblemCode.TEMPLATE_SYNTAX);
        assertThat(filter.problems()).extracting(Problem::code).containsExactly(ProblemCode.FILTER_INPUT);
        assertThat(filter.getMessage()).contains("money formats money amounts");
        assertThat(attribute.problems()).extracting(Problem::code).containsExactly(ProblemCode.UNKNOWN_ATTRIBUTE);
    }

    @Test
    @DisplayName("the tenant's settings fill the creditor and contact phone a job leaves out")
    void tenantFillsIdentification() throws RenderException {
        Map<String, Object> in = debtInput();
        in.remove("creditor");
        in.remove("phone");

        RenderedMessage msg = renderer.render(sms("{{creditor}}, тел. {{phone}}: {{amount}} до {{due}}"), VariantSlot.SMS,
                in, new TenantProfile("ООО ПКО «Вектор»", "+7 495 123 45 67"));

        assertThat(msg.text()).startsWith("ООО ПКО «Вектор», тел. +7 495 123-45-67:");
    }

    @Test
    @DisplayName("e-mail HTML is escaped, its subject and text part are not")
    void emailEscaping() throws RenderException {
        Map<String, VariableSpec> vars = Map.of("creditor", VariableSpec.of(VariableType.STRING));
        Template t = new Template("t1", "mail", 1, new TemplateContent(vars, Variants.none().with(VariantSlot.EMAIL,
                new EmailVariant("Долг перед {{creditor}}", "<p>{{creditor}}</p>", "Кредитор: {{creditor}}"))));

        RenderedMessage msg = renderer.renderForChannel(t, "email", Map.of("creditor", "Рога & Копыта <b>"), null);

        RenderedContent.Email email = (RenderedContent.Email) msg.content();
        assertThat(email.subject()).isEqualTo("Долг перед Рога & Копыта <b>");
        assertThat(email.html()).isEqualTo("<p>Рога &amp; Копыта &lt;b&gt;</p>");
        assertThat(email.text()).isEqualTo("Кредитор: Рога & Копыта <b>");
    }

    @Test
    @DisplayName("a telegram channel uses the telegram variant, viber falls back to the shared messenger one")
    void messengerFallback() throws RenderException {
        Map<String, VariableSpec> vars = Map.of("url", VariableSpec.of(VariableType.URL));
        Variants variants = Variants.none()
                .with(VariantSlot.MESSENGER, new MessengerVariant("Общий", List.of(MessengerButton.link("Оплатить", "{{url}}"))))
                .with(VariantSlot.TELEGRAM, MessengerVariant.text("Телеграм"));
        Template t = new Template("t1", "m", 1, new TemplateContent(vars, variants));
        Map<String, Object> in = Map.of("url", "https://pay.example.ru/x?a=1&b=2");

        RenderedMessage telegram = renderer.renderForChannel(t, "telegram", in, null);
        RenderedMessage viber = renderer.renderForChannel(t, "viber", in, null);

        assertThat(telegram.text()).isEqualTo("Телеграм");
        assertThat(viber.slot()).isEqualTo(VariantSlot.MESSENGER);
        assertThat(((RenderedContent.Messenger) viber.content()).buttons())
                .containsExactly(new RenderedContent.Button("Оплатить", "https://pay.example.ru/x?a=1&b=2", null));
    }

    @Test
    @DisplayName("a channel the template has no variant for is a NO_VARIANT problem")
    void noVariant() {
        RenderException e = catchThrowableOfType(RenderException.class, () -> renderer.renderForChannel(sms("x"), "email", Map.of(), null));

        assertThat(e.problems()).extracting(Problem::code).containsExactly(ProblemCode.NO_VARIANT);
    }

    @Test
    @DisplayName("WhatsApp parameters are the variables' display texts in the approved order")
    void whatsAppParameters() throws RenderException {
        Template t = new Template("t1", "wa", 2, new TemplateContent(debtVariables(), Variants.none().with(
                VariantSlot.WHATSAPP, new WhatsAppVariant("debt_reminder", "ru", List.of("creditor", "amount", "due"),
                        "{{1}}: задолженность {{2}}, оплатите до {{3}}."))));

        RenderedMessage msg = renderer.renderForChannel(t, "whatsapp", debtInput(), null);

        RenderedContent.WhatsApp wa = (RenderedContent.WhatsApp) msg.content();
        assertThat(wa.parameters()).containsExactly("ООО «Ромашка»", "1" + NBSP + "234,50" + NBSP + "₽", "25 ноября 2026");
        assertThat(wa.body()).isEqualTo("ООО «Ромашка»: задолженность 1" + NBSP + "234,50" + NBSP + "₽, оплатите до 25 ноября 2026.");
    }

    @Test
    @DisplayName("an IVR script renders its speech and keeps sound files and the menu")
    void ivr() throws RenderException {
        Template t = new Template("t1", "call", 1, new TemplateContent(debtVariables(), Variants.none().with(
                VariantSlot.IVR, new IvrVariant(List.of(IvrPrompt.sound("debt/intro"),
                        IvrPrompt.tts("{{creditor}} напоминает о долге {{amount}}.")),
                        Map.of("0", IvrAction.OPERATOR, "9", IvrAction.REPEAT)))));

        RenderedMessage msg = renderer.renderForChannel(t, "ari", debtInput(), null);

        RenderedContent.Ivr ivr = (RenderedContent.Ivr) msg.content();
        assertThat(ivr.speech()).isEqualTo("ООО «Ромашка» напоминает о долге 1" + NBSP + "234,50" + NBSP + "₽.");
        assertThat(ivr.text()).startsWith("[sound:debt/intro] ООО");
        assertThat(ivr.menu()).containsEntry("0", IvrAction.OPERATOR);
    }

    @Test
    @DisplayName("each template text compiles once and is reused")
    void cachesCompiledTemplates() throws RenderException {
        TemplateRenderer fresh = new TemplateRenderer(8);
        Template t = sms("{{creditor}} {{amount}} {{due}} {{phone}}");
        for (int i = 0; i < 5; i++) {
            fresh.render(t, VariantSlot.SMS, debtInput(), null);
        }
        assertThat(fresh.cachedTemplates()).isEqualTo(1);
    }

    @Test
    @DisplayName("preview binding fills what the input leaves out from samples and says which")
    void previewBinding() throws RenderException {
        BoundValues values = renderer.bindForPreview(sms("x").content(), Map.of("amount", new BigDecimal("10")), null);

        assertThat(values.fromSamples()).containsExactly("creditor", "due", "phone");
        assertThat(values.display("amount")).isEqualTo("10" + NBSP + "₽");
        assertThat(values.display("creditor")).isEqualTo(SampleValues.CREDITOR);
    }
}
