package vestnik.channels.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.util.DefaultComposer;
import org.jsmpp.util.DefaultDecomposer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vestnik.channels.testing.Fixtures;
import vestnik.templates.sms.SmsSegmenter;

class SubmitSmMapperTest {

    private static final String UCS2_FIXTURE = "smpp-submit-sm-ucs2-concat-udh-pdu.txt";
    /** The fixtures' sender: an alphanumeric name, so TON 5 / NPI 0; destinations are international. */
    private final SubmitSmMapper mapper = new SubmitSmMapper("", "MyShop", 5, 0, 1, 1);

    @Test
    @DisplayName("a short GSM7 text composes to exactly the fixture's submit_sm")
    void gsm7MatchesFixture() throws Exception {
        List<SubmitSmFields> parts = mapper.map(null, "+79161234567", SmsSegmenter.split("Your code is 4821"), 0, "");

        assertThat(parts).hasSize(1);
        SubmitSmFields f = parts.get(0);
        assertThat(f.destinationAddr()).isEqualTo("79161234567");
        assertThat(f.esmClass()).isZero();
        assertThat(f.registeredDelivery()).isEqualTo(1);
        assertThat(f.dataCoding()).isZero();
        assertThat(compose(2, f)).isEqualTo(Fixtures.pduHex("smpp-submit-sm-gsm7-pdu.txt", "submit_sm_gsm7"));
    }

    @Test
    @DisplayName("the fixture's 98-character Cyrillic text composes to its two concatenated UCS2 parts")
    void ucs2ConcatenationMatchesFixture() throws Exception {
        List<SubmitSmFields> parts = mapper.map(null, "+79161234567", SmsSegmenter.split(fixtureText()), 0x2A, "");

        assertThat(parts).hasSize(2);
        assertThat(parts).allSatisfy(p -> {
            assertThat(p.esmClass()).isEqualTo(0x40);
            assertThat(p.dataCoding()).isEqualTo(0x08);
            assertThat(p.registeredDelivery()).isEqualTo(1);
        });
        assertThat(parts.get(0).shortMessage()).hasSize(140);
        assertThat(parts.get(1).shortMessage()).hasSize(68);
        assertThat(compose(3, parts.get(0))).isEqualTo(Fixtures.pduHex(UCS2_FIXTURE, "submit_sm_ucs2_udh_part1"));

        // the fixture asks for a receipt on part 1 only; we ask on every part, which is the one octet that differs
        byte[] ours = compose(4, parts.get(1));
        byte[] fixture = Fixtures.pduHex(UCS2_FIXTURE, "submit_sm_ucs2_udh_part2");
        SubmitSm decoded = new DefaultDecomposer().submitSm(fixture);
        assertThat(decoded.getRegisteredDelivery()).isZero();
        int registeredDeliveryOffset = 16 + 1 + 2 + "MyShop".length() + 1 + 2 + "79161234567".length() + 1 + 3 + 1 + 1;
        assertThat(fixture[registeredDeliveryOffset]).isZero();
        assertThat(ours[registeredDeliveryOffset]).isEqualTo((byte) 1);
        fixture[registeredDeliveryOffset] = 1;
        assertThat(ours).isEqualTo(fixture);
    }

    @Test
    @DisplayName("a per-message numeric sender goes as international digits, a name as alphanumeric")
    void perMessageSender() {
        SubmitSmFields numeric = mapper.map("+74951234567", "79161234567", SmsSegmenter.split("x"), 0, "").get(0);
        SubmitSmFields name = mapper.map("Zhilkom", "79161234567", SmsSegmenter.split("x"), 0, "").get(0);

        assertThat(numeric.sourceAddr()).isEqualTo("74951234567");
        assertThat(numeric.sourceAddrTon()).isEqualTo(1);
        assertThat(numeric.sourceAddrNpi()).isEqualTo(1);
        assertThat(name.sourceAddr()).isEqualTo("Zhilkom");
        assertThat(name.sourceAddrTon()).isEqualTo(5);
        assertThat(name.sourceAddrNpi()).isZero();
    }

    @Test
    @DisplayName("three GSM7 parts share one reference and number themselves 1..3")
    void gsm7ThreeParts() {
        List<SubmitSmFields> parts = mapper.map(null, "+79161234567", SmsSegmenter.split("a".repeat(307)), 0x101, "");

        assertThat(parts).extracting(p -> p.shortMessage()[5]).containsExactly((byte) 1, (byte) 2, (byte) 3);
        assertThat(parts).allSatisfy(p -> {
            assertThat(p.shortMessage()[3]).isEqualTo((byte) 0x01);
            assertThat(p.shortMessage()[4]).isEqualTo((byte) 3);
        });
        assertThat(parts.get(0).shortMessage()).hasSize(6 + 153);
        assertThat(parts.get(2).shortMessage()).hasSize(6 + 1);
    }

    @Test
    @DisplayName("an expiry becomes a relative validity period, capped at 99 days; none means the SMSC default")
    void validity() {
        Instant now = Instant.parse("2025-01-15T10:00:00Z");

        assertThat(SubmitSmMapper.validityPeriod(null, now)).isEmpty();
        assertThat(SubmitSmMapper.validityPeriod(now.plus(Duration.ofHours(26).plusMinutes(5).plusSeconds(7)), now))
                .isEqualTo("000001020507000R");
        assertThat(SubmitSmMapper.validityPeriod(now.plus(Duration.ofDays(400)), now)).isEqualTo("000099000000000R");
        assertThat(SubmitSmMapper.validityPeriod(now.plusMillis(10), now)).isEqualTo("000000000001000R");
    }

    private static byte[] compose(int sequence, SubmitSmFields f) throws Exception {
        return new DefaultComposer().submitSm(sequence, f.serviceType(), (byte) f.sourceAddrTon(),
                (byte) f.sourceAddrNpi(), f.sourceAddr(), (byte) f.destAddrTon(), (byte) f.destAddrNpi(),
                f.destinationAddr(), (byte) f.esmClass(), (byte) f.protocolId(), (byte) f.priorityFlag(),
                f.scheduleDeliveryTime(), f.validityPeriod(), (byte) f.registeredDelivery(),
                (byte) f.replaceIfPresentFlag(), (byte) f.dataCoding(), (byte) f.smDefaultMsgId(), f.shortMessage());
    }

    private static String fixtureText() {
        Matcher m = Pattern.compile("Text \\(98 chars\\): '([^']+)'").matcher(Fixtures.text(UCS2_FIXTURE));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
