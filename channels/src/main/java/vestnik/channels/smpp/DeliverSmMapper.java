package vestnik.channels.smpp;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import vestnik.channels.spi.InboundEvent;
import vestnik.channels.spi.MessageStatus;
import vestnik.channels.spi.Sender;
import vestnik.templates.sms.Gsm7;
import vestnik.templates.sms.Ucs2;

/**
 * Reads one deliver_sm into what it tells us: a delivery receipt becomes a {@link InboundEvent.StatusUpdate}
 * carrying the message id exactly as the SMSC wrote it (the gateway matches hex and decimal forms), anything else
 * is a debtor's message. A part of a concatenated message becomes one event with its {@link InboundEvent.Fragment};
 * the gateway reassembles, since the parts may arrive on different binds and out of order.
 */
public final class DeliverSmMapper {

    /** esm_class message type bits 5-2; 0x04 = SMSC delivery receipt. */
    private static final int MESSAGE_TYPE_MASK = 0x3C;
    private static final int SMSC_DELIVERY_RECEIPT = 0x04;
    private static final int TON_INTERNATIONAL = 1;

    /** What became of a deliver_sm: an event to store, or a reason it is acknowledged and dropped. */
    public sealed interface Outcome {
        record Event(InboundEvent event) implements Outcome {
        }

        record Ignored(String reason) implements Outcome {
        }
    }

    private final String channelId;

    public DeliverSmMapper(String channelId) {
        this.channelId = channelId;
    }

    public Outcome map(DeliverSm pdu, Instant now) {
        if (isReceipt(pdu.getEsmClass())) {
            return receipt(pdu, now);
        }
        return new Outcome.Event(message(pdu, now));
    }

    public static boolean isReceipt(int esmClass) {
        return (esmClass & MESSAGE_TYPE_MASK) == SMSC_DELIVERY_RECEIPT;
    }

    private Outcome receipt(DeliverSm pdu, Instant now) {
        String tlvId = null;
        if (pdu.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID)
                instanceof OptionalParameter.OctetString id) {
            tlvId = cString(id.getValue());
        }
        Integer tlvState = null;
        if (pdu.getOptionalParameter(OptionalParameter.Tag.MESSAGE_STATE) instanceof OptionalParameter.Byte state) {
            tlvState = state.getValue() & 0xFF;
        }
        Optional<DeliveryReceipt> parsed = DeliveryReceiptParser.parse(pdu.getShortMessage(), tlvId, tlvState);
        if (parsed.isEmpty()) {
            return new Outcome.Ignored("receipt without a readable id and state");
        }
        DeliveryReceipt receipt = parsed.get();
        Optional<MessageStatus> status = SmppStatusMapper.fromStat(receipt.stat());
        if (status.isEmpty()) {
            return new Outcome.Ignored("receipt state " + receipt.stat() + " is not final");
        }
        String detail = "stat=" + receipt.stat() + (receipt.err() == null ? "" : " err=" + receipt.err());
        return new Outcome.Event(new InboundEvent.StatusUpdate(
                channelId, receipt.id(), status.get(), receipt.err(), detail, now));
    }

    private InboundEvent.InboundMessage message(DeliverSm pdu, Instant now) {
        byte[] shortMessage = pdu.getShortMessage() == null ? new byte[0] : pdu.getShortMessage();
        if (shortMessage.length == 0
                && pdu.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD)
                instanceof OptionalParameter.OctetString payload) {
            shortMessage = payload.getValue();
        }
        Optional<Concatenation.Part> part = Optional.empty();
        int headerLength = 0;
        if ((pdu.getEsmClass() & Concatenation.UDHI) != 0) {
            headerLength = Concatenation.headerLength(shortMessage);
            part = Concatenation.parseUdh(shortMessage);
        }
        if (part.isEmpty()) {
            part = Concatenation.fromSar(
                    shortTlv(pdu, OptionalParameter.Tag.SAR_MSG_REF_NUM),
                    byteTlv(pdu, OptionalParameter.Tag.SAR_TOTAL_SEGMENTS),
                    byteTlv(pdu, OptionalParameter.Tag.SAR_SEGMENT_SEQNUM));
        }
        byte[] body = Arrays.copyOfRange(shortMessage, headerLength, shortMessage.length);
        String text = decodeText(pdu.getDataCoding() & 0xFF, body);
        String source = pdu.getSourceAddr() == null ? "" : pdu.getSourceAddr();
        String from = pdu.getSourceAddrTon() == TON_INTERNATIONAL && !source.startsWith("+") ? "+" + source : source;
        InboundEvent.Fragment fragment = part
                .map(p -> new InboundEvent.Fragment(String.valueOf(p.reference()), p.total(), p.seq()))
                .orElse(null);
        return new InboundEvent.InboundMessage(channelId, null, Sender.phone(from), pdu.getDestAddress(), text, now,
                null, fragment, Map.of());
    }

    /**
     * Text by SMPP data_coding: 0 the GSM 03.38 default alphabet (unpacked), 1 ASCII, 3 Latin-1, 8 UCS-2; the GSM
     * "general data coding" values with a message class (0x1x) by their alphabet bits; anything else as Latin-1,
     * which never fails and keeps ASCII readable.
     */
    static String decodeText(int dataCoding, byte[] octets) {
        switch (dataCoding) {
            case 0x00:
                return Gsm7.decodeUnpacked(octets);
            case 0x01:
                return new String(octets, StandardCharsets.US_ASCII);
            case 0x03:
                return new String(octets, StandardCharsets.ISO_8859_1);
            case 0x08:
                return Ucs2.decode(octets);
            default:
                if ((dataCoding & 0xF0) == 0x10 || (dataCoding & 0xF0) == 0xF0) {
                    int alphabet = (dataCoding >> 2) & 0x03;
                    if (alphabet == 0) {
                        return Gsm7.decodeUnpacked(octets);
                    }
                    if (alphabet == 2 && (dataCoding & 0xF0) == 0x10) {
                        return Ucs2.decode(octets);
                    }
                }
                return new String(octets, StandardCharsets.ISO_8859_1);
        }
    }

    private static String cString(byte[] value) {
        int end = 0;
        while (end < value.length && value[end] != 0) {
            end++;
        }
        return new String(value, 0, end, StandardCharsets.ISO_8859_1);
    }

    private static Integer shortTlv(DeliverSm pdu, OptionalParameter.Tag tag) {
        return pdu.getOptionalParameter(tag) instanceof OptionalParameter.Short s ? s.getValue() & 0xFFFF : null;
    }

    private static Integer byteTlv(DeliverSm pdu, OptionalParameter.Tag tag) {
        return pdu.getOptionalParameter(tag) instanceof OptionalParameter.Byte b ? b.getValue() & 0xFF : null;
    }
}
