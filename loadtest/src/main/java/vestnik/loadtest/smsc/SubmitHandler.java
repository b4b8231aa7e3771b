package vestnik.loadtest.smsc;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.ServerResponseDeliveryAdapter;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;

/**
 * Answers submit_sm as scripted and queues the receipt. A receipt normally follows the response (it is sent once
 * jSMPP reports submit_sm_resp written); scripted "receipt first", it is delivered, and acknowledged, before
 * the response leaves. Only submit_sm is supported; other operations are refused with ESME_RINVCMDID.
 */
final class SubmitHandler extends ServerResponseDeliveryAdapter implements ServerMessageReceiverListener {

    private static final int RECEIPT_REQUESTED = 0x03;
    private static final Duration DROP_GRACE = Duration.ofMillis(100);

    private final SmscScript script;
    private final SmscRecorder recorder;
    private final Deliverer deliverer;
    private final ScheduledExecutorService receiptPool;
    private final Executor control;
    private final Runnable dropAll;
    private final AtomicLong ids;
    private final AtomicLong submitsSeen = new AtomicLong();
    /** Submits still to answer before every connection is dropped; negative when no drop is scheduled. */
    final AtomicInteger dropAfter = new AtomicInteger(-1);
    /** Submits still to accept before every later one is refused with {@link #refuseStatus}; negative = off. */
    final AtomicInteger refuseAfter = new AtomicInteger(-1);
    volatile int refuseStatus;
    /** Set between the last answered submit and the drop: later submits go unanswered, lost with the link. */
    private volatile boolean dropping;
    private final Map<String, Deliverer.PendingReceipt> awaitingResponse = new ConcurrentHashMap<>();

    SubmitHandler(SmscScript script, SmscRecorder recorder, Deliverer deliverer, ScheduledExecutorService receiptPool,
            Executor control, Runnable dropAll, long firstId) {
        this.script = script;
        this.recorder = recorder;
        this.deliverer = deliverer;
        this.receiptPool = receiptPool;
        this.control = control;
        this.dropAll = dropAll;
        this.ids = new AtomicLong(firstId);
    }

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession session) throws ProcessRequestException {
        recorder.submitStarted();
        recorder.submitCount.incrementAndGet();
        boolean answered = false;
        try {
            if (dropping) {
                record(submit, null, ReceivedSubmit.UNANSWERED);
                answered = true;
                awaitDrop();
                throw new ProcessRequestException("link dropped", SMPPConstant.STAT_ESME_RSYSERR);
            }
            Duration delay = script.submitDelay;
            if (!delay.isZero()) {
                sleep(delay);
            }
            String destination = submit.getDestAddress();
            Integer rejection = destination == null ? null : script.rejectByDestination.get(destination);
            int every = script.throttleEvery;
            long n = submitsSeen.incrementAndGet();
            if (rejection == null && every > 0 && n % every == 0) {
                rejection = script.throttleStatus;
            }
            if (rejection == null && refuseAfter.getAndUpdate(left -> left > 0 ? left - 1 : left) == 0) {
                rejection = refuseStatus;
            }
            if (rejection != null) {
                record(submit, null, rejection);
                answered = true;
                throw new ProcessRequestException("scripted refusal", rejection);
            }
            long id = ids.incrementAndGet();
            String messageId = script.idFormat.inResponse(id);
            record(submit, messageId, 0);
            recorder.acceptedCount.incrementAndGet();
            script.observer.submitAccepted(destination);
            if (script.receipts && (submit.getRegisteredDelivery() & RECEIPT_REQUESTED) != 0) {
                Deliverer.PendingReceipt receipt = pending(id, submit, session);
                if (script.receiptBeforeResponse) {
                    deliverer.sendReceipt(receipt);
                } else {
                    awaitingResponse.put(messageId, receipt);
                }
            }
            // counted as answered before jSMPP writes the resp: counted after, the client could already have
            // its answer and send the next submit, and the window would look one larger than it is
            answered = true;
            return new SubmitSmResult(new MessageId(messageId), new OptionalParameter[0]);
        } catch (PDUStringException e) {
            answered = true;
            throw new ProcessRequestException("message id", SMPPConstant.STAT_ESME_RSYSERR);
        } catch (RuntimeException e) {
            answered = true;
            throw e;
        } finally {
            if (answered) {
                recorder.submitAnswered();
            }
        }
    }

    @Override
    public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession session) {
        Deliverer.PendingReceipt receipt = awaitingResponse.remove(result.getMessageId());
        if (receipt != null) {
            Duration delay = script.receiptDelay;
            if (delay.isZero()) {
                receiptPool.execute(() -> deliverer.sendReceipt(receipt));
            } else {
                receiptPool.schedule(() -> deliverer.sendReceipt(receipt), delay.toNanos(), TimeUnit.NANOSECONDS);
            }
        }
        countTowardsDrop();
    }

    @Override
    public void onSubmitSmRespError(SubmitSmResult result, Exception cause, SMPPServerSession session) {
        awaitingResponse.remove(result.getMessageId());
        countTowardsDrop();
    }

    private void countTowardsDrop() {
        if (dropAfter.get() > 0 && dropAfter.decrementAndGet() == 0) {
            dropping = true;
            // Not at once and not on the session's own PDU thread: jSMPP drops a response that arrives just before
            // the connection closes, and closing joins threads of that session.
            control.execute(() -> {
                sleep(DROP_GRACE);
                dropAll.run();
                dropping = false;
            });
        }
    }

    private void awaitDrop() {
        long deadline = System.nanoTime() + DROP_GRACE.multipliedBy(10).toNanos();
        while (dropping && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(5));
        }
    }

    private void record(SubmitSm s, String messageId, int status) {
        if (!script.recording) {
            return;
        }
        byte[] sm = s.getShortMessage() == null ? new byte[0] : s.getShortMessage();
        recorder.submits.add(new ReceivedSubmit(s.getSourceAddr(), s.getSourceAddrTon(), s.getSourceAddrNpi(),
                s.getDestAddress(), s.getDestAddrTon(), s.getDestAddrNpi(), s.getEsmClass() & 0xFF,
                s.getDataCoding() & 0xFF, s.getRegisteredDelivery() & 0xFF, sm, messageId, status, Instant.now()));
    }

    private Deliverer.PendingReceipt pending(long id, SubmitSm s, SMPPServerSession session) {
        return new Deliverer.PendingReceipt(id, session, s.getSourceAddr(), s.getSourceAddrTon(),
                s.getSourceAddrNpi(), s.getDestAddress(), s.getDestAddrTon(), s.getDestAddrNpi(), textStart(s),
                script.outcomeFor(s.getDestAddress()), LocalDateTime.now());
    }

    /** The receipt's {@code text:} field: the first 20 characters, readable only for a GSM7 single part. */
    private static String textStart(SubmitSm s) {
        byte[] sm = s.getShortMessage();
        if (sm == null || s.getDataCoding() != 0 || (s.getEsmClass() & 0x40) != 0) {
            return "";
        }
        String text = new String(sm, 0, Math.min(20, sm.length), StandardCharsets.ISO_8859_1);
        return Deliverer.isPlainGsm(text) ? text : "";
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ProcessRequestException unsupported() {
        return new ProcessRequestException("not supported by the simulator", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
            throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
            SMPPServerSession source) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw unsupported();
    }
}
