package vestnik.loadtest.driver;

import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples, once a second while a run lasts, the gateway's heap in use (from /metrics), the resident memory of the
 * gateway JVM and of its redis-server (from /proc) and Redis's own {@code used_memory}, keeping the peaks and
 * the latest values.
 */
final class ResourceSampler implements AutoCloseable {

    private final GatewayHttp http;
    private final OptionalLong gatewayPid;
    private final OptionalLong redisPid;
    private final RedisProbe redis;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "resource-sampler");
        t.setDaemon(true);
        return t;
    });
    private volatile Sample peak = Sample.EMPTY;
    private volatile Sample latest = Sample.EMPTY;

    ResourceSampler(GatewayHttp http, OptionalLong gatewayPid, OptionalLong redisPid) {
        this.http = http;
        this.gatewayPid = gatewayPid;
        this.redisPid = redisPid;
        OptionalInt port = redisPid.isPresent() ? ProcFs.redisPort(redisPid.getAsLong()) : OptionalInt.empty();
        this.redis = port.isPresent() ? new RedisProbe(port.getAsInt()) : null;
    }

    ResourceSampler start() {
        timer.scheduleWithFixedDelay(this::sampleQuietly, 0, 1, TimeUnit.SECONDS);
        return this;
    }

    /** One sample now (also taken before and after a run, for the baseline and the final state). */
    synchronized Sample sample() {
        long heap = http.metrics().map(http::heapUsedBytes).filter(d -> !d.isNaN()).map(Double::longValue).orElse(-1L);
        long gatewayRss = gatewayPid.isPresent() ? ProcFs.rssBytes(gatewayPid.getAsLong()).orElse(-1) : -1;
        long redisRss = redisPid.isPresent() ? ProcFs.rssBytes(redisPid.getAsLong()).orElse(-1) : -1;
        long redisUsed = redis == null ? -1 : redis.usedMemory().orElse(-1);
        Sample s = new Sample(heap, gatewayRss, redisRss, redisUsed);
        latest = s;
        peak = peak.max(s);
        return s;
    }

    Sample peak() {
        return peak;
    }

    Sample latest() {
        return latest;
    }

    /** Redis calls per command so far; empty when Redis is not known. */
    Map<String, Long> redisCommandCalls() {
        return redis == null ? Map.of() : redis.commandCalls();
    }

    private void sampleQuietly() {
        try {
            sample();
        } catch (RuntimeException e) {
            // a missed sample must not end the sampling
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** Bytes; -1 where unknown. */
    record Sample(long heapUsed, long gatewayRss, long redisRss, long redisUsedMemory) {
        static final Sample EMPTY = new Sample(-1, -1, -1, -1);

        Sample max(Sample o) {
            return new Sample(Math.max(heapUsed, o.heapUsed), Math.max(gatewayRss, o.gatewayRss),
                    Math.max(redisRss, o.redisRss), Math.max(redisUsedMemory, o.redisUsedMemory));
        }
    }
}
