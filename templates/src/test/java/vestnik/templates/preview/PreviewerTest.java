package vestnik.templates.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import vestnik.templates.model.MessengerVariant;
import vestnik.templates.model.SmsVariant;
import vestnik.templates.model.Template;
import vestnik.templates.model.TemplateContent;
import vestnik.templates.model.VariableSpec;
import vestnik.templates.model.VariableType;
import vestnik.templates.model.VariantSlot;
import vestnik.templates.model.Variants;
import vestnik.templates.render.Problem;
import vestnik.templates.render.ProblemCode;
import vestnik.templates.render.RenderException;
import vestnik.templates.render.TemplateRenderer;

class PreviewerTest {

    private static final Tariff TARIFF = new Tariff(new BigDecimal("3.50"), new BigDecimal("0.40"),
            new BigDecimal("0.05"), new BigDecimal("1.20"), new BigDecimal("0.25"));

    private final Previewer previewer = new Previewer(new TemplateRenderer());

    private static Map<String, VariableSpec> vars() {
        Map<String, VariableSpec> vars = new LinkedHashMap<>();
        vars.put("creditor", VariableSpec.of(VariableType.STRING));
        vars.put("amount", VariableSpec.of(VariableType.MONEY));
        return vars;
    }

    private static Template template(Variants variants) {
        return new Template("t1", "debt-soft", 4, new TemplateContent(vars(), variants));
    }

    @Test
    @DisplayName("a Cyrillic SMS of 71 characters is two UCS-2 parts of 67 and costs two part prices")
    void ucs2Sms() throws RenderException {
        Template t = template(Variants.none().with(VariantSlot.SMS, new SmsVariant("{{creditor}}: " + "д".repeat(66))));

        Preview p = previewer.preview(t, Map.of("creditor", "ООО"), null, TARIFF);

        ChannelPreview sms = p.channels().get("sms");
        assertThat(sms.length()).isEqualTo(71);
        assertThat(sms).extracting(ChannelPreview::encoding, ChannelPreview::parts, ChannelPreview::charsPerPart)
                .containsExactly("UCS2", 2, 67);
        assertThat(sms.cost()).isEqualByComparingTo("7.00");
        assertThat(p.sampled()).containsExactly("amount");
    }

    @Test
    @DisplayName("a Latin SMS of 160 characters is one GSM-7 part; 161 are two parts of 153")
    void gsm7Sms() throws RenderException {
        Template one = template(Variants.none().with(VariantSlot.SMS, new SmsVariant("a".repeat(160))));
        Template two = template(Variants.none().with(VariantSlot.SMS, new SmsVariant("a".repeat(161))));

        ChannelPreview p1 = previewer.preview(one, Map.of(), null, TARIFF).channels().get("sms");
        ChannelPreview p2 = previewer.preview(two, Map.of(), null, TARIFF).channels().get("sms");

        assertThat(p1).extracting(ChannelPreview::encoding, ChannelPreview::parts, ChannelPreview::charsPerPart)
                .containsExactly("GSM7", 1, 160);
        assertThat(p2).extracting(ChannelPreview::parts, ChannelPreview::charsPerPart).containsExactly(2, 153);
        assertThat(p2.cost()).isEqualByComparingTo("7.00");
    }

    @Test
    @DisplayName("messenger, e-mail and call prices come from the tariff; a call is billed per started minute plus the attempt")
    void otherChannels() throws RenderException {
        Variants variants = Variants.none()
                .with(VariantSlot.TELEGRAM, MessengerVariant.text("{{creditor}}: {{amount}}"))
                .with(VariantSlot.EMAIL, new EmailVariant("Долг", "<p>{{amount}}</p>", "{{amount}}"))
                .with(VariantSlot.IVR, new IvrVariant(List.of(IvrPrompt.tts("д".repeat(14 * 70))), Map.of("0", IvrAction.OPERATOR)));

        Preview p = previewer.preview(template(variants), Map.of("creditor", "ООО", "amount", 100), null, TARIFF);

        assertThat(p.channels().keySet()).containsExactly("telegram", "email", "ivr");
        assertThat(p.channels().get("telegram").cost()).isEqualByComparingTo("0.40");
        assertThat(p.channels().get("telegram").text()).isEqualTo("ООО: 100\u00A0₽");
        assertThat(p.channels().get("email").cost()).isEqualByComparingTo("0.05");
        assertThat(p.channels().get("ivr").callSeconds()).isEqualTo(70);
        assertThat(p.channels().get("ivr").cost()).isEqualByComparingTo("2.65");
    }

    @Test
    @DisplayName("a channel whose text does not render shows its problems while the others still preview")
    void brokenChannel() throws RenderException {
        Variants variants = Variants.none()
                .with(VariantSlot.SMS, new SmsVariant("{{creditor}} {{ typo }}"))
                .with(VariantSlot.MESSENGER, MessengerVariant.text("{{creditor}}"));

        Preview p = previewer.preview(template(variants), Map.of(), null, Tariff.free());

        assertThat(p.channels().get("sms").problems()).extracting(Problem::code, Problem::variable)
                .containsExactly(tuple(ProblemCode.UNKNOWN_VARIABLE, "typo"));
        assertThat(p.channels().get("messenger").text()).isEqualTo("ООО ПКО «Пример»");
    }

    @Test
    @DisplayName("an invalid given value fails the whole preview, naming the variable")
    void invalidInput() {
        Template t = template(Variants.none().with(VariantSlot.SMS, new SmsVariant("{{amount}}")));

        RenderException e = catchThrowableOfType(RenderException.class, () -> previewer.preview(t, Map.of("amount", "-5"), null, TARIFF));

        assertThat(e.problems()).extracting(Problem::variable).containsExactly("amount");
    }

    @Test
    @DisplayName("the JSON has the issue's shape: channels.sms.text, encoding, parts, charsPerPart, cost")
    void jsonShape() throws Exception {
        Template t = template(Variants.none().with(VariantSlot.SMS, new SmsVariant("{{creditor}}: долг {{amount}}")));

        String json = new ObjectMapper().writeValueAsString(
                previewer.preview(t, Map.of("creditor", "ООО", "amount", "1234.5"), null, TARIFF));

        assertThat(json).contains("\"channels\":{\"sms\":{\"text\":\"ООО: долг 1\u00A0234,50\u00A0₽\",\"length\":20,"
                + "\"encoding\":\"UCS2\",\"parts\":1,\"charsPerPart\":70,\"cost\":3.50,");
    }
}
