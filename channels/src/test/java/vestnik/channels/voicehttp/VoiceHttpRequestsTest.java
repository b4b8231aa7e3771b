package vestnik.channels.voicehttp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vestnik.channels.testing.Fixtures;

/** The MakeVoiceMessage bodies and answer against the exolve fixtures. */
class VoiceHttpRequestsTest {

    @Test
    @DisplayName("a prepared voice message is {source, destination, service_id}, the number without '+'")
    void prepared() {
        assertThat(VoiceHttpRequests.prepared("74951234567", "+79161234567", "123456"))
                .isEqualTo(Fixtures.json("exolve-makevoicemessage-request.json"));
    }

    @Test
    @DisplayName("a spoken call carries tts {text, voice, lang}")
    void spoken() {
        assertThat(VoiceHttpRequests.spoken("74951234567", "+79161234567",
                "Здравствуйте! Ваш заказ номер 12345 передан в доставку.", "marina", "ru"))
                .isEqualTo(Fixtures.json("exolve-makevoicemessage-request-tts.json"));
        assertThat(VoiceHttpRequests.spoken("74951234567", "+79161234567", "Текст", null, "ru").get("tts").has("voice"))
                .as("no voice leaves the provider's default").isFalse();
    }

    @Test
    @DisplayName("call_id is read as a string, or as a number with every digit, and is null when missing")
    void callId() {
        assertThat(VoiceHttpRequests.callId(Fixtures.json("exolve-makevoicemessage-response.json"))).isEqualTo("701234567890");
        assertThat(VoiceHttpRequests.callId(Fixtures.parse("{\"call_id\": 90071992547409931234}")))
                .isEqualTo("90071992547409931234");
        assertThat(VoiceHttpRequests.callId(Fixtures.parse("{\"call_id\": \"\"}"))).isNull();
        assertThat(VoiceHttpRequests.callId(Fixtures.parse("{\"call_id\": {}}"))).isNull();
        assertThat(VoiceHttpRequests.callId(Fixtures.parse("{}"))).isNull();
        assertThat(VoiceHttpRequests.callId(null)).isNull();
    }
}
