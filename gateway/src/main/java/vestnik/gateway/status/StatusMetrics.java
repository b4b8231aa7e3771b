package vestnik.gateway.status;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The message counters and timers Prometheus scrapes, by channel (and error class for failures). */
public final class StatusMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public StatusMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void accepted(String channel) {
        count("vestnik_messages_accepted", "channel", channel);
    }

    public void sent(String channel) {
        count("vestnik_messages_sent", "channel", channel);
    }

    public void statusReached(String channel, String status) {
        switch (status) {
            case "delivered", "read", "expired" -> count("vestnik_messages_" + status, "channel", channel);
            case "failed" -> failed(channel, "delivery_failed");
            default -> {
            }
        }
    }

    public void failed(String channel, String errorClass) {
        count("vestnik_messages_failed", "channel", channel, "error_class", errorClass);
    }

    public void retried(String channel, String errorClass) {
        count("vestnik_send_retries", "channel", channel, "error_class", errorClass);
    }

    public void receiptParked(String channel) {
        count("vestnik_receipts_parked", "channel", channel);
    }

    public void inbound(String channel, String kind) {
        count("vestnik_inbound_events", "channel", channel, "kind", kind);
    }

    public void sendLatency(String channel, Duration d) {
        timers.computeIfAbsent(channel, c -> Timer.builder("vestnik_send")
                        .description("time from taking a job to the provider's answer")
                        .tag("channel", c)
                        .publishPercentileHistogram()
                        .register(registry))
                .record(d);
    }

    private void count(String name, String... tags) {
        String key = name + String.join("|", tags);
        counters.computeIfAbsent(key, k -> Counter.builder(name).tags(tags).register(registry)).increment();
    }
}
