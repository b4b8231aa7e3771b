package vestnik.channels.smpp;

import io.vertx.core.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vestnik.channels.common.Mask;
import vestnik.channels.spi.InboundEvent;
import vestnik.channels.spi.InboundSink;

/**
 * Hands every deliver_sm to the gateway and answers the SMSC only once the gateway has stored it. jSMPP sends
 * deliver_sm_resp when this method returns, so the jSMPP processing thread blocks on the sink's future (bounded);
 * if storing fails or takes too long the answer is ESME_RSYSERR and the SMSC delivers the receipt or message
 * again, so a crash between receipt and store loses nothing. The sink is called on the channel's Vert.x context,
 * never on a jSMPP thread.
 */
final class SmppReceiver implements MessageReceiverListener {

    private static final Logger log = LoggerFactory.getLogger(SmppReceiver.class);

    private final String channelId;
    private final DeliverSmMapper mapper;
    private final Context context;
    private final InboundSink sink;
    private final Duration storeTimeout;

    SmppReceiver(String channelId, Context context, InboundSink sink, Duration storeTimeout) {
        this.channelId = channelId;
        this.mapper = new DeliverSmMapper(channelId);
        this.context = context;
        this.sink = sink;
        this.storeTimeout = storeTimeout;
    }

    @Override
    public void onAcceptDeliverSm(DeliverSm pdu) throws ProcessRequestException {
        DeliverSmMapper.Outcome outcome;
        try {
            outcome = mapper.map(pdu, Instant.now());
        } catch (RuntimeException e) {
            // a deliver_sm we cannot read will not become readable on redelivery: acknowledge and drop it
            log.warn("channel {}: unreadable deliver_sm dropped: {}", channelId, e.toString());
            return;
        }
        if (outcome instanceof DeliverSmMapper.Outcome.Ignored ignored) {
            log.debug("channel {}: deliver_sm acknowledged and dropped: {}", channelId, ignored.reason());
            return;
        }
        InboundEvent event = ((DeliverSmMapper.Outcome.Event) outcome).event();
        log.debug("channel {}: {}", channelId, describe(event));
        CompletableFuture<Void> stored = new CompletableFuture<>();
        context.runOnContext(v -> {
            try {
                sink.accept(event).onComplete(ar -> {
                    if (ar.succeeded()) {
                        stored.complete(null);
                    } else {
                        stored.completeExceptionally(ar.cause());
                    }
                });
            } catch (RuntimeException e) {
                stored.completeExceptionally(e);
            }
        });
        try {
            stored.get(storeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            log.warn("channel {}: inbound event not stored, asking the SMSC to redeliver: {}", channelId,
                    e.getCause() == null ? e.toString() : e.getCause().toString());
            throw new ProcessRequestException("not stored", SMPPConstant.STAT_ESME_RSYSERR);
        } catch (TimeoutException e) {
            log.warn("channel {}: inbound event not stored within {} ms, asking the SMSC to redeliver", channelId,
                    storeTimeout.toMillis());
            throw new ProcessRequestException("not stored in time", SMPPConstant.STAT_ESME_RSYSERR);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProcessRequestException("interrupted", SMPPConstant.STAT_ESME_RSYSERR);
        }
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {
        // a handset became reachable again: nothing to do, the SMSC retries its own queue
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("data_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    private static String describe(InboundEvent event) {
        if (event instanceof InboundEvent.StatusUpdate s) {
            return "receipt for " + s.providerId() + ": " + s.detail();
        }
        if (event instanceof InboundEvent.InboundMessage m) {
            return "MO from " + Mask.phone(m.from().phone()) + " " + Mask.text(m.text())
                    + (m.fragment() == null ? "" : " part " + m.fragment().seq() + "/" + m.fragment().total());
        }
        return event.getClass().getSimpleName();
    }
}
