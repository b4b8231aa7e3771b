package vestnik.channels.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.OptionalParameters;
import org.jsmpp.util.DefaultDecomposer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vestnik.channels.spi.InboundEvent;
import vestnik.channels.spi.MessageStatus;
import vestnik.channels.testing.Fixtures;
import vestnik.templates.sms.Gsm7;
import vestnik.templates.sms.Ucs2;

class DeliverSmMapperTest {

    private static final Instant NOW = Instant.parse("2025-01-15T11:33:00Z");
    private final DeliverSmMapper mapper = new DeliverSmMapper("sms");

    @Test
    @DisplayName("the receipt fixture becomes a DELIVERED status update for id 6D5C7B1A")
    void receiptFixture() throws Exception {
        DeliverSm pdu = new DefaultDecomposer().deliverSm(
                Fixtures.pduHex("smpp-deliver-sm-dlr-pdu.txt", "deliver_sm_dlr"));

        InboundEvent.StatusUpdate update = statusUpdate(mapper.map(pdu, NOW));

        assertThat(update).isEqualTo(new InboundEvent.StatusUpdate(
                "sms", "6D5C7B1A", MessageStatus.DELIVERED, "000", "stat=DELIVRD err=000", NOW));
    }

    @Test
    @DisplayName("the MO fixture becomes the debtor's 'СТОП' from +79161234567 to the short code")
    void moFixture() throws Exception {
        DeliverSm pdu = new DefaultDecomposer().deliverSm(Fixtures.pduHex("smpp-deliver-sm-mo-pdu.txt", "deliver_sm_mo"));

        InboundEvent.InboundMessage mo = message(mapper.map(pdu, NOW));

        assertThat(mo.channelId()).isEqualTo("sms");
        assertThat(mo.from().phone()).isEqualTo("+79161234567");
        assertThat(mo.to()).isEqualTo("7755");
        assertThat(mo.text()).isEqualTo("СТОП");
        assertThat(mo.fragment()).isNull();
        assertThat(mo.providerMessageId()).isNull();
        assertThat(mo.at()).isEqualTo(NOW);
    }

    @Test
    @DisplayName("an UNDELIV receipt is a FAILED update whose detail keeps stat and err")
    void undelivered() {
        DeliverSm pdu = receipt("id:1840437146 sub:001 dlvrd:000 submit date:2501151432 done date:2501151432 "
                + "stat:UNDELIV err:001 text:");

        InboundEvent.StatusUpdate update = statusUpdate(mapper.map(pdu, NOW));

        assertThat(update.providerId()).isEqualTo("1840437146");
        assertThat(update.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(update.errorCode()).isEqualTo("001");
        assertThat(update.detail()).isEqualTo("stat=UNDELIV err=001");
    }

    @Test
    @DisplayName("a receipt with TLVs only uses receipted_message_id and message_state")
    void tlvOnlyReceipt() {
        DeliverSm pdu = Pdus.deliverSm(1, "79161234567", "VESTNIK", 0x04, 0, new byte[0],
                new OptionalParameter.Receipted_message_id("6D5C7B1A"),
                new OptionalParameter.Message_state((byte) 3));

        InboundEvent.StatusUpdate update = statusUpdate(mapper.map(pdu, NOW));

        assertThat(update.providerId()).isEqualTo("6D5C7B1A");
        assertThat(update.status()).isEqualTo(MessageStatus.EXPIRED);
        assertThat(update.detail()).isEqualTo("stat=EXPIRED");
    }

    @Test
    @DisplayName("ACCEPTD and ENROUTE receipts are acknowledged and dropped, as is an unreadable receipt")
    void ignoredReceipts() {
        assertThat(mapper.map(receipt("id:1 sub:001 dlvrd:000 submit date:2501151432 done date:2501151432 "
                + "stat:ENROUTE err:000"), NOW)).isInstanceOf(DeliverSmMapper.Outcome.Ignored.class);
        assertThat(mapper.map(receipt("id:1 sub:001 dlvrd:000 submit date:2501151432 done date:2501151432 "
                + "stat:ACCEPTD err:000"), NOW)).isInstanceOf(DeliverSmMapper.Outcome.Ignored.class);
        assertThat(mapper.map(receipt("garbage"), NOW)).isInstanceOf(DeliverSmMapper.Outcome.Ignored.class);
    }

    @Test
    @DisplayName("a concatenated UCS2 MO part carries its fragment and only its own text, without the UDH")
    void concatenatedPart() {
        byte[] sm = Concatenation.withUdh8(0x2A, 2, 2, Ucs2.encode("получения."));
        DeliverSm pdu = Pdus.deliverSm(1, "79161234567", "7755", 0x40, 0x08, sm);

        InboundEvent.InboundMessage mo = message(mapper.map(pdu, NOW));

        assertThat(mo.text()).isEqualTo("получения.");
        assertThat(mo.fragment()).isEqualTo(new InboundEvent.Fragment("42", 2, 2));
    }

    @Test
    @DisplayName("SAR TLVs mark a part just like a UDH does")
    void sarPart() {
        DeliverSm pdu = Pdus.deliverSm(1, "79161234567", "7755", 0x00, 0x00, Gsm7.encodeUnpacked("part one"),
                OptionalParameters.newSarMsgRefNum((short) 0x1234), OptionalParameters.newSarTotalSegments(3),
                OptionalParameters.newSarSegmentSeqnum(1));

        InboundEvent.InboundMessage mo = message(mapper.map(pdu, NOW));

        assertThat(mo.text()).isEqualTo("part one");
        assertThat(mo.fragment()).isEqualTo(new InboundEvent.Fragment("4660", 3, 1));
    }

    @Test
    @DisplayName("GSM7 MO text decodes extension characters; Latin-1 and alphanumeric senders are kept as is")
    void encodingsAndSenders() {
        InboundEvent.InboundMessage gsm = message(mapper.map(
                Pdus.deliverSm(1, "79161234567", "7755", 0, 0x00, Gsm7.encodeUnpacked("Paid 100€ [ok] @home")), NOW));
        InboundEvent.InboundMessage latin = message(mapper.map(
                Pdus.deliverSm(5, "MTS", "7755", 0, 0x03, "Café".getBytes(StandardCharsets.ISO_8859_1)), NOW));

        assertThat(gsm.text()).isEqualTo("Paid 100€ [ok] @home");
        assertThat(latin.text()).isEqualTo("Café");
        assertThat(latin.from().phone()).isEqualTo("MTS");
    }

    @Test
    @DisplayName("a deliver_sm with esm_class 0x44 is a receipt, one with 0x40 is an MO")
    void esmClassDecidesTheKind() {
        assertThat(DeliverSmMapper.isReceipt(0x04)).isTrue();
        assertThat(DeliverSmMapper.isReceipt(0x44)).isTrue();
        assertThat(DeliverSmMapper.isReceipt(0x40)).isFalse();
        assertThat(DeliverSmMapper.isReceipt(0x00)).isFalse();
        assertThat(DeliverSmMapper.isReceipt(0x08)).isFalse();
    }

    private static DeliverSm receipt(String text) {
        return Pdus.deliverSm(1, "79161234567", "VESTNIK", 0x04, 0, text.getBytes(StandardCharsets.US_ASCII));
    }

    private static InboundEvent.StatusUpdate statusUpdate(DeliverSmMapper.Outcome outcome) {
        assertThat(outcome).isInstanceOf(DeliverSmMapper.Outcome.Event.class);
        InboundEvent event = ((DeliverSmMapper.Outcome.Event) outcome).event();
        assertThat(event).isInstanceOf(InboundEvent.StatusUpdate.class);
        return (InboundEvent.StatusUpdate) event;
    }

    private static InboundEvent.InboundMessage message(DeliverSmMapper.Outcome outcome) {
        assertThat(outcome).isInstanceOf(DeliverSmMapper.Outcome.Event.class);
        InboundEvent event = ((DeliverSmMapper.Outcome.Event) outcome).event();
        assertThat(event).isInstanceOf(InboundEvent.InboundMessage.class);
        return (InboundEvent.InboundMessage) event;
    }
}
