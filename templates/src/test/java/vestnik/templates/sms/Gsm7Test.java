package vestnik.templates.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class Gsm7Test {

    private static final String BASIC =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                    + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "^{}\\[~]|€\f";

    @Test
    @DisplayName("the fixture's GSM7 text is encoded to exactly the short_message octets of the submit_sm")
    void fixtureText() {
        byte[] pdu = Fixtures.pduHex("smpp-submit-sm-gsm7-pdu.txt", "submit_sm_gsm7");
        byte[] shortMessage = Arrays.copyOfRange(pdu, pdu.length - 17, pdu.length);

        assertThat(Gsm7.encodeUnpacked("Your code is 4821")).isEqualTo(shortMessage);
        assertThat(Gsm7.decodeUnpacked(shortMessage)).isEqualTo("Your code is 4821");
    }

    @Test
    @DisplayName("every character of the default alphabet costs one septet and takes its GSM 03.38 code")
    void basicAlphabet() {
        assertThat(BASIC).hasSize(127);
        assertThat(Gsm7.canEncode(BASIC)).isTrue();
        assertThat(Gsm7.septets(BASIC)).isEqualTo(127);

        byte[] octets = Gsm7.encodeUnpacked(BASIC);
        assertThat(octets).hasSize(127);
        assertThat(octets[0]).isEqualTo((byte) 0x00);   // @
        assertThat(octets[2]).isEqualTo((byte) 0x02);   // $
        assertThat(octets[35]).isEqualTo((byte) 0x24);  // ¤ (the escape 0x1B is skipped in BASIC, so index 35 = code 0x24)
        assertThat(Gsm7.encodeUnpacked("¡A¿aà")).containsExactly(0x40, 0x41, 0x60, 0x61, 0x7F);
    }

    @Test
    @DisplayName("extension characters cost two septets and are written as escape 0x1B plus their code")
    void extensionTable() {
        assertThat(Gsm7.septets(EXTENSION)).isEqualTo(20);
        assertThat(Gsm7.encodeUnpacked("€")).containsExactly(0x1B, 0x65);
        assertThat(Gsm7.encodeUnpacked("[|]")).containsExactly(0x1B, 0x3C, 0x1B, 0x40, 0x1B, 0x3E);
        assertThat(Gsm7.encodeUnpacked("^{}\\~\f"))
                .containsExactly(0x1B, 0x14, 0x1B, 0x28, 0x1B, 0x29, 0x1B, 0x2F, 0x1B, 0x3D, 0x1B, 0x0A);
    }

    @Test
    @DisplayName("every GSM character survives encode then decode")
    void roundTrip() {
        String all = BASIC + EXTENSION;
        assertThat(Gsm7.decodeUnpacked(Gsm7.encodeUnpacked(all))).isEqualTo(all);
    }

    @Test
    @DisplayName("Cyrillic, emoji and characters that only look Latin cannot be encoded")
    void notGsm() {
        assertThat(Gsm7.canEncode("Долг 100 руб.")).isFalse();
        assertThat(Gsm7.canEncode("ok 😀")).isFalse();
        assertThat(Gsm7.canEncode("`")).isFalse();
        assertThat(Gsm7.canEncode("")).isTrue();
        assertThatThrownBy(() -> Gsm7.septets("ДА"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("U+0414");
    }

    @Test
    @DisplayName("decoding tolerates an escape before a code with no extension, a trailing escape and non-GSM octets")
    void lenientDecode() {
        assertThat(Gsm7.decodeUnpacked(new byte[] {0x1B, 0x41, 0x42})).isEqualTo("AB");
        assertThat(Gsm7.decodeUnpacked(new byte[] {0x41, 0x1B})).isEqualTo("A");
        assertThat(Gsm7.decodeUnpacked(new byte[] {0x41, (byte) 0xC0})).isEqualTo("A?");
    }
}
