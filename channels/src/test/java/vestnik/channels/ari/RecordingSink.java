package vestnik.channels.ari;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import vestnik.channels.spi.InboundEvent;
import vestnik.channels.spi.InboundSink;

/** A gateway stand-in that keeps what the channel hands it, in order. */
final class RecordingSink implements InboundSink {

    private final List<InboundEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public Future<Void> accept(InboundEvent event) {
        events.add(event);
        return Future.succeededFuture();
    }

    List<InboundEvent> events() {
        return List.copyOf(events);
    }

    <T extends InboundEvent> List<T> all(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Waits for the first event of this type whose provider-side id mentions {@code callId}. */
    <T extends InboundEvent> T await(Class<T> type, String callId) {
        return Awaitility.await().atMost(Duration.ofSeconds(5)).until(
                () -> events.stream().filter(type::isInstance).map(type::cast)
                        .filter(e -> e.dedupKey().contains(callId)).findFirst().orElse(null),
                e -> e != null);
    }
}
