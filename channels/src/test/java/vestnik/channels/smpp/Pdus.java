package vestnik.channels.smpp;

import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.util.DefaultComposer;
import org.jsmpp.util.DefaultDecomposer;

/** Builds deliver_sm beans the way they arrive: composed to bytes by jSMPP, then decoded again. */
final class Pdus {

    private Pdus() {
    }

    static DeliverSm deliverSm(int sourceTon, String source, String destination, int esmClass, int dataCoding,
            byte[] shortMessage, OptionalParameter... tlvs) {
        try {
            byte[] pdu = new DefaultComposer().deliverSm(1, "", (byte) sourceTon, (byte) 1, source, (byte) 0,
                    (byte) 1, destination, (byte) esmClass, (byte) 0, (byte) 0, (byte) 0, (byte) dataCoding,
                    shortMessage, tlvs);
            return new DefaultDecomposer().deliverSm(pdu);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
