package vestnik.loadtest.smsc;

/** Where a receipt's id and state travel: the Appendix B text, the TLVs 0x001E/0x0427, or both. */
public enum ReceiptCarrier {
    TEXT_ONLY,
    TLV_ONLY,
    BOTH;

    boolean text() {
        return this != TLV_ONLY;
    }

    boolean tlv() {
        return this != TEXT_ONLY;
    }
}
