package vestnik.gateway.store;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Requests made during the same turn of one Vert.x context's event loop, handled together by one call (at most
 * {@code max} at once): under load a few per call instead of a call each; when idle, a request is handled in the
 * next turn, alone. Requests from other threads are handed to the context first, and answered back on the
 * context they came from. Each request's future completes with its own answer, or with the call's failure.
 */
public final class TurnBatcher<I, O> {

    private final Context context;
    private final int max;
    private final Function<List<I>, Future<List<O>>> handler;
    private List<I> items = new ArrayList<>();
    private List<Promise<O>> promises = new ArrayList<>();
    private boolean flushScheduled;

    /** {@code handler} answers one result per request, in order. */
    public TurnBatcher(Context context, int max, Function<List<I>, Future<List<O>>> handler) {
        this.context = context;
        this.max = max;
        this.handler = handler;
    }

    /** Answers on the calling context (on this batcher's own when the caller has none). */
    public Future<O> submit(I item) {
        Context caller = Vertx.currentContext();
        Promise<O> done = Promise.promise();
        if (caller == context) {
            add(item, done);
            return done.future();
        }
        context.runOnContext(v -> add(item, done));
        if (caller == null) {
            return done.future();
        }
        Promise<O> back = Promise.promise();
        done.future().onComplete(ar -> caller.runOnContext(v -> back.handle(ar)));
        return back.future();
    }

    private void add(I item, Promise<O> done) {
        items.add(item);
        promises.add(done);
        if (items.size() >= max) {
            flush();
        } else if (!flushScheduled) {
            flushScheduled = true;
            context.runOnContext(v -> {
                flushScheduled = false;
                flush();
            });
        }
    }

    private void flush() {
        if (items.isEmpty()) {
            return;
        }
        List<I> batch = items;
        List<Promise<O>> waiting = promises;
        items = new ArrayList<>();
        promises = new ArrayList<>();
        Future<List<O>> answers;
        try {
            answers = handler.apply(batch);
        } catch (RuntimeException e) {
            answers = Future.failedFuture(e);
        }
        answers.onComplete(ar -> {
            for (int i = 0; i < waiting.size(); i++) {
                if (ar.succeeded()) {
                    waiting.get(i).complete(ar.result().get(i));
                } else {
                    waiting.get(i).fail(ar.cause());
                }
            }
        });
    }
}
