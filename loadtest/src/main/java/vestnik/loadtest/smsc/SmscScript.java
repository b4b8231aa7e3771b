package vestnik.loadtest.smsc;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How the simulated SMSC behaves; every setting may change while it runs (tests script a drop or a throttle
 * mid-stream). Reads are lock-free so the submit path stays cheap under load.
 */
final class SmscScript {

    volatile String systemId;
    volatile String password;
    volatile boolean acceptBinds = true;
    volatile MessageIdFormat idFormat = MessageIdFormat.HEX_UPPER;
    volatile boolean receipts = true;
    volatile Duration receiptDelay = Duration.ZERO;
    volatile ReceiptCarrier carrier = ReceiptCarrier.BOTH;
    volatile boolean receiptBeforeResponse;
    volatile ReceiptOutcome defaultOutcome = ReceiptOutcome.DELIVRD;
    final Map<String, ReceiptOutcome> outcomeByDestination = new ConcurrentHashMap<>();
    /** Cumulative weights of a random outcome mix, or null for {@link #defaultOutcome}. */
    private volatile int[] mixBounds;
    private volatile ReceiptOutcome[] mixOutcomes;
    volatile int throttleEvery;
    volatile int throttleStatus = 0x58;
    final Map<String, Integer> rejectByDestination = new ConcurrentHashMap<>();
    volatile Duration submitDelay = Duration.ZERO;
    volatile boolean recording = true;
    volatile SmscObserver observer = SmscObserver.NONE;

    ReceiptOutcome outcomeFor(String destination) {
        ReceiptOutcome scripted = destination == null ? null : outcomeByDestination.get(destination);
        if (scripted != null) {
            return scripted;
        }
        int[] bounds = mixBounds;
        ReceiptOutcome[] outcomes = mixOutcomes;
        if (bounds == null || outcomes == null || bounds.length != outcomes.length) {
            return defaultOutcome;
        }
        int pick = ThreadLocalRandom.current().nextInt(bounds[bounds.length - 1]);
        for (int i = 0; i < bounds.length; i++) {
            if (pick < bounds[i]) {
                return outcomes[i];
            }
        }
        return defaultOutcome;
    }

    /** Weights per outcome (e.g. DELIVRD=90, UNDELIV=7, EXPIRED=3); an empty map turns the mix off. */
    synchronized void outcomeMix(Map<ReceiptOutcome, Integer> weights) {
        Map<ReceiptOutcome, Integer> positive = new EnumMap<>(ReceiptOutcome.class);
        weights.forEach((outcome, weight) -> {
            if (weight != null && weight > 0) {
                positive.put(outcome, weight);
            }
        });
        if (positive.isEmpty()) {
            mixOutcomes = null;
            mixBounds = null;
            return;
        }
        int[] bounds = new int[positive.size()];
        ReceiptOutcome[] outcomes = new ReceiptOutcome[positive.size()];
        int i = 0;
        int total = 0;
        for (Map.Entry<ReceiptOutcome, Integer> e : positive.entrySet()) {
            total += e.getValue();
            bounds[i] = total;
            outcomes[i] = e.getKey();
            i++;
        }
        mixOutcomes = outcomes;
        mixBounds = bounds;
    }
}
