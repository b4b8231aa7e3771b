package vestnik.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vestnik.channels.email.MailTokens.Purpose;
import vestnik.channels.email.MailTokens.Tagged;

class MailTokensTest {

    private final MailTokens tokens = new MailTokens("demo.ru", "reply.demo.ru", new Random(7));

    @Test
    @DisplayName("a Message-ID is our message id in lower case, a dot, ten random characters and the From domain")
    void messageIdShape() {
        String id = tokens.newMessageId("01JH5X9Q2M8R4T6V0W3Y7Z1ABC");

        assertThat(id).matches("01jh5x9q2m8r4t6v0w3y7z1abc\\.[0-9a-z]{10}@demo\\.ru");
        assertThat(tokens.newMessageId("01JH5X9Q2M8R4T6V0W3Y7Z1ABC")).isNotEqualTo(id);
    }

    @Test
    @DisplayName("every plus-address gives back the exact Message-ID, whatever case a mail server put on it")
    void roundTrip() {
        String id = tokens.newMessageId("gw-msg-7f3c2a");

        for (Purpose purpose : Purpose.values()) {
            String address = tokens.address(purpose, id);
            assertThat(address).startsWith(purpose.localPart() + "+").endsWith("@reply.demo.ru");
            assertThat(tokens.read(address)).contains(new Tagged(purpose, id));
            assertThat(tokens.read(address.toUpperCase())).contains(new Tagged(purpose, id));
        }
    }

    @Test
    @DisplayName("an odd or long message id still makes a local part of at most 64 octets (RFC 5321)")
    void localPartLimit() {
        String id = tokens.newMessageId("Кредитор/ООО «Демо» #12345 — очень длинный идентификатор сообщения");

        String address = tokens.address(Purpose.UNSUBSCRIBE, id);

        assertThat(address.substring(0, address.indexOf('@'))).hasSizeLessThanOrEqualTo(64).matches("[a-z0-9.+-]+");
        assertThat(tokens.read(address)).contains(new Tagged(Purpose.UNSUBSCRIBE, id));
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("addresses that are not ours read as nothing")
    @ValueSource(strings = {
            "support+t-7f3c2a@shop.example",
            "reply+gw-msg.0123456789@other.example",
            "reply@reply.demo.ru",
            "support+gw-msg.0123456789@reply.demo.ru",
            "reply+gw-msg@reply.demo.ru",
            "reply+gw-msg.01234@reply.demo.ru",
            "not an address"})
    void foreign(String address) {
        assertThat(tokens.read(address)).isEmpty();
    }
}
