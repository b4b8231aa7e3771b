package vestnik.channels.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vestnik.channels.spi.OutboundMessage;
import vestnik.channels.spi.Recipient;
import vestnik.channels.testing.Fixtures;

class TelegramOutboundTest {

    private static OutboundMessage message(String chat, String text, TelegramPayload payload) {
        return new OutboundMessage("m-1", "t-1", new Recipient(null, null, chat, "c-1"), text, null, payload, null, 1, null);
    }

    /** The body as the provider reads it (a number is a number, whatever Java type built it). */
    private static JsonNode onTheWire(JsonNode body) {
        return Fixtures.parse(body.toString());
    }

    @Test
    @DisplayName("sendMessage is the fixture's body, plus permission to send when the quoted message is gone")
    void sendMessageMatchesFixture() {
        TelegramPayload payload = new TelegramPayload(null, "1111111:1366", TelegramPayload.ParseMode.HTML, false);

        ObjectNode body = TelegramOutbound.sendMessage("1111111",
                message("1111111", "Ваш заказ №12345 передан в доставку", payload));

        ObjectNode expected = (ObjectNode) Fixtures.json("telegram-sendmessage-request.json");
        ((ObjectNode) expected.get("reply_parameters")).put("allow_sending_without_reply", true);
        assertThat(onTheWire(body)).isEqualTo(expected);
    }

    @Test
    @DisplayName("a plain message is chat_id and text only: no parse mode, so '<' in a name cannot break it")
    void plain() {
        ObjectNode body = TelegramOutbound.sendMessage("42", message("42", "Долг < 100 ₽", null));

        assertThat(onTheWire(body)).isEqualTo(Fixtures.parse("{\"chat_id\":42,\"text\":\"Долг < 100 ₽\"}"));
    }

    @Test
    @DisplayName("a chat id beyond 2^53 is written exactly as an integer")
    void bigChatId() {
        ObjectNode body = TelegramOutbound.sendMessage("-1009007199254740993", message("-1009007199254740993", "x", null));

        assertThat(body.get("chat_id").isIntegralNumber()).isTrue();
        assertThat(body.toString()).contains("\"chat_id\":-1009007199254740993");
    }

    @Test
    @DisplayName("a public @channel is addressed by its name")
    void channelUsername() {
        assertThat(TelegramOutbound.sendMessage("@vestnik_news", message("@vestnik_news", "x", null)).get("chat_id").asText())
                .isEqualTo("@vestnik_news");
    }

    @Test
    @DisplayName("buttons become an inline keyboard of url and callback_data buttons")
    void keyboard() {
        TelegramPayload payload = TelegramPayload.buttons(List.of(
                List.of(TelegramPayload.Button.link("Оплатить", "https://pay.example/abc")),
                List.of(TelegramPayload.Button.callback("Оплачу завтра", "promise:1"),
                        TelegramPayload.Button.callback("Не мой долг", "dispute"))));

        ObjectNode body = TelegramOutbound.sendMessage("42", message("42", "Напоминание", payload));

        ArrayNode rows = (ArrayNode) body.path("reply_markup").path("inline_keyboard");
        assertThat(rows).isEqualTo(Fixtures.parse("""
                [[{"text":"Оплатить","url":"https://pay.example/abc"}],
                 [{"text":"Оплачу завтра","callback_data":"promise:1"},{"text":"Не мой долг","callback_data":"dispute"}]]"""));
    }

    @Test
    @DisplayName("a button is a link or a callback, and callback data fits Telegram's 64 bytes")
    void buttonRules() {
        assertThatThrownBy(() -> new TelegramPayload.Button("x", "https://a", "b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TelegramPayload.Button.callback("x", "я".repeat(33))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TelegramPayload(null, "1366", null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("the accepted id is <chat_id>:<message_id> from the fixture's response")
    void acceptedId() {
        assertThat(TelegramOutbound.acceptedId(Fixtures.json("telegram-sendmessage-response.json"))).isEqualTo("1111111:1368");
    }

    @Test
    @DisplayName("a refusal envelope has no accepted id")
    void noAcceptedId() {
        assertThat(TelegramOutbound.acceptedId(Fixtures.json("telegram-error-403-blocked.json"))).isNull();
        assertThat(TelegramOutbound.acceptedId(null)).isNull();
    }

    @Test
    @DisplayName("setWebhook is the fixture's body, also asking for my_chat_member (how blocks are reported)")
    void setWebhookMatchesFixture() {
        ObjectNode expected = (ObjectNode) Fixtures.json("telegram-setwebhook-request.json");
        ((ArrayNode) expected.get("allowed_updates")).add("my_chat_member");

        assertThat(TelegramOutbound.setWebhook("https://gateway.example.com/webhooks/telegram", "Ab3_secret-Token"))
                .isEqualTo(expected);
    }
}
