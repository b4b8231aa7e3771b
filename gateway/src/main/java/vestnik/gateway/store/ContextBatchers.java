package vestnik.gateway.store;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;

/**
 * One {@link TurnBatcher} per calling event loop, for a service shared by several of them (the dispatchers of a
 * channel's shards, HTTP requests): requests are batched with the others made on the same event loop (a
 * request's own duplicated context counts as its event loop's), and each answer comes back on the context
 * that asked. Without a context a request is handled alone.
 */
public final class ContextBatchers<I, O> {

    private final int max;
    private final Function<List<I>, Future<List<O>>> handler;
    private final Map<Context, TurnBatcher<I, O>> batchers = new WeakHashMap<>();

    public ContextBatchers(int max, Function<List<I>, Future<List<O>>> handler) {
        this.max = max;
        this.handler = handler;
    }

    public Future<O> submit(I item) {
        Context current = Vertx.currentContext();
        if (current == null) {
            return handler.apply(List.of(item)).map(all -> all.get(0));
        }
        TurnBatcher<I, O> batcher;
        Context base = current instanceof ContextInternal internal ? internal.unwrap() : current;
        synchronized (batchers) {
            batcher = batchers.computeIfAbsent(base, c -> new TurnBatcher<>(c, max, handler));
        }
        return batcher.submit(item);
    }
}
