package vestnik.templates.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TemplateJsonTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    @DisplayName("the issue's PUT body binds with a plain ObjectMapper, short variable types included")
    void issueBody() throws Exception {
        String body = """
                {"variables":{"creditor":"string","amount":"money","due":"date","phone":"phone"},
                 "channels":{"sms":{"text":"{{creditor}}: долг {{amount}}, оплатите до {{due}}. Тел. {{phone}}"},
                             "telegram":{"text":"Напоминание","buttons":[{"text":"Оплатить","url":"{{pay}}"}]}}}""";

        TemplateContent content = mapper.readValue(body, TemplateContent.class);

        assertThat(content.variables()).containsOnlyKeys("creditor", "amount", "due", "phone");
        assertThat(content.variables().get("amount")).isEqualTo(VariableSpec.of(VariableType.MONEY));
        assertThat(content.variables().keySet()).containsExactly("creditor", "amount", "due", "phone");
        assertThat(content.channels().sms().text()).startsWith("{{creditor}}: долг");
        assertThat(content.channels().telegram().buttons()).containsExactly(MessengerButton.link("Оплатить", "{{pay}}"));
        assertThat(content.channels().present()).containsOnlyKeys(VariantSlot.SMS, VariantSlot.TELEGRAM);
    }

    @Test
    @DisplayName("full variable declarations, WhatsApp, e-mail and IVR variants bind and round-trip")
    void roundTrip() throws Exception {
        String body = """
                {"description":"мягкое напоминание",
                 "variables":{"creditor":{"type":"string","role":"creditor","sample":"ООО «Вектор»"},"amount":"money"},
                 "channels":{
                   "whatsapp":{"name":"debt_reminder","language":"ru","parameters":["creditor","amount"],"body":"{{1}}: {{2}}"},
                   "email":{"subject":"Долг","html":"<p>{{amount}}</p>","text":"{{amount}}"},
                   "ivr":{"prompts":[{"sound":"debt/intro"},{"tts":"Долг {{amount}}"}],"menu":{"0":"OPERATOR","1":"paid"}}}}""";

        TemplateContent content = mapper.readValue(body, TemplateContent.class);
        TemplateContent again = mapper.readValue(mapper.writeValueAsString(content), TemplateContent.class);

        assertThat(again).isEqualTo(content);
        assertThat(content.variables().get("creditor").role()).isEqualTo(VariableRole.CREDITOR);
        assertThat(content.channels().ivr().menu()).containsEntry("1", IvrAction.PAID);
        assertThat(content.channels().whatsapp().parameters()).containsExactly("creditor", "amount");
        assertThat(mapper.writeValueAsString(content)).contains("\"amount\":{\"type\":\"money\"}");
    }

    @Test
    @DisplayName("an unknown variable type or channel is an error that names it")
    void unknowns() {
        assertThatThrownBy(() -> mapper.readValue("{\"variables\":{\"a\":\"rubles\"}}", TemplateContent.class))
                .hasMessageContaining("unknown variable type 'rubles'");
        assertThatThrownBy(() -> mapper.readValue("{\"channels\":{\"pigeon\":{\"text\":\"x\"}}}", TemplateContent.class))
                .isInstanceOf(UnrecognizedPropertyException.class).hasMessageContaining("pigeon");
    }

    @Test
    @DisplayName("a whole history round-trips with ISO instants and no jsr310 module")
    void historyRoundTrip() throws Exception {
        TemplateContent content = new TemplateContent(Map.of("creditor", VariableSpec.of(VariableType.STRING)),
                Variants.none().with(VariantSlot.SMS, new SmsVariant("{{creditor}}")));
        TemplateHistory h = TemplateHistory.start("t1", "k")
                .saveDraft(content, "anna", Instant.parse("2026-03-01T09:00:00Z"))
                .publish("boris", Instant.parse("2026-03-01T10:00:00Z"))
                .saveDraft(content.channels().sms() == null ? content : new TemplateContent(content.variables(),
                        content.channels().with(VariantSlot.SMS, new SmsVariant("{{creditor}}!"))), "anna",
                        Instant.parse("2026-03-02T09:00:00Z"));

        String json = mapper.writeValueAsString(h);
        TemplateHistory back = mapper.readValue(json, TemplateHistory.class);

        assertThat(back).isEqualTo(h);
        assertThat(json).contains("\"publishedAt\":\"2026-03-01T10:00:00Z\"").doesNotContain("\"latest\"");
        assertThat(back.versions()).extracting(TemplateVersion::number).isEqualTo(List.of(1));
    }
}
