package vestnik.gateway.inbound;

import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vestnik.channels.common.Mask;
import vestnik.channels.spi.InboundEvent;
import vestnik.channels.spi.InboundSink;
import vestnik.channels.spi.ChannelType;
import vestnik.channels.spi.Sender;
import vestnik.gateway.contacts.LinkService;
import vestnik.gateway.optout.OptOutRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;
import vestnik.gateway.status.ReceiptIndex;
import vestnik.gateway.status.ReceiptProcessor;
import vestnik.gateway.status.StatusMetrics;

/** The sink every channel hands its events to; the returned future completes once they are durable. */
public final class InboundRecorder implements InboundSink {

    private static final Logger log = LoggerFactory.getLogger(InboundRecorder.class);

    private final ReceiptProcessor receipts;
    private final ReceiptIndex index;
    private final InboundStore store;
    private final LinkService links;
    private final OptOutRegistry optOuts;
    private final CustomerWindow windows;
    private final Function<String, ChannelType> channelTypes;
    private final StatusMetrics metrics;
    private final Clock clock;

    public InboundRecorder(ReceiptProcessor receipts, ReceiptIndex index, InboundStore store, LinkService links, OptOutRegistry optOuts,
                           CustomerWindow windows, Function<String, ChannelType> channelTypes, StatusMetrics metrics,
                           Clock clock) {
        this.receipts = receipts;
        this.index = index;
        this.store = store;
        this.links = links;
        this.optOuts = optOuts;
        this.windows = windows;
        this.channelTypes = channelTypes;
        this.metrics = metrics;
        this.clock = clock;
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
                            id, message.channelId(), who(message.from()))))
                    .compose(s -> s.id().isPresent() && message.inReplyToProviderId() != null
                            ? linkReply(s.id().get(), message) : Future.succeededFuture())
                    .compose(v -> afterMessage(message));
        }
        if (event instanceof InboundEvent.OptOut optOut) {
            metrics.inbound(optOut.channelId(), "opt_out");
            return store.storeOptOut(optOut).compose(s -> optOuts.record(optOut.channelId(),
                    OptOutRegistry.address(optOut.who().phone(), optOut.who().email(), optOut.who().channelUserId()),
                    optOut.reason() == null ? "unsubscribed" : optOut.reason(), at(optOut.at())));
        }
        if (event instanceof InboundEvent.LinkRequest link) {
            metrics.inbound(link.channelId(), "link_request");
            // opening the bot again is the debtor's own request: an earlier opt-out of this channel ends
            return store.storeLinkRequest(link).compose(s -> links.apply(link))
                    .compose(v -> optOuts.clear(link.channelId(), link.who().channelUserId()));
        }
        if (event instanceof InboundEvent.CallOutcome call) {
            metrics.inbound(call.channelId(), "call_" + call.result().wireName());
            return receipts.accept(CallOutcomes.asStatusUpdate(call));
        }
        return Future.failedFuture(new IllegalArgumentException("unknown inbound event " + event.getClass()));
    }

    /** The provider said which of our messages this answers: find ours by its provider id. */
    private Future<Void> linkReply(String inboundId, InboundEvent.InboundMessage m) {
        return index.lookup(m.channelId(), m.inReplyToProviderId()).compose(ref -> ref.isPresent()
                ? store.linkToMessage(inboundId, ref.get().messageId())
                : Future.succeededFuture());
    }

    /** A STOP reply opts out of the channel; a WhatsApp message opens the 24-hour window. */
    private Future<Void> afterMessage(InboundEvent.InboundMessage m) {
        String address = OptOutRegistry.address(m.from().phone(), m.from().email(), m.from().channelUserId());
        Future<Void> stop = OptOutRegistry.isStopWord(m.text())
                ? optOuts.record(m.channelId(), address, "stop_reply", at(m.at()))
                : Future.succeededFuture();
        Future<Void> window = channelTypes.apply(m.channelId()) == ChannelType.WHATSAPP
                ? windows.opened(m.channelId(), m.from().phone(), at(m.at()), clock.instant())
                : Future.succeededFuture();
        return Future.all(stop, window).mapEmpty();
    }

    private Instant at(Instant at) {
        return at == null ? clock.instant() : at;
    }

    private static String who(Sender s) {
        if (s.phone() != null) {
            return Mask.phone(s.phone());
        }
        return s.email() != null ? Mask.email(s.email()) : Mask.id(s.channelUserId());
    }
}
