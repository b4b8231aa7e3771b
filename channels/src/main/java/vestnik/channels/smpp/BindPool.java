package vestnik.channels.smpp;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The channel's binds seen as one pool of window slots: a submit takes a free slot on any bound connection
 * (round robin, so the load spreads), and waits a little when all are busy.
 */
final class BindPool {

    private static final Duration POLL = Duration.ofMillis(10);

    private final List<SmppConnection> connections;
    private final AtomicInteger next = new AtomicInteger();

    BindPool(List<SmppConnection> connections) {
        this.connections = List.copyOf(connections);
    }

    List<SmppConnection> connections() {
        return connections;
    }

    boolean anyBound() {
        for (SmppConnection c : connections) {
            if (c.isBound()) {
                return true;
            }
        }
        return false;
    }

    int boundCount() {
        int n = 0;
        for (SmppConnection c : connections) {
            if (c.isBound()) {
                n++;
            }
        }
        return n;
    }

    int windowInUse() {
        int n = 0;
        for (SmppConnection c : connections) {
            n += c.windowInUse();
        }
        return n;
    }

    /**
     * A bound connection whose window slot the caller now holds (release it after the submit), or null when no
     * bind is up or none had a free slot before {@code timeout}.
     */
    SmppConnection acquire(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int size = connections.size();
        while (true) {
            SmppConnection firstBound = null;
            int start = next.getAndIncrement();
            for (int i = 0; i < size; i++) {
                SmppConnection c = connections.get(Math.floorMod(start + i, size));
                if (c.isBound()) {
                    if (c.tryAcquire()) {
                        return c;
                    }
                    if (firstBound == null) {
                        firstBound = c;
                    }
                }
            }
            long left = deadline - System.nanoTime();
            if (firstBound == null || left <= 0) {
                return null;
            }
            Duration wait = Duration.ofNanos(Math.min(left, POLL.toNanos()));
            if (firstBound.tryAcquire(wait)) {
                if (firstBound.isBound()) {
                    return firstBound;
                }
                firstBound.release();
            }
        }
    }
}
