package vestnik.gateway.config;

import java.time.Duration;

/**
 * How status callbacks are delivered: one POST waits at most {@code timeout}; one not answered 2xx is
 * retried with backoff from {@code retryBase} to {@code retryMax} until it is {@code maxAge} old, then
 * given up; at most {@code perHostConcurrency} POSTs are in flight to one upstream host; due retries
 * are looked for every {@code pollInterval}.
 */
public record CallbacksConfig(
        Duration timeout,
        Duration retryBase,
        Duration retryMax,
        Duration maxAge,
        int perHostConcurrency,
        Duration pollInterval) {

    public static final CallbacksConfig DEFAULTS = new CallbacksConfig(Duration.ofSeconds(10), Duration.ofSeconds(5),
            Duration.ofMinutes(10), Duration.ofHours(24), 16, Duration.ofMillis(500));
}
