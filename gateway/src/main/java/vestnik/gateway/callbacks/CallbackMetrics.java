package vestnik.gateway.callbacks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Callback counters and timers by tenant, for Prometheus. */
public final class CallbackMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public CallbackMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Delivered (2xx): the POST's own time, and how long after the status change it reached the upstream. */
    void sent(String tenant, Duration post, Duration sinceChange) {
        counter("vestnik_callbacks_sent", tenant).increment();
        timer("vestnik_callback_post", "time from sending a callback to the upstream's answer", tenant).record(post);
        timer("vestnik_callback_lag", "time from a status change to its callback being accepted", tenant).record(sinceChange);
    }

    /** One attempt not answered 2xx (or not answered at all); it is retried unless given up. */
    void failed(String tenant) {
        counter("vestnik_callbacks_failed", tenant).increment();
    }

    void givenUp(String tenant) {
        counter("vestnik_callbacks_given_up", tenant).increment();
    }

    private Counter counter(String name, String tenant) {
        return counters.computeIfAbsent(name + "|" + tenant, k -> Counter.builder(name).tag("tenant", tenant).register(registry));
    }

    private Timer timer(String name, String description, String tenant) {
        return timers.computeIfAbsent(name + "|" + tenant, k -> Timer.builder(name).description(description)
                .tag("tenant", tenant).publishPercentileHistogram().register(registry));
    }
}
