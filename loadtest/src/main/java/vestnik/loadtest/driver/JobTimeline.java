package vestnik.loadtest.driver;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;
import vestnik.loadtest.smsc.SmscObserver;

/**
 * When each job was posted, accepted (the 202 arrived), submitted to the SMSC (≈ {@code sent}) and had its receipt
 * acknowledged by the gateway (≈ {@code delivered}), as {@link System#nanoTime()} values indexed by job. Both the
 * driver and the SMSC simulator run in this JVM, so the four clocks are one. Arrays rather than maps: a million
 * jobs cost 32 MB and no allocation per event.
 */
final class JobTimeline implements SmscObserver, CallbackObserver {

    /** The statuses after which a message changes no more: its outcome, what an upstream books. */
    private static final java.util.Set<String> FINAL = java.util.Set.of("delivered", "failed", "expired", "rejected",
            "cancelled");

    private final int jobs;
    private final AtomicLongArray posted;
    private final AtomicLongArray accepted;
    private final AtomicLongArray sent;
    private final AtomicLongArray delivered;
    private final AtomicLong sentCount = new AtomicLong();
    private final AtomicLong deliveredCount = new AtomicLong();
    private final AtomicLong resubmits = new AtomicLong();
    private final AtomicLong foreign = new AtomicLong();
    private final AtomicLong firstSent = new AtomicLong();
    private final AtomicLong lastSent = new AtomicLong();
    private final AtomicLong lastDelivered = new AtomicLong();
    private final AtomicLongArray finalCallback;
    private final AtomicLong callbacks = new AtomicLong();
    private final AtomicLong finalCallbacks = new AtomicLong();
    private final AtomicLong foreignCallbacks = new AtomicLong();
    private final AtomicLong lastFinalCallback = new AtomicLong();
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.LongAdder> callbacksByStatus =
            new java.util.concurrent.ConcurrentHashMap<>();
    private volatile String externalIdPrefix = "";

    JobTimeline(int jobs) {
        this.jobs = jobs;
        this.posted = new AtomicLongArray(jobs);
        this.accepted = new AtomicLongArray(jobs);
        this.sent = new AtomicLongArray(jobs);
        this.delivered = new AtomicLongArray(jobs);
        this.finalCallback = new AtomicLongArray(jobs);
    }

    /** The run's jobs carry {@code externalId} = prefix + job number: how a callback finds its job. */
    void externalIdPrefix(String prefix) {
        this.externalIdPrefix = prefix;
    }

    @Override
    public void callback(String externalId, String status, long nanos) {
        String prefix = externalIdPrefix;
        if (externalId == null || !externalId.startsWith(prefix)) {
            foreignCallbacks.incrementAndGet();
            return;
        }
        int job;
        try {
            job = Integer.parseInt(externalId, prefix.length(), externalId.length(), 10);
        } catch (NumberFormatException e) {
            foreignCallbacks.incrementAndGet();
            return;
        }
        if (job < 0 || job >= jobs) {
            foreignCallbacks.incrementAndGet();
            return;
        }
        callbacks.incrementAndGet();
        callbacksByStatus.computeIfAbsent(String.valueOf(status), k -> new java.util.concurrent.atomic.LongAdder()).increment();
        if (FINAL.contains(status) && finalCallback.compareAndSet(job, 0, nanos)) {
            finalCallbacks.incrementAndGet();
            lastFinalCallback.accumulateAndGet(nanos, Math::max);
        }
    }

    long callbackCount() {
        return callbacks.get();
    }

    /** Jobs whose outcome (a final status) reached the upstream by callback. */
    long finalCallbackCount() {
        return finalCallbacks.get();
    }

    long foreignCallbacks() {
        return foreignCallbacks.get();
    }

    long lastFinalCallbackNanos() {
        return lastFinalCallback.get();
    }

    java.util.Map<String, Long> callbacksByStatus() {
        java.util.Map<String, Long> m = new java.util.TreeMap<>();
        callbacksByStatus.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    LatencySummary acceptedToFinalCallback() {
        return between(accepted, finalCallback);
    }

    int jobs() {
        return jobs;
    }

    void posted(int job, long nanos) {
        posted.set(job, nanos);
    }

    void accepted(int job, long nanos) {
        accepted.set(job, nanos);
    }

    @Override
    public void submitAccepted(String destination) {
        long now = System.nanoTime();
        int job = Destinations.job(destination);
        if (job < 0 || job >= jobs) {
            foreign.incrementAndGet();
            return;
        }
        if (!sent.compareAndSet(job, 0, now)) {
            // a second submit of one job: a retry after a lost response, or a duplicate the gateway let through
            resubmits.incrementAndGet();
            return;
        }
        sentCount.incrementAndGet();
        firstSent.compareAndSet(0, now);
        lastSent.accumulateAndGet(now, Math::max);
    }

    @Override
    public void receiptAcknowledged(String destination) {
        long now = System.nanoTime();
        int job = Destinations.job(destination);
        if (job < 0 || job >= jobs || !delivered.compareAndSet(job, 0, now)) {
            return;
        }
        deliveredCount.incrementAndGet();
        lastDelivered.accumulateAndGet(now, Math::max);
    }

    long sentCount() {
        return sentCount.get();
    }

    long deliveredCount() {
        return deliveredCount.get();
    }

    /** Submits for a job that had already been submitted once. */
    long resubmits() {
        return resubmits.get();
    }

    /** Submits to destinations that are not this run's (another client of the same SMSC). */
    long foreignSubmits() {
        return foreign.get();
    }

    long firstSentNanos() {
        return firstSent.get();
    }

    long lastSentNanos() {
        return lastSent.get();
    }

    long lastDeliveredNanos() {
        return lastDelivered.get();
    }

    /** HTTP answer time of every accepted job. */
    LatencySummary intakeLatency() {
        return between(posted, accepted);
    }

    LatencySummary acceptedToSent() {
        return between(accepted, sent);
    }

    LatencySummary acceptedToDelivered() {
        return between(accepted, delivered);
    }

    private LatencySummary between(AtomicLongArray from, AtomicLongArray to) {
        Histogram h = LatencySummary.newHistogram();
        for (int i = 0; i < jobs; i++) {
            long a = from.get(i);
            long b = to.get(i);
            if (a != 0 && b != 0) {
                LatencySummary.recordNanos(h, b - a);
            }
        }
        return LatencySummary.of(h);
    }
}
