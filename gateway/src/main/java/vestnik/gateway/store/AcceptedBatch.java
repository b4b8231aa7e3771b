package vestnik.gateway.store;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The accepted submissions of one dispatcher (one shard, one Vert.x context) that complete in the same turn
 * of its event loop, recorded together in one script call: under load a few per call instead of one call
 * each; when idle, every submission is still recorded in the next turn, alone. Each message's record is the
 * same as {@link MessageRepository#accepted} makes, and its future completes only once it is stored.
 * The step that goes before a message's record ({@code before}: indexing its provider ids, keys in other slots)
 * is sent for the whole batch first and the script right after it without waiting, so on one Redis they run
 * in that order with nothing of ours between them (a receipt's lookup cannot fall between the index and
 * 'sent'); a message whose step failed fails alone.
 */
public final class AcceptedBatch {

    /** Enough to matter, few enough that one call never holds Redis for long. */
    private static final int MAX = 64;

    private final MessageRepository messages;
    private final Context context;
    private final Function<MessageRepository.Accepted, Future<Void>> before;
    private List<MessageRepository.Accepted> pending = new ArrayList<>();
    private List<Promise<String>> waiting = new ArrayList<>();
    private boolean flushScheduled;

    public AcceptedBatch(MessageRepository messages, Context context, Function<MessageRepository.Accepted, Future<Void>> before) {
        this.messages = messages;
        this.context = context;
        this.before = before;
    }

    /** Like {@link MessageRepository#accepted}: completes with the status the message had before. */
    public Future<String> accepted(MessageRepository.Accepted a) {
        Promise<String> done = Promise.promise();
        if (Vertx.currentContext() == context) {
            add(a, done);
        } else {
            context.runOnContext(v -> add(a, done));
        }
        return done.future();
    }

    private void add(MessageRepository.Accepted a, Promise<String> done) {
        pending.add(a);
        waiting.add(done);
        if (pending.size() >= MAX) {
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
        if (pending.isEmpty()) {
            return;
        }
        List<MessageRepository.Accepted> batch = pending;
        List<Promise<String>> promises = waiting;
        pending = new ArrayList<>();
        waiting = new ArrayList<>();
        List<Future<Void>> indexed = new ArrayList<>(batch.size());
        for (MessageRepository.Accepted a : batch) {
            indexed.add(before.apply(a));
        }
        Future<List<String>> recorded = messages.acceptedAll(batch);
        List<Future<?>> all = new ArrayList<>(indexed);
        all.add(recorded);
        Future.join(all).onComplete(x -> {
            for (int i = 0; i < promises.size(); i++) {
                if (indexed.get(i).failed()) {
                    promises.get(i).fail(indexed.get(i).cause());
                } else if (recorded.failed()) {
                    promises.get(i).fail(recorded.cause());
                } else {
                    promises.get(i).complete(recorded.result().get(i));
                }
            }
        });
    }
}
