package vestnik.channels.ari;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vestnik.channels.testing.Fixtures;

/** The message's script payload and the script a call resolves to. */
class IvrScriptTest {

    private static AriConfig config(String extra) {
        return AriConfig.from("ivr", Fixtures.parse("""
                { "type": "ari", "baseUrl": "http://127.0.0.1:8088/ari", "username": "gw", "password": "secret",
                  "app": "ivr-gw", "endpoint": "PJSIP/{phone}@trunk", "callerIds": ["74951234567"]%s }""".formatted(extra)));
    }

    @Test
    @DisplayName("a job's script JSON becomes a typed script")
    void fromJson() {
        IvrScript s = IvrScript.fromJson(Fixtures.parse("""
                {"media": ["sound:vestnik/debt", "sound:https://tts.local/a.wav"],
                 "menu": {"1": "operator", "2": "PAID", "#": "opt-out"}, "maxPlays": 3, "goodbye": []}"""));

        assertThat(s.media()).containsExactly("sound:vestnik/debt", "sound:https://tts.local/a.wav");
        assertThat(s.menu()).isEqualTo(Map.of("1", MenuAction.OPERATOR, "2", MenuAction.PAID, "#", MenuAction.OPT_OUT));
        assertThat(s.maxPlays()).isEqualTo(3);
        assertThat(s.goodbye()).isEmpty();
        assertThat(IvrScript.fromJson(Fixtures.parse("{}"))).isEqualTo(new IvrScript(null, null, null, null));
    }

    @Test
    @DisplayName("a wrong script is refused naming what is wrong")
    void invalid() {
        assertThatThrownBy(() -> IvrScript.fromJson(Fixtures.parse("{\"media\":[\"http://x/a.wav\"]}")))
                .hasMessageContaining("media items must be ARI media URIs");
        assertThatThrownBy(() -> IvrScript.fromJson(Fixtures.parse("{\"media\":[\"sound:a,b\"]}")))
                .hasMessageContaining("bare commas");
        assertThatThrownBy(() -> IvrScript.fromJson(Fixtures.parse("{\"menu\":{\"12\":\"PAID\"}}")))
                .hasMessageContaining("0-9 * #");
        assertThatThrownBy(() -> IvrScript.fromJson(Fixtures.parse("{\"menu\":{\"1\":\"DANCE\"}}")))
                .hasMessageContaining("menu.1 must be one of");
        assertThatThrownBy(() -> IvrScript.fromJson(Fixtures.parse("{\"maxPlays\":9}")))
                .hasMessageContaining("maxPlays must be between 1 and 5");
        assertThatThrownBy(() -> IvrScript.fromJson(Fixtures.parse("{\"voice\":\"x\"}")))
                .hasMessageContaining("voice is not a field");
    }

    @Test
    @DisplayName("a text alone is spoken through the TTS template, percent-encoded so that ARI's comma list holds")
    void tts() {
        CallScript s = CallScript.resolve(null, " Долг: 1 500,00 руб. ",
                config(", \"ttsUrlTemplate\": \"sound:https://tts.local/say?text={text}\""));

        assertThat(s.media()).containsExactly("sound:https://tts.local/say?text="
                + "%D0%94%D0%BE%D0%BB%D0%B3%3A%201%20500%2C00%20%D1%80%D1%83%D0%B1.");
        assertThat(s.media().get(0)).doesNotContain(",", " ");
    }

    @Test
    @DisplayName("what a script leaves out comes from the channel; its own menu and media win")
    void defaults() {
        AriConfig c = config(", \"menu\": {\"2\": \"PAID\"}, \"maxPlays\": 3, \"goodbye\": [\"sound:bye\"], "
                + "\"machineMessage\": [\"sound:vm\"], \"language\": \"en\"");
        CallScript own = CallScript.resolve(new IvrScript(List.of("sound:mine"), Map.of("5", MenuAction.CALLBACK),
                1, List.of()), "text", c);
        assertThat(own).isEqualTo(new CallScript(List.of("sound:mine"), Map.of("5", MenuAction.CALLBACK), 1, List.of(),
                List.of("sound:vm"), "en", AriConfig.DEFAULT_MENU_TIMEOUT));

        CallScript inherited = CallScript.resolve(IvrScript.playing("sound:mine"), "text", c);
        assertThat(inherited.menu()).isEqualTo(Map.of("2", MenuAction.PAID));
        assertThat(inherited.maxPlays()).isEqualTo(3);
        assertThat(inherited.goodbye()).containsExactly("sound:bye");
    }

    @Test
    @DisplayName("nothing to play, or an OPERATOR key without an operator dialplan, cannot make a call")
    void unusable() {
        assertThatThrownBy(() -> CallScript.resolve(null, "text", config("")))
                .hasMessageContaining("no ttsUrlTemplate");
        assertThatThrownBy(() -> CallScript.resolve(new IvrScript(List.of("sound:a"), Map.of("0", MenuAction.OPERATOR),
                null, null), "text", config(""))).hasMessageContaining("no operator dialplan");
    }
}
