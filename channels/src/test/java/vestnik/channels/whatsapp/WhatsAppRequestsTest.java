package vestnik.channels.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vestnik.channels.testing.Fixtures;

class WhatsAppRequestsTest {

    @Test
    @DisplayName("a free text is exactly the documented text request")
    void text() {
        assertThat(WhatsAppRequests.text("79161234567", "Ваш заказ №12345 передан в доставку"))
                .isEqualTo(Fixtures.json("whatsapp-send-text-request.json"));
    }

    @Test
    @DisplayName("a template with body parameters is exactly the documented template request")
    void template() {
        WhatsAppTemplate template = WhatsAppTemplate.body("order_shipped", "ru", "Иван", "12345");

        assertThat(WhatsAppRequests.template("79161234567", template))
                .isEqualTo(Fixtures.json("whatsapp-send-template-request.json"));
    }

    @Test
    @DisplayName("a job's whatsappTemplate {name, language, components} reads into the payload and sends as documented")
    void fromJobJson() throws Exception {
        String job = "{\"name\":\"order_shipped\",\"language\":\"ru\",\"components\":[{\"type\":\"body\","
                + "\"parameters\":[{\"type\":\"text\",\"text\":\"Иван\"},{\"type\":\"text\",\"text\":\"12345\"}]}]}";

        WhatsAppTemplate template = new ObjectMapper().readValue(job, WhatsAppTemplate.class);

        assertThat(WhatsAppRequests.template("79161234567", template))
                .isEqualTo(Fixtures.json("whatsapp-send-template-request.json"));
    }

    @Test
    @DisplayName("a button component carries its sub_type and index; a template without components sends none")
    void buttonAndBare() {
        WhatsAppTemplate withButton = new WhatsAppTemplate("pay_now", "ru", List.of(new WhatsAppTemplate.Component(
                "button", "quick_reply", "0", List.of(WhatsAppTemplate.Parameter.payload("PAID")))));

        assertThat(WhatsAppRequests.template("79161234567", withButton).path("template").path("components").toString())
                .isEqualTo("[{\"type\":\"button\",\"sub_type\":\"quick_reply\",\"index\":\"0\","
                        + "\"parameters\":[{\"type\":\"payload\",\"payload\":\"PAID\"}]}]");
        assertThat(WhatsAppRequests.template("79161234567", new WhatsAppTemplate("hello", "ru", null))
                .path("template").has("components")).isFalse();
    }

    @Test
    @DisplayName("the recipient is the E.164 number's digits, without '+' or separators")
    void recipient() {
        assertThat(WhatsAppRequests.recipient("+79161234567")).isEqualTo("79161234567");
        assertThat(WhatsAppRequests.recipient("+7 (916) 123-45-67")).isEqualTo("79161234567");
        assertThat(WhatsAppRequests.recipient("+")).isNull();
        assertThat(WhatsAppRequests.recipient(null)).isNull();
    }
}
