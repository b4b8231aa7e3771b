package vestnik.gateway.inbound;

import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vestnik.channels.common.Mask;
import vestnik.channels.spi.InboundEvent;
import vestnik.channels.spi.InboundSink;
import vestnik.gateway.status.ReceiptProcessor;
import vestnik.gateway.status.StatusMetrics;

/** The sink every channel hands its events to; the returned future completes once they are durable. */
public final class InboundRecorder implements InboundSink {

    private static final Logger log = LoggerFactory.getLogger(InboundRecorder.class);

    private final ReceiptProcessor receipts;
    private final InboundStore store;
    private final StatusMetrics metrics;

    public InboundRecorder(ReceiptProcessor receipts, InboundStore store, StatusMetrics metrics) {
        this.receipts = receipts;
        this.store = store;
        this.metrics = metrics;
    }

    @Override
    public Future<Void> accept(InboundEvent event) {
        if (event instanceof InboundEvent.StatusUpdate update) {
            metrics.inbound(update.channelId(), "status");
            return receipts.accept(update);
        }
        if (event instanceof InboundEvent.InboundMessage message) {
            metrics.inbound(message.channelId(), "message");
            return store.storeMessage(message)
                    .onSuccess(s -> s.id().ifPresent(id -> log.info("inbound message {} on {} from {}",
                            id, message.channelId(), Mask.phone(message.from().phone()))))
                    .mapEmpty();
        }
        if (event instanceof InboundEvent.OptOut optOut) {
            metrics.inbound(optOut.channelId(), "opt_out");
            return store.storeOptOut(optOut).mapEmpty();
        }
        if (event instanceof InboundEvent.LinkRequest link) {
            metrics.inbound(link.channelId(), "link_request");
            return store.storeLinkRequest(link).mapEmpty();
        }
        return Future.failedFuture(new IllegalArgumentException("unknown inbound event " + event.getClass()));
    }
}
