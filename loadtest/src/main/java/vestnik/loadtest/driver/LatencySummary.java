package vestnik.loadtest.driver;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** Percentiles of one latency, in milliseconds, from a histogram recorded in microseconds. */
record LatencySummary(long count, double p50Ms, double p95Ms, double p99Ms, double maxMs) {

    /** Latencies up to an hour are kept with three significant digits; longer ones are clamped to it. */
    static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

    static final LatencySummary NONE = new LatencySummary(0, 0, 0, 0, 0);

    static Histogram newHistogram() {
        return new Histogram(HIGHEST_MICROS, 3);
    }

    /** Records {@code nanos} (negative counts as 0: the 202 and the submit raced) into a microsecond histogram. */
    static void recordNanos(Histogram histogram, long nanos) {
        long micros = Math.max(0, nanos) / 1_000;
        histogram.recordValue(Math.min(micros, HIGHEST_MICROS));
    }

    static LatencySummary of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return NONE;
        }
        return new LatencySummary(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)),
                ms(micros.getValueAtPercentile(95)), ms(micros.getValueAtPercentile(99)), ms(micros.getMaxValue()));
    }

    JsonObject toJson() {
        return new JsonObject().put("count", count).put("p50Ms", p50Ms).put("p95Ms", p95Ms).put("p99Ms", p99Ms)
                .put("maxMs", maxMs);
    }

    private static double ms(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }
}
