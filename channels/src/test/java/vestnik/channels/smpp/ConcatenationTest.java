package vestnik.channels.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vestnik.channels.testing.Fixtures;

class ConcatenationTest {

    @Test
    @DisplayName("the outbound UDH is 05 00 03 ref total seq, as in the UCS2 fixture's first part")
    void udh8MatchesFixture() {
        byte[] pdu = Fixtures.pduHex("smpp-submit-sm-ucs2-concat-udh-pdu.txt", "submit_sm_ucs2_udh_part1");
        byte[] shortMessage = Arrays.copyOfRange(pdu, pdu.length - 140, pdu.length);

        assertThat(Concatenation.udh8(0x2A, 2, 1)).containsExactly(0x05, 0x00, 0x03, 0x2A, 0x02, 0x01);
        assertThat(Arrays.copyOf(shortMessage, 6)).isEqualTo(Concatenation.udh8(0x2A, 2, 1));
        assertThat(Concatenation.parseUdh(shortMessage)).contains(new Concatenation.Part(0x2A, 2, 1, 6));
    }

    @Test
    @DisplayName("references wrap modulo 256 and part numbers are checked")
    void udh8Bounds() {
        assertThat(Concatenation.udh8(0x1FF, 3, 3)).containsExactly(0x05, 0x00, 0x03, 0xFF, 0x03, 0x03);
        assertThatThrownBy(() -> Concatenation.udh8(1, 2, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Concatenation.udh8(1, 256, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a 16-bit reference UDH (IEI 0x08) is read with its two-octet reference")
    void udh16() {
        byte[] sm = {0x06, 0x08, 0x04, 0x12, 0x34, 0x03, 0x02, 0x41, 0x42};

        assertThat(Concatenation.parseUdh(sm)).contains(new Concatenation.Part(0x1234, 3, 2, 7));
    }

    @Test
    @DisplayName("other information elements before the concatenation element are skipped")
    void otherElementsSkipped() {
        // port addressing (IEI 0x05, 4 octets) then 8-bit concatenation
        byte[] sm = {0x0B, 0x05, 0x04, 0x0B, (byte) 0x84, 0x23, (byte) 0xF0, 0x00, 0x03, 0x07, 0x02, 0x02, 0x41};

        assertThat(Concatenation.parseUdh(sm)).contains(new Concatenation.Part(7, 2, 2, 12));
    }

    @Test
    @DisplayName("a header without concatenation, a malformed header and a part 1 of 1 give no part")
    void noPart() {
        assertThat(Concatenation.parseUdh(new byte[] {0x04, 0x05, 0x02, 0x00, 0x00, 0x41})).isEmpty();
        assertThat(Concatenation.parseUdh(new byte[] {0x20, 0x00, 0x03})).isEmpty();
        assertThat(Concatenation.headerLength(new byte[] {0x20, 0x00, 0x03})).isZero();
        assertThat(Concatenation.parseUdh(new byte[] {0x05, 0x00, 0x03, 0x01, 0x01, 0x01})).isEmpty();
        assertThat(Concatenation.parseUdh(new byte[0])).isEmpty();
    }

    @Test
    @DisplayName("SAR TLVs describe a part without any header in short_message")
    void sar() {
        assertThat(Concatenation.fromSar(0xBEEF, 3, 1)).contains(new Concatenation.Part(0xBEEF, 3, 1, 0));
        assertThat(Concatenation.fromSar(null, 3, 1)).isEmpty();
        assertThat(Concatenation.fromSar(5, 2, 3)).isEmpty();
    }
}
