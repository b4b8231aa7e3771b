package vestnik.channels.ari;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import vestnik.channels.spi.CallResult;

/**
 * A robocall channel's meters: lines in use, calls by result (an answering machine apart from a person, so
 * that machines never inflate the contacted figures), and each caller id's health, tagged with the number
 * masked to its last four digits.
 */
final class IvrMetrics {

    private final Map<CallResult, Counter> calls = new EnumMap<>(CallResult.class);

    IvrMetrics(MeterRegistry registry, String channel, AtomicInteger linesInUse, int maxChannels, CallerIdPool pool) {
        Gauge.builder("vestnik_ivr_channels_in_use", linesInUse, AtomicInteger::get)
                .description("calls up or being set up on this channel").tag("channel", channel)
                .strongReference(true).register(registry);
        Gauge.builder("vestnik_ivr_channels_max", () -> maxChannels)
                .description("the channel's maxChannels").tag("channel", channel).register(registry);
        for (CallResult r : CallResult.values()) {
            calls.put(r, Counter.builder("vestnik_ivr_calls").description("finished calls by result")
                    .tag("channel", channel).tag("outcome", r.wireName()).register(registry));
        }
        Set<String> tags = new HashSet<>();
        for (String number : pool.numbers()) {
            String tag = CallerIdPool.mask(number);
            // two numbers ending in the same four digits must still be two series
            for (int i = 2; !tags.add(tag); i++) {
                tag = CallerIdPool.mask(number) + "#" + i;
            }
            Gauge.builder("vestnik_ivr_callerid_healthy", pool, p -> p.isHealthy(number) ? 1 : 0)
                    .description("1 while the caller id is in rotation, 0 once its answer rate fell under the floor")
                    .tag("channel", channel).tag("callerId", tag).strongReference(true).register(registry);
            Gauge.builder("vestnik_ivr_callerid_answer_rate", pool, p -> p.rate(number))
                    .description("answered share of the caller id's latest calls")
                    .tag("channel", channel).tag("callerId", tag).strongReference(true).register(registry);
        }
    }

    void finished(CallResult result) {
        calls.get(result).increment();
    }
}
