package vestnik.loadtest.smsc;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.session.SMPPServerSession;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends deliver_sm to the ESME: delivery receipts for accepted submits, and MO messages from simulated
 * handsets. jSMPP waits for deliver_sm_resp on the calling thread, so callers run this on a pool.
 */
final class Deliverer {

    private static final DateTimeFormatter RECEIPT_DATE = DateTimeFormatter.ofPattern("yyMMddHHmm");
    private static final int ESM_RECEIPT = 0x04;
    private static final int ESM_UDHI = 0x40;
    private static final int GSM_PART = 153;
    private static final int UCS2_PART = 67;
    /** Characters whose GSM 03.38 code equals their ASCII code, so ASCII bytes are valid unpacked GSM7. */
    private static final String GSM_SAME_AS_ASCII =
            " !\"#%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\n\r";

    /** What a receipt reports on: the accepted submit and the outcome scripted for it. */
    record PendingReceipt(long id, SMPPServerSession session, String source, int sourceTon, int sourceNpi,
            String destination, int destTon, int destNpi, String textStart, ReceiptOutcome outcome,
            LocalDateTime submitted) {
    }

    /** How often and how long an undelivered receipt is tried again, as a store-and-forward SMSC does. */
    private static final long RETRY_EVERY_MS = 250;
    private static final long RETRY_FOR_MS = 5 * 60_000;

    private final SmscScript script;
    private final SmscRecorder recorder;
    private final BoundSessions sessions;
    private final ScheduledExecutorService retries;

    Deliverer(SmscScript script, SmscRecorder recorder, BoundSessions sessions, ScheduledExecutorService retries) {
        this.script = script;
        this.recorder = recorder;
        this.sessions = sessions;
        this.retries = retries;
    }

    void sendReceipt(PendingReceipt r) {
        sendReceipt(r, System.currentTimeMillis() + RETRY_FOR_MS);
    }

    /**
     * A receipt that no bound ESME took (none bound, link cut, or a negative deliver_sm_resp such as 0x08 when
     * the ESME could not store it) is kept and tried again until the deadline: real SMSCs store receipts and
     * deliver them after a re-bind, and the gateway's crash recovery relies on it.
     */
    private void sendReceipt(PendingReceipt r, long deadline) {
        MessageIdFormat format = script.idFormat;
        ReceiptCarrier carrier = script.carrier;
        String id = format.inReceipt(r.id());
        byte[] text = new byte[0];
        if (carrier.text()) {
            text = String.format("id:%s sub:001 dlvrd:%s submit date:%s done date:%s stat:%s err:%s text:%s",
                    id, r.outcome().delivered(), RECEIPT_DATE.format(r.submitted()),
                    RECEIPT_DATE.format(LocalDateTime.now()), r.outcome().name(), r.outcome().err(), r.textStart())
                    .getBytes(StandardCharsets.ISO_8859_1);
        }
        OptionalParameter[] tlvs = carrier.tlv()
                ? new OptionalParameter[] {
                    new OptionalParameter.Receipted_message_id(id),
                    new OptionalParameter.Message_state((byte) r.outcome().messageState())}
                : new OptionalParameter[0];
        // the receipt comes from the handset (the submit's destination) back to the sender
        int status = deliver(sessions.receiverFor(r.session()), r.destination(), r.destTon(), r.destNpi(),
                r.source(), r.sourceTon(), r.sourceNpi(), ESM_RECEIPT, 0x00, text, tlvs);
        recorder.deliverAnswered(new DeliverResponse(DeliverResponse.Kind.RECEIPT, id, status), script.recording);
        if (status == 0) {
            script.observer.receiptAcknowledged(r.destination());
        }
        if (status != 0 && System.currentTimeMillis() < deadline) {
            try {
                retries.schedule(() -> sendReceipt(r, deadline), RETRY_EVERY_MS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopped) {
                // the simulator is shutting down: undelivered receipts go with it
            }
        }
    }

    /** One MO message; GSM7 when every character is ASCII-compatible GSM, else UCS2. Returns the resp status. */
    int sendMo(String from, String to, String text) {
        boolean gsm = isPlainGsm(text);
        int status = deliver(sessions.receiverFor(null), withoutPlus(from), 1, 1, to, 0, 1, 0x00, gsm ? 0x00 : 0x08,
                encode(text, gsm));
        recorder.deliverAnswered(new DeliverResponse(DeliverResponse.Kind.MO, null, status), script.recording);
        return status;
    }

    /**
     * A concatenated MO (8-bit reference UDH), its parts sent in {@code partOrder} (1-based sequence numbers; all
     * parts in order when empty). Returns each part's resp status in sending order.
     */
    List<Integer> sendConcatenatedMo(String from, String to, String text, int... partOrder) {
        boolean gsm = isPlainGsm(text);
        List<String> parts = split(text, gsm ? GSM_PART : UCS2_PART);
        int total = parts.size();
        int reference = ThreadLocalRandom.current().nextInt(256);
        int[] order = partOrder.length == 0 ? java.util.stream.IntStream.rangeClosed(1, total).toArray() : partOrder;
        List<Integer> statuses = new ArrayList<>();
        for (int seq : order) {
            if (seq < 1 || seq > total) {
                throw new IllegalArgumentException("part " + seq + " of " + total);
            }
            byte[] body = encode(parts.get(seq - 1), gsm);
            byte[] sm = new byte[6 + body.length];
            sm[0] = 0x05;
            sm[1] = 0x00;
            sm[2] = 0x03;
            sm[3] = (byte) reference;
            sm[4] = (byte) total;
            sm[5] = (byte) seq;
            System.arraycopy(body, 0, sm, 6, body.length);
            int status = deliver(sessions.receiverFor(null), withoutPlus(from), 1, 1, to, 0, 1, ESM_UDHI,
                    gsm ? 0x00 : 0x08, sm);
            recorder.deliverAnswered(new DeliverResponse(DeliverResponse.Kind.MO, null, status), script.recording);
            statuses.add(status);
        }
        return statuses;
    }

    private static int deliver(SMPPServerSession session, String source, int sourceTon, int sourceNpi,
            String destination, int destTon, int destNpi, int esmClass, int dataCoding, byte[] shortMessage,
            OptionalParameter... tlvs) {
        if (session == null) {
            return DeliverResponse.NO_RESPONSE;
        }
        try {
            session.deliverShortMessage("", TypeOfNumber.valueOf((byte) sourceTon),
                    NumberingPlanIndicator.valueOf((byte) sourceNpi), source, TypeOfNumber.valueOf((byte) destTon),
                    NumberingPlanIndicator.valueOf((byte) destNpi), destination, new ESMClass(esmClass), (byte) 0,
                    (byte) 0, new RegisteredDelivery(0), dataCoding == 0 ? DataCodings.ZERO
                            : DataCodings.newInstance((byte) dataCoding), shortMessage, tlvs);
            return 0;
        } catch (NegativeResponseException e) {
            return e.getCommandStatus();
        } catch (Exception e) {
            return DeliverResponse.NO_RESPONSE;
        }
    }

    static boolean isPlainGsm(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (GSM_SAME_AS_ASCII.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] encode(String text, boolean gsm) {
        return text.getBytes(gsm ? StandardCharsets.US_ASCII : StandardCharsets.UTF_16BE);
    }

    private static List<String> split(String text, int size) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(start + size, text.length());
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            parts.add(text.substring(start, end));
            start = end;
        }
        if (parts.isEmpty()) {
            parts.add("");
        }
        return parts;
    }

    private static String withoutPlus(String number) {
        return number.startsWith("+") ? number.substring(1) : number;
    }
}
