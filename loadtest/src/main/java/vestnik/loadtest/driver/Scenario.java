package vestnik.loadtest.driver;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The named load shapes of the issue, with the defaults a bare {@code <scenario>} runs. */
enum Scenario {

    /** 100,000 SMS as fast as intake takes them at 64 requests in flight, end to end (every receipt back). */
    BURST_100K("burst-100k", 100_000, 0, null, true, true),

    /** A million jobs queued while the SMSC refuses binds, so nothing drains: Redis memory per queued job, heap. */
    QUEUE_1M("queue-1m", 1_000_000, 0, null, false, false),

    /** A fixed rate for a duration (10 minutes unless told), end to end: does the gateway keep up, and how fast. */
    SUSTAINED("sustained", 0, 1000, Duration.ofMinutes(10), true, true);

    final String label;
    final int defaultJobs;
    final double defaultRate;
    final Duration defaultDuration;
    final boolean smscAcceptsBinds;
    final boolean awaitReceipts;

    Scenario(String label, int defaultJobs, double defaultRate, Duration defaultDuration, boolean smscAcceptsBinds,
            boolean awaitReceipts) {
        this.label = label;
        this.defaultJobs = defaultJobs;
        this.defaultRate = defaultRate;
        this.defaultDuration = defaultDuration;
        this.smscAcceptsBinds = smscAcceptsBinds;
        this.awaitReceipts = awaitReceipts;
    }

    static Scenario parse(String label) {
        for (Scenario s : values()) {
            if (s.label.equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scenario '" + label + "'; one of " + labels());
    }

    static String labels() {
        return Arrays.stream(values()).map(s -> s.label).collect(Collectors.joining(", "));
    }
}
