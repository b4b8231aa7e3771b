package vestnik.channels.ari;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vestnik.channels.ChannelRegistry;
import vestnik.channels.spi.ChannelType;
import vestnik.channels.testing.Fixtures;

class AriConfigTest {

    private static final String MINIMAL = """
            "type": "ari", "baseUrl": "http://asterisk.internal:8088/ari/", "username": "gw", "password": "secret",
            "app": "ivr-gw", "endpoint": "PJSIP/{phone}@trunk", "callerIds": ["74951234567", "+74951234568"]""";

    private static AriConfig read(String extra) {
        return AriConfig.from("ivr", Fixtures.parse("{" + MINIMAL + extra + "}"));
    }

    @Test
    @DisplayName("a minimal section takes the documented defaults")
    void defaults() {
        AriConfig c = read("");

        assertThat(c.baseUrl()).isEqualTo("http://asterisk.internal:8088/ari");
        assertThat(c.callerIds()).containsExactly("74951234567", "+74951234568");
        assertThat(c.rate()).isEqualTo(5);
        assertThat(c.maxChannels()).isEqualTo(10);
        assertThat(c.ringTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.healthWindow()).isEqualTo(50);
        assertThat(c.minAnswerRate()).isEqualTo(0.15);
        assertThat(c.minSample()).isEqualTo(20);
        assertThat(c.amd()).isNull();
        assertThat(c.menu()).isEmpty();
        assertThat(c.language()).isEqualTo("ru");
        assertThat(c.toString()).doesNotContain("secret").doesNotContain("74951234567").contains("***4567");
    }

    @Test
    @DisplayName("a full section is read key by key")
    void full() {
        AriConfig c = read("""
                , "rate": 12.5, "maxChannels": 30, "ringTimeout": "45s", "amd": {"context": "amd-then-ari"},
                "operator": {"context": "operators", "extension": "100", "priority": 2},
                "menu": {"1": "OPERATOR", "2": "PAID", "3": "REPEAT"}, "menuTimeout": "3s", "maxPlays": 3,
                "goodbye": ["sound:vestnik/thanks"], "machineMessage": ["sound:vestnik/vm"], "healthWindow": 100,
                "minAnswerRate": 0.2, "minSample": 30, "maxCallDuration": "15m", "callerName": "ООО Демо",
                "ttsUrlTemplate": "sound:https://tts.local/say?text={text}" """);

        assertThat(c.rate()).isEqualTo(12.5);
        assertThat(c.amd()).isEqualTo(new Dialplan("amd-then-ari", "s", 1));
        assertThat(c.operator()).isEqualTo(new Dialplan("operators", "100", 2));
        assertThat(c.menu()).isEqualTo(Map.of("1", MenuAction.OPERATOR, "2", MenuAction.PAID, "3", MenuAction.REPEAT));
        assertThat(c.goodbye()).containsExactly("sound:vestnik/thanks");
        assertThat(c.machineMessage()).containsExactly("sound:vestnik/vm");
        assertThat(c.maxCallDuration()).isEqualTo(Duration.ofMinutes(15));
        assertThat(c.callerName()).isEqualTo("ООО Демо");
    }

    @Test
    @DisplayName("the endpoint template takes the number as digits or in E.164")
    void endpoint() {
        assertThat(read("").endpointFor("+79161234567")).isEqualTo("PJSIP/79161234567@trunk");
        AriConfig e164 = AriConfig.from("ivr", Fixtures.parse("{" + MINIMAL.replace("PJSIP/{phone}@trunk",
                "SIP/trunk/{e164}") + "}"));
        assertThat(e164.endpointFor("+79161234567")).isEqualTo("SIP/trunk/+79161234567");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        ", \"cps\": 5                                          | cps is written rate",
        ", \"rate\": 0                                         | channels.ivr.rate must be a positive",
        ", \"maxChannels\": 0                                  | channels.ivr.maxChannels must be between",
        ", \"ringTimeout\": \"30500ms\"                        | ringTimeout is given to Asterisk in whole seconds",
        ", \"menu\": {\"1\": \"OPERATOR\"}                     | menu has OPERATOR but no operator",
        ", \"menu\": {\"x\": \"PAID\"}                         | 0-9 * #",
        ", \"ttsUrlTemplate\": \"https://tts.local/{text}\"    | ttsUrlTemplate must be a media URI",
        ", \"ttsUrlTemplate\": \"sound:https://tts.local/a\"   | ttsUrlTemplate must be a media URI with {text}",
        ", \"minAnswerRate\": 1.5                              | minAnswerRate must be a share",
        ", \"minSample\": 80                                   | minSample must be between 1 and 50",
        ", \"goodbye\": [\"thanks.wav\"]                       | goodbye must be a list of ARI media URIs",
        ", \"amd\": {\"extension\": \"s\"}                     | amd.context is required",
        ", \"colour\": \"red\"                                 | colour is not a known key of an ari channel",
        ", \"maxChannels\": \"many\"                           | maxChannels has the wrong type",
    })
    @DisplayName("a wrong key is named in the error")
    void invalid(String extra, String message) {
        assertThatThrownBy(() -> read(extra.trim())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    @DisplayName("required keys are named when missing, and caller ids must be distinct numbers")
    void required() {
        for (String key : List.of("baseUrl", "username", "password", "app", "endpoint", "callerIds")) {
            String section = "{" + MINIMAL.replaceAll("\"" + key + "\": (\"[^\"]*\"|\\[[^]]*])", "\"" + key + "\": null") + "}";
            assertThatThrownBy(() -> AriConfig.from("ivr", Fixtures.parse(section)))
                    .as(key).hasMessageContaining("channels.ivr." + key);
        }
        assertThatThrownBy(() -> AriConfig.from("ivr", Fixtures.parse("{" + MINIMAL.replace("\"+74951234568\"",
                "\"74951234567\"") + "}"))).hasMessageContaining("lists ***4567 twice");
        assertThatThrownBy(() -> AriConfig.from("ivr", Fixtures.parse("{" + MINIMAL.replace("\"+74951234568\"",
                "\"Demo\"") + "}"))).hasMessageContaining("callerIds items must be phone numbers");
        assertThatThrownBy(() -> AriConfig.from("ivr", Fixtures.parse("{" + MINIMAL.replace("PJSIP/{phone}@trunk",
                "PJSIP/trunk") + "}"))).hasMessageContaining("endpoint must contain {phone} or {e164}");
    }

    @Test
    @DisplayName("the registry builds ari and voice-http channels by their type names")
    void registry() {
        assertThat(ChannelRegistry.builtIn().factory(ChannelType.ARI)).get().isInstanceOf(AriChannelFactory.class);
        assertThat(ChannelRegistry.builtIn().factory(ChannelType.VOICE_HTTP)).isPresent();
    }
}
