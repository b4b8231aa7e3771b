package vestnik.gateway.dispatch;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import vestnik.channels.spi.ErrorClass;
import vestnik.channels.spi.SendResult;

/**
 * One circuit breaker per provider account. Only failures of the provider itself count (5xx, timeouts,
 * refused binds: {@link ErrorClass#TRANSIENT}); a refusal of one recipient or a throttle means the
 * provider is up. While the breaker is open the dispatcher takes no jobs for the channel, so they wait
 * in the queue — neither failing nor using up attempts — until a trial send succeeds or their TTL ends.
 */
public final class ProviderBreaker {

    /** A provider failure, as the breaker records it. */
    static final class ProviderFailure extends RuntimeException {
        ProviderFailure(String code) {
            super(code, null, false, false);
        }
    }

    private final CircuitBreaker breaker;

    public ProviderBreaker(String channelId, Duration openFor, MeterRegistry metrics) {
        this.breaker = CircuitBreaker.of("channel-" + channelId, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(3)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordException(e -> e instanceof ProviderFailure)
                .build());
        Gauge.builder("vestnik_breaker_state", breaker, b -> switch (b.getState()) {
                    case CLOSED -> 0;
                    case OPEN, FORCED_OPEN -> 1;
                    case HALF_OPEN -> 2;
                    default -> 3;
                })
                .tag("channel", channelId)
                .description("0 closed, 1 open (no traffic), 2 half-open (trial sends)")
                .register(metrics);
    }

    /** False while open: take no jobs. */
    boolean admitsTraffic() {
        CircuitBreaker.State s = breaker.getState();
        return s != CircuitBreaker.State.OPEN && s != CircuitBreaker.State.FORCED_OPEN;
    }

    /** A permit for one send; false in half-open once the trial sends are taken. */
    boolean tryAcquire() {
        return breaker.tryAcquirePermission();
    }

    void record(SendResult result, Duration took) {
        if (result instanceof SendResult.Failed f && f.errorClass() == ErrorClass.TRANSIENT) {
            breaker.onError(took.toNanos(), TimeUnit.NANOSECONDS, new ProviderFailure(f.code()));
        } else {
            breaker.onSuccess(took.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    CircuitBreaker.State state() {
        return breaker.getState();
    }
}
