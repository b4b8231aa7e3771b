package vestnik.loadtest.smsc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What tests observe. Counters are always kept; the per-PDU lists only while recording is on (a load test turns
 * it off so that millions of submits do not fill the heap).
 */
final class SmscRecorder {

    final ConcurrentLinkedQueue<ReceivedSubmit> submits = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<DeliverResponse> deliverResponses = new ConcurrentLinkedQueue<>();
    final AtomicLong submitCount = new AtomicLong();
    final AtomicLong acceptedCount = new AtomicLong();
    final AtomicLong receiptsAcknowledged = new AtomicLong();
    final AtomicLong deliversRefused = new AtomicLong();
    final AtomicInteger bindCount = new AtomicInteger();
    final AtomicInteger rejectedBinds = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();

    void submitStarted() {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
    }

    void submitAnswered() {
        inFlight.decrementAndGet();
    }

    void deliverAnswered(DeliverResponse response, boolean recording) {
        if (response.acknowledged()) {
            if (response.kind() == DeliverResponse.Kind.RECEIPT) {
                receiptsAcknowledged.incrementAndGet();
            }
        } else {
            deliversRefused.incrementAndGet();
        }
        if (recording) {
            deliverResponses.add(response);
        }
    }

    List<ReceivedSubmit> submits() {
        return new ArrayList<>(submits);
    }

    List<DeliverResponse> deliverResponses() {
        return new ArrayList<>(deliverResponses);
    }

    void reset() {
        submits.clear();
        deliverResponses.clear();
        submitCount.set(0);
        acceptedCount.set(0);
        receiptsAcknowledged.set(0);
        deliversRefused.set(0);
        maxInFlight.set(inFlight.get());
    }
}
