package vestnik.gateway.store;

import io.vertx.core.Context;
import io.vertx.core.Future;
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

    /** Each submission's own outcome: the batch call succeeds as a whole, its messages fail or not one by one. */
    private final TurnBatcher<MessageRepository.Accepted, Future<String>> batcher;

    public AcceptedBatch(MessageRepository messages, Context context, Function<MessageRepository.Accepted, Future<Void>> before) {
        this.batcher = new TurnBatcher<>(context, MAX, batch -> {
            List<Future<Void>> indexed = new ArrayList<>(batch.size());
            for (MessageRepository.Accepted a : batch) {
                indexed.add(before.apply(a));
            }
            Future<List<String>> recorded = messages.acceptedAll(batch);
            List<Future<?>> all = new ArrayList<>(indexed);
            all.add(recorded);
            return Future.join(all).transform(x -> {
                List<Future<String>> outcomes = new ArrayList<>(batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    if (indexed.get(i).failed()) {
                        outcomes.add(Future.failedFuture(indexed.get(i).cause()));
                    } else if (recorded.failed()) {
                        outcomes.add(Future.failedFuture(recorded.cause()));
                    } else {
                        outcomes.add(Future.succeededFuture(recorded.result().get(i)));
                    }
                }
                return Future.succeededFuture(outcomes);
            });
        });
    }

    /** Like {@link MessageRepository#accepted}: completes with the status the message had before. */
    public Future<String> accepted(MessageRepository.Accepted a) {
        return batcher.submit(a).compose(outcome -> outcome);
    }
}
