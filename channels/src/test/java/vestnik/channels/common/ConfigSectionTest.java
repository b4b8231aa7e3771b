package vestnik.channels.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vestnik.channels.testing.Fixtures;

class ConfigSectionTest {

    @JsonIgnoreProperties({"type"})
    record Section(String token, Integer maxInFlight, List<Integer> ports, Nested nested) {
    }

    record Nested(String context) {
    }

    private static JsonNode yaml(String json) {
        return Fixtures.parse(json);
    }

    @Test
    @DisplayName("a section binds to its record, absent keys left null and type ignored")
    void binds() {
        Section s = ConfigSection.bind("tg", yaml("{\"type\":\"telegram\",\"token\":\"t\",\"nested\":{\"context\":\"c\"}}"),
                Section.class, "a telegram channel");

        assertThat(s).isEqualTo(new Section("t", null, null, new Nested("c")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @DisplayName("what cannot be bound is named by its key under channels.<id>")
    @CsvSource(delimiter = '|', value = {
            "{\"tokn\":\"t\"}                  | channels.tg.tokn is not a known key of a telegram channel",
            "{\"nested\":{\"zz\":1}}           | channels.tg.nested.zz is not a known key of a telegram channel",
            "{\"maxInFlight\":\"many\"}        | channels.tg.maxInFlight has the wrong type",
            "{\"ports\":[1,{}]}                | channels.tg.ports.1 has the wrong type",
            "[]                                | channels.tg must be a map of keys",
            "\"text\"                          | channels.tg must be a map of keys",
    })
    void refused(String json, String message) {
        assertThatThrownBy(() -> ConfigSection.bind("tg", yaml(json), Section.class, "a telegram channel"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    @DisplayName("no section at all is refused as not a map")
    void noSection() {
        assertThatThrownBy(() -> ConfigSection.bind("tg", null, Section.class, "a telegram channel"))
                .hasMessage("channels.tg must be a map of keys");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @DisplayName("the Viber and WhatsApp wording names the last key, or <section>, as not valid")
    @CsvSource(delimiter = '|', value = {
            "{\"tokn\":\"t\"}                  | channels.vb.tokn is not valid for a viber channel",
            "{\"maxInFlight\":\"many\"}        | channels.vb.maxInFlight is not valid for a viber channel",
            "[]                                | channels.vb.<section> is not valid for a viber channel",
    })
    void refusedAsNotValid(String json, String message) {
        assertThatThrownBy(() -> ConfigSection.bindOrNull("vb", yaml(json), Section.class, "a viber channel"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    @DisplayName("with the Viber and WhatsApp wording an absent section binds to null, so that the first required key is named")
    void absentSectionIsNull() {
        assertThat(ConfigSection.bindOrNull("vb", null, Section.class, "a viber channel")).isNull();
    }
}
