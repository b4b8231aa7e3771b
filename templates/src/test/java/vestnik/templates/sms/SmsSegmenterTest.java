package vestnik.templates.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SmsSegmenterTest {

    private static final String UCS2_FIXTURE = "smpp-submit-sm-ucs2-concat-udh-pdu.txt";

    @Test
    @DisplayName("160 GSM7 characters are one SMS, 161 are two parts of 153 and 8")
    void gsm7SingleLimit() {
        SmsSplit single = SmsSegmenter.split("a".repeat(160));
        assertThat(single.encoding()).isEqualTo(SmsEncoding.GSM7);
        assertThat(single.partCount()).isEqualTo(1);
        assertThat(single.charsPerPart()).isEqualTo(160);
        assertThat(single.units()).isEqualTo(160);
        assertThat(single.remainingInLastPart()).isZero();

        SmsSplit two = SmsSegmenter.split("a".repeat(161));
        assertThat(two.partCount()).isEqualTo(2);
        assertThat(two.charsPerPart()).isEqualTo(153);
        assertThat(two.parts()).extracting(String::length).containsExactly(153, 8);
        assertThat(two.remainingInLastPart()).isEqualTo(145);
    }

    @Test
    @DisplayName("GSM7 parts hold 153 septets: 306 characters are two parts, 307 are three")
    void gsm7PartLimit() {
        assertThat(SmsSegmenter.split("b".repeat(306)).parts()).extracting(String::length).containsExactly(153, 153);
        assertThat(SmsSegmenter.split("b".repeat(307)).parts()).extracting(String::length)
                .containsExactly(153, 153, 1);
        assertThat(SmsSegmenter.split("b".repeat(154)).partCount())
                .as("154 septets still fit one SMS: the 153 limit only applies once a text is concatenated")
                .isEqualTo(1);
    }

    @Test
    @DisplayName("extension characters count two septets: 80 euro signs are one SMS, 81 are two")
    void extensionCountsTwo() {
        SmsSplit single = SmsSegmenter.split("€".repeat(80));
        assertThat(single.units()).isEqualTo(160);
        assertThat(single.partCount()).isEqualTo(1);

        SmsSplit two = SmsSegmenter.split("€".repeat(81));
        assertThat(two.units()).isEqualTo(162);
        assertThat(two.parts()).extracting(String::length).containsExactly(76, 5);
    }

    @Test
    @DisplayName("an escape pair that would straddle septet 153 moves whole to the next part")
    void escapePairNotSplit() {
        SmsSplit split = SmsSegmenter.split("a".repeat(152) + "€" + "b".repeat(20));
        assertThat(split.parts()).containsExactly("a".repeat(152), "€" + "b".repeat(20));
        assertThat(Gsm7.septets(split.parts().get(0))).isEqualTo(152);

        SmsSplit exact = SmsSegmenter.split("a".repeat(151) + "€" + "b".repeat(20));
        assertThat(exact.parts()).containsExactly("a".repeat(151) + "€", "b".repeat(20));
        assertThat(Gsm7.septets(exact.parts().get(0))).isEqualTo(153);
    }

    @Test
    @DisplayName("70 Cyrillic characters are one UCS2 SMS, 71 are two parts of 67 and 4")
    void cyrillic() {
        SmsSplit single = SmsSegmenter.split("Ж".repeat(70));
        assertThat(single.encoding()).isEqualTo(SmsEncoding.UCS2);
        assertThat(single.partCount()).isEqualTo(1);
        assertThat(single.charsPerPart()).isEqualTo(70);

        SmsSplit two = SmsSegmenter.split("Ж".repeat(71));
        assertThat(two.charsPerPart()).isEqualTo(67);
        assertThat(two.parts()).extracting(String::length).containsExactly(67, 4);
        assertThat(two.units()).isEqualTo(71);
    }

    @Test
    @DisplayName("the fixture's 98-character text splits into 67 + 31 with exactly the fixture's part octets")
    void fixtureConcatenation() {
        Matcher m = Pattern.compile("Text \\(98 chars\\): '([^']+)'").matcher(Fixtures.read(UCS2_FIXTURE));
        assertThat(m.find()).isTrue();
        String text = m.group(1);

        SmsSplit split = SmsSegmenter.split(text);

        assertThat(split.encoding()).isEqualTo(SmsEncoding.UCS2);
        assertThat(split.units()).isEqualTo(98);
        assertThat(split.parts()).extracting(String::length).containsExactly(67, 31);
        assertThat(Ucs2.encode(split.parts().get(0))).isEqualTo(lastOctets("submit_sm_ucs2_udh_part1", 134));
        assertThat(Ucs2.encode(split.parts().get(1))).isEqualTo(lastOctets("submit_sm_ucs2_udh_part2", 62));
    }

    @Test
    @DisplayName("one GSM-incompatible character turns the whole text into UCS2")
    void oneCharacterDecidesTheAlphabet() {
        SmsSplit split = SmsSegmenter.split("a".repeat(100) + "ы");
        assertThat(split.encoding()).isEqualTo(SmsEncoding.UCS2);
        assertThat(split.parts()).extracting(String::length).containsExactly(67, 34);
    }

    @Test
    @DisplayName("an emoji counts two UTF-16 units and is never cut between its surrogates")
    void emoji() {
        SmsSplit alone = SmsSegmenter.split("😀");
        assertThat(alone.encoding()).isEqualTo(SmsEncoding.UCS2);
        assertThat(alone.units()).isEqualTo(2);
        assertThat(alone.partCount()).isEqualTo(1);

        String text = "Д".repeat(66) + "😀" + "Е".repeat(10);
        SmsSplit split = SmsSegmenter.split(text);
        assertThat(split.units()).isEqualTo(78);
        assertThat(split.parts()).containsExactly("Д".repeat(66), "😀" + "Е".repeat(10));
        assertThat(String.join("", split.parts())).isEqualTo(text);
    }

    @Test
    @DisplayName("an empty text is one empty GSM7 part of zero units")
    void empty() {
        SmsSplit split = SmsSegmenter.split("");
        assertThat(split.encoding()).isEqualTo(SmsEncoding.GSM7);
        assertThat(split.parts()).containsExactly("");
        assertThat(split.units()).isZero();
        assertThat(split.charsPerPart()).isEqualTo(160);
    }

    @Test
    @DisplayName("the encodings carry their SMPP data_coding values and limits")
    void encodings() {
        assertThat(SmsEncoding.GSM7.dataCoding()).isEqualTo(0x00);
        assertThat(SmsEncoding.UCS2.dataCoding()).isEqualTo(0x08);
        assertThat(SmsEncoding.GSM7.singleLimit()).isEqualTo(160);
        assertThat(SmsEncoding.GSM7.partLimit()).isEqualTo(153);
        assertThat(SmsEncoding.UCS2.singleLimit()).isEqualTo(70);
        assertThat(SmsEncoding.UCS2.partLimit()).isEqualTo(67);
    }

    private static byte[] lastOctets(String pdu, int count) {
        byte[] octets = Fixtures.pduHex(UCS2_FIXTURE, pdu);
        return Arrays.copyOfRange(octets, octets.length - count, octets.length);
    }
}
