package vestnik.channels.smpp;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import vestnik.channels.ChannelRegistry;
import vestnik.channels.spi.InboundEvent;
import vestnik.channels.spi.InboundSink;
import vestnik.channels.spi.OutboundMessage;
import vestnik.channels.spi.Recipient;
import vestnik.channels.spi.SendResult;
import vestnik.loadtest.smsc.SimulatedSmsc;

/**
 * A channel wired to a {@link SimulatedSmsc} on loopback, with short timeouts so that re-binds and timeouts take
 * milliseconds, a sink that records what it is given, and the channel built the way the gateway builds it
 * (through the registry, from a YAML-like tree).
 */
final class SmppTestBed implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    final Vertx vertx = Vertx.vertx();
    final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    final SimulatedSmsc smsc;
    final RecordingSink sink = new RecordingSink();
    SmppChannel channel;

    SmppTestBed(SimulatedSmsc smsc) {
        this.smsc = smsc;
    }

    /** The channel's section: the gateway's example plus fast timers, overridden by {@code settings}. */
    ObjectNode section(Map<String, Object> settings) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", "smpp");
        node.put("host", "127.0.0.1");
        node.put("port", smsc.port());
        node.put("systemId", "gw");
        node.put("password", "secret");
        node.put("sourceAddr", "VESTNIK");
        node.put("binds", 1);
        node.put("window", 64);
        node.put("maxRate", 500);
        node.put("bindTimeout", "PT2S");
        node.put("transactionTimeout", "PT2S");
        node.put("reconnectMin", 50);
        node.put("reconnectMax", 200);
        node.put("throttleRetryAfter", 50);
        node.put("inboundStoreTimeout", "PT5S");
        settings.forEach((k, v) -> node.set(k, JSON.valueToTree(v)));
        return node;
    }

    SmppChannel start(Map<String, Object> settings) {
        channel = (SmppChannel) ChannelRegistry.builtIn().create("sms", section(settings), vertx, metrics);
        join(channel.start(sink));
        return channel;
    }

    SmppChannel startReady(Map<String, Object> settings) {
        start(settings);
        await().atMost(WAIT).until(channel::isReady);
        return channel;
    }

    SendResult send(String phone, String text) {
        return join(channel.send(message(phone, text)));
    }

    static OutboundMessage message(String phone, String text) {
        return new OutboundMessage("msg-1", "tenant-1", Recipient.phone(phone), text, null, null, null, 1, null);
    }

    static <T> T join(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("future did not complete", e);
        }
    }

    <T extends InboundEvent> List<T> events(Class<T> type) {
        return sink.events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends InboundEvent> List<T> awaitEvents(Class<T> type, int count) {
        await().atMost(WAIT).until(() -> events(type).size() >= count);
        return events(type);
    }

    @Override
    public void close() {
        if (channel != null) {
            join(channel.stop());
        }
        smsc.close();
        join(vertx.close());
    }

    /** Records every event; answers as {@link #behaviour} says (stored at once by default). */
    static final class RecordingSink implements InboundSink {
        final List<InboundEvent> events = new CopyOnWriteArrayList<>();
        volatile Function<InboundEvent, Future<Void>> behaviour = e -> Future.succeededFuture();

        @Override
        public Future<Void> accept(InboundEvent event) {
            events.add(event);
            return behaviour.apply(event);
        }
    }
}
