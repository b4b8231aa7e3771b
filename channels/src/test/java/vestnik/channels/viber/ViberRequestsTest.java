package vestnik.channels.viber;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vestnik.channels.testing.Fixtures;

class ViberRequestsTest {

    private static final String TEXT = "Ваш заказ №12345 передан в доставку";

    @Test
    @DisplayName("a text message is exactly the documented send_message body, avatar included when configured")
    void textWithAvatar() {
        ObjectNode body = ViberRequests.text("01234567890A=", "MyShop", "https://gateway.example.com/avatar.jpg",
                "gw-msg-7f3c2a", TEXT);

        assertThat(body).isEqualTo(Fixtures.json("viber-send-message-request.json"));
    }

    @Test
    @DisplayName("without an avatar the body is the recorded request of viber-send-message.http, byte for byte")
    void textWithoutAvatar() throws Exception {
        ObjectNode body = ViberRequests.text("01234567890A=", "MyShop", null, "gw-msg-7f3c2a", TEXT);

        assertThat(new ObjectMapper().writeValueAsBytes(body)).isEqualTo(Fixtures.http("viber-send-message.http").body());
    }

    @Test
    @DisplayName("set_webhook asks for the documented events and the sender's name, but not the photo (152-FZ)")
    void setWebhook() {
        ObjectNode expected = (ObjectNode) Fixtures.json("viber-set-webhook-request.json");
        expected.put("send_photo", false);

        assertThat(ViberRequests.setWebhook("https://gateway.example.com/webhooks/viber")).isEqualTo(expected);
    }
}
