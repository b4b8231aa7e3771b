package vestnik.templates.sms;

/**
 * The two alphabets an SMS is sent in. Limits are in the encoding's own units: septets for GSM 7-bit
 * (an extension character costs two), UTF-16 code units for UCS-2 (an emoji costs two). A part of a
 * concatenated message loses room to the 6-octet user data header (8-bit reference).
 */
public enum SmsEncoding {
    GSM7(160, 153, 0x00),
    UCS2(70, 67, 0x08);

    private final int singleLimit;
    private final int partLimit;
    private final int dataCoding;

    SmsEncoding(int singleLimit, int partLimit, int dataCoding) {
        this.singleLimit = singleLimit;
        this.partLimit = partLimit;
        this.dataCoding = dataCoding;
    }

    /** Units that fit in a message sent as one SMS. */
    public int singleLimit() {
        return singleLimit;
    }

    /** Units that fit in one part of a concatenated message (after the 6-octet UDH). */
    public int partLimit() {
        return partLimit;
    }

    /** The SMPP {@code data_coding} value: 0x00 SMSC default alphabet (GSM 03.38), 0x08 UCS-2. */
    public int dataCoding() {
        return dataCoding;
    }
}
