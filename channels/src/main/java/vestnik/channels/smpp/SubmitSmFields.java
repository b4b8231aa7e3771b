package vestnik.channels.smpp;

/**
 * The field values of one submit_sm, in wire order (SMPP v3.4 section 4.4.1), before jSMPP composes the PDU.
 * {@code shortMessage} already holds the UDH when {@code esmClass} has UDHI (0x40).
 */
public record SubmitSmFields(
        String serviceType,
        int sourceAddrTon,
        int sourceAddrNpi,
        String sourceAddr,
        int destAddrTon,
        int destAddrNpi,
        String destinationAddr,
        int esmClass,
        int protocolId,
        int priorityFlag,
        String scheduleDeliveryTime,
        String validityPeriod,
        int registeredDelivery,
        int replaceIfPresentFlag,
        int dataCoding,
        int smDefaultMsgId,
        byte[] shortMessage) {
}
