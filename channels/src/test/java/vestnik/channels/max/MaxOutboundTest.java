package vestnik.channels.max;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vestnik.channels.spi.OutboundMessage;
import vestnik.channels.spi.Recipient;
import vestnik.channels.testing.Fixtures;

class MaxOutboundTest {

    private static OutboundMessage message(String text, MaxPayload payload) {
        return new OutboundMessage("m-1", "t-1", new Recipient(null, null, "54321", "c-1"), text, null, payload, null, 1, null);
    }

    private static JsonNode onTheWire(JsonNode body) {
        return Fixtures.parse(body.toString());
    }

    @Test
    @DisplayName("the message body is the fixture's, given markdown and a notification")
    void matchesFixture() {
        MaxPayload payload = new MaxPayload(null, null, MaxPayload.Format.MARKDOWN, false);

        assertThat(onTheWire(MaxOutbound.newMessage(message("Ваш заказ №12345 передан в доставку", payload))))
                .isEqualTo(Fixtures.json("max-send-message-request.json"));
    }

    @Test
    @DisplayName("a plain message is its text only")
    void plain() {
        assertThat(onTheWire(MaxOutbound.newMessage(message("Напоминание", null))))
                .isEqualTo(Fixtures.parse("{\"text\":\"Напоминание\"}"));
    }

    @Test
    @DisplayName("a reply links the quoted mid; buttons become an inline_keyboard attachment")
    void replyAndKeyboard() {
        MaxPayload payload = new MaxPayload(List.of(
                List.of(MaxPayload.Button.link("Оплатить", "https://pay.example/abc")),
                List.of(MaxPayload.Button.callback("Оплачу завтра", "promise:1"))), "mid.0000000000000002", null, true);

        assertThat(onTheWire(MaxOutbound.newMessage(message("Напоминание", payload)))).isEqualTo(Fixtures.parse("""
                {"text":"Напоминание","notify":false,"link":{"type":"reply","mid":"mid.0000000000000002"},
                 "attachments":[{"type":"inline_keyboard","payload":{"buttons":[
                   [{"type":"link","text":"Оплатить","url":"https://pay.example/abc"}],
                   [{"type":"callback","text":"Оплачу завтра","payload":"promise:1"}]]}}]}"""));
    }

    @Test
    @DisplayName("keyboard limits are checked when the payload is built")
    void keyboardLimits() {
        assertThatThrownBy(() -> new MaxPayload.Button("x", null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MaxPayload.buttons(List.of(List.of()))).isInstanceOf(IllegalArgumentException.class);
        List<MaxPayload.Button> eight = java.util.Collections.nCopies(8, MaxPayload.Button.callback("x", "y"));
        assertThatThrownBy(() -> MaxPayload.buttons(List.of(eight))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a user id is sent as user_id, chat:<id> as chat_id, anything else is not a recipient")
    void recipients() {
        assertThat(MaxOutbound.recipientQuery("54321")).isEqualTo("user_id=54321");
        assertThat(MaxOutbound.recipientQuery("9223372036854775807")).isEqualTo("user_id=9223372036854775807");
        assertThat(MaxOutbound.recipientQuery("chat:-100000000")).isEqualTo("chat_id=-100000000");
        assertThat(MaxOutbound.recipientQuery("+79161234567")).isNull();
        assertThat(MaxOutbound.recipientQuery("99999999999999999999")).isNull();
    }

    @Test
    @DisplayName("the accepted id is the sent message's body.mid")
    void acceptedId() {
        assertThat(MaxOutbound.acceptedId(Fixtures.parse("{\"message\":{\"body\":{\"mid\":\"mid.abc\",\"seq\":1}}}")))
                .isEqualTo("mid.abc");
        assertThat(MaxOutbound.acceptedId(Fixtures.parse("{\"code\":\"x\"}"))).isNull();
    }

    @Test
    @DisplayName("the subscription is the fixture's, also asking for edits, stops and removals")
    void subscription() {
        assertThat(MaxOutbound.subscription("https://gateway.example.com/webhooks/max", "Ab3-secret-Token"))
                .isEqualTo(Fixtures.parse("""
                        {"url":"https://gateway.example.com/webhooks/max",
                         "update_types":["message_created","message_edited","message_callback","bot_started","bot_stopped","bot_removed"],
                         "secret":"Ab3-secret-Token"}"""));
        JsonNode fixture = Fixtures.json("max-subscriptions-request.json");
        assertThat(MaxOutbound.UPDATE_TYPES).containsAll(toList(fixture.get("update_types")));
    }

    private static List<String> toList(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
