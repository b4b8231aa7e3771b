package vestnik.gateway.dispatch;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import vestnik.gateway.store.Keys;
import vestnik.gateway.store.Priority;
import vestnik.gateway.store.RedisStore;

/**
 * Queue depth per channel for Prometheus, sampled every few seconds: entries are deleted from a stream
 * once handled, so its length is what waits (plus what is in flight); the due set holds what waits
 * for its time.
 */
public final class QueueDepth {

    private final Vertx vertx;
    private final RedisStore redis;
    private final Keys keys;
    private final Collection<String> channelIds;
    private final Map<String, AtomicLong> depth = new ConcurrentHashMap<>();
    private final AtomicLong due = new AtomicLong();
    private long timer = -1;

    public QueueDepth(Vertx vertx, RedisStore redis, Collection<String> channelIds, MeterRegistry registry) {
        this.vertx = vertx;
        this.redis = redis;
        this.keys = redis.keys();
        this.channelIds = List.copyOf(channelIds);
        for (String c : this.channelIds) {
            AtomicLong v = new AtomicLong();
            depth.put(c, v);
            Gauge.builder("vestnik_queue_depth", v, AtomicLong::get).tag("channel", c)
                    .description("jobs waiting in the channel's queue or in flight").register(registry);
        }
        Gauge.builder("vestnik_due_messages", due, AtomicLong::get)
                .description("messages waiting for their send or retry time").register(registry);
    }

    public void start() {
        sample();
        timer = vertx.setPeriodic(5000, id -> sample());
    }

    public void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void sample() {
        for (String c : channelIds) {
            List<Future<Long>> lengths = new ArrayList<>();
            for (int s = 0; s < keys.shards(); s++) {
                for (Priority p : Priority.values()) {
                    String key = keys.queue(s, c, p);
                    lengths.add(redis.call(r -> r.xlen(key)));
                }
            }
            Future.all(lengths).onSuccess(all -> {
                long sum = 0;
                for (int i = 0; i < all.size(); i++) {
                    Long v = all.resultAt(i);
                    sum += v == null ? 0 : v;
                }
                depth.get(c).set(sum);
            });
        }
        List<Future<Long>> dues = new ArrayList<>();
        for (int s = 0; s < keys.shards(); s++) {
            String key = keys.due(s);
            dues.add(redis.call(r -> r.zcard(key)));
        }
        Future.all(dues).onSuccess(all -> {
            long sum = 0;
            for (int i = 0; i < all.size(); i++) {
                Long v = all.resultAt(i);
                sum += v == null ? 0 : v;
            }
            due.set(sum);
        });
    }
}
