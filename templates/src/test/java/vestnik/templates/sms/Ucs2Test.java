package vestnik.templates.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class Ucs2Test {

    @Test
    @DisplayName("UCS2 is UTF-16 big-endian: the MO fixture's octets read 'СТОП'")
    void moFixture() {
        byte[] pdu = Fixtures.pduHex("smpp-deliver-sm-mo-pdu.txt", "deliver_sm_mo");
        byte[] shortMessage = Arrays.copyOfRange(pdu, pdu.length - 8, pdu.length);

        assertThat(Ucs2.decode(shortMessage)).isEqualTo("СТОП");
        assertThat(Ucs2.encode("СТОП")).isEqualTo(shortMessage);
    }

    @Test
    @DisplayName("an emoji travels as its surrogate pair and survives the round trip")
    void emojiRoundTrip() {
        String text = "Оплата 😀 принята";
        byte[] octets = Ucs2.encode(text);

        assertThat(octets).hasSize(2 * text.length());
        assertThat(Arrays.copyOfRange(octets, 14, 18)).containsExactly(0xD8, 0x3D, 0xDE, 0x00);
        assertThat(Ucs2.decode(octets)).isEqualTo(text);
    }
}
