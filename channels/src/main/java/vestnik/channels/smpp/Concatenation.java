package vestnik.channels.smpp;

import java.util.Arrays;
import java.util.Optional;

/**
 * Long-message concatenation as SMPP carries it. Outbound we always use a UDH with an 8-bit reference
 * ({@code 05 00 03 ref total seq}, esm_class UDHI 0x40): the gateway then knows the exact part count. Inbound a
 * handset's message may come with an 8-bit (IEI 0x00) or 16-bit (IEI 0x08) reference UDH, or with the SAR TLVs
 * 0x020C/0x020E/0x020F instead.
 */
public final class Concatenation {

    /** esm_class bit: short_message starts with a user data header. */
    public static final int UDHI = 0x40;
    public static final int UDH_8BIT_LENGTH = 6;

    private static final int IEI_CONCAT_8BIT = 0x00;
    private static final int IEI_CONCAT_16BIT = 0x08;

    /**
     * One part of a concatenated message. {@code headerLength} is how many octets of short_message the UDH took
     * (0 for SAR TLVs), so the caller can decode the text that follows.
     */
    public record Part(int reference, int total, int seq, int headerLength) {
    }

    private Concatenation() {
    }

    /** {@code 05 00 03 ref total seq}; ref is taken modulo 256, seq is 1-based. */
    public static byte[] udh8(int reference, int total, int seq) {
        if (total < 1 || total > 255 || seq < 1 || seq > total) {
            throw new IllegalArgumentException("part " + seq + " of " + total);
        }
        return new byte[] {0x05, IEI_CONCAT_8BIT, 0x03, (byte) reference, (byte) total, (byte) seq};
    }

    /** The UDH followed by the part's encoded text. */
    public static byte[] withUdh8(int reference, int total, int seq, byte[] text) {
        byte[] udh = udh8(reference, total, seq);
        byte[] out = Arrays.copyOf(udh, udh.length + text.length);
        System.arraycopy(text, 0, out, udh.length, text.length);
        return out;
    }

    /**
     * Length of the user data header at the start of short_message (UDHL + 1), or 0 when there is none or it is
     * malformed (longer than the message).
     */
    public static int headerLength(byte[] shortMessage) {
        if (shortMessage == null || shortMessage.length == 0) {
            return 0;
        }
        int length = (shortMessage[0] & 0xFF) + 1;
        return length <= shortMessage.length ? length : 0;
    }

    /**
     * Finds a concatenation element in the UDH at the start of short_message (the caller has seen UDHI set).
     * Other elements (ports, national language tables) are skipped; the part still reports the full header length.
     */
    public static Optional<Part> parseUdh(byte[] shortMessage) {
        int headerLength = headerLength(shortMessage);
        if (headerLength == 0) {
            return Optional.empty();
        }
        int i = 1;
        while (i + 1 < headerLength) {
            int iei = shortMessage[i] & 0xFF;
            int length = shortMessage[i + 1] & 0xFF;
            int data = i + 2;
            if (data + length > headerLength) {
                return Optional.empty();
            }
            if (iei == IEI_CONCAT_8BIT && length == 3) {
                return part(shortMessage[data] & 0xFF, shortMessage[data + 1] & 0xFF, shortMessage[data + 2] & 0xFF,
                        headerLength);
            }
            if (iei == IEI_CONCAT_16BIT && length == 4) {
                int reference = ((shortMessage[data] & 0xFF) << 8) | (shortMessage[data + 1] & 0xFF);
                return part(reference, shortMessage[data + 2] & 0xFF, shortMessage[data + 3] & 0xFF, headerLength);
            }
            i = data + length;
        }
        return Optional.empty();
    }

    /** A part described by the SAR TLVs sar_msg_ref_num, sar_total_segments and sar_segment_seqnum; any null = none. */
    public static Optional<Part> fromSar(Integer reference, Integer total, Integer seq) {
        if (reference == null || total == null || seq == null) {
            return Optional.empty();
        }
        return part(reference & 0xFFFF, total & 0xFF, seq & 0xFF, 0);
    }

    private static Optional<Part> part(int reference, int total, int seq, int headerLength) {
        // a "1 of 1" or an inconsistent header is not something to reassemble
        if (total < 2 || seq < 1 || seq > total) {
            return Optional.empty();
        }
        return Optional.of(new Part(reference, total, seq, headerLength));
    }
}
