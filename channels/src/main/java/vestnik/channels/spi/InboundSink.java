package vestnik.channels.spi;

import io.vertx.core.Future;

/**
 * Where a channel hands what providers tell it. The returned future completes once the event is
 * durably stored; only then may the channel acknowledge it to the provider (deliver_sm_resp, HTTP 200),
 * so that a crash in between makes the provider deliver it again instead of losing it.
 */
@FunctionalInterface
public interface InboundSink {
    Future<Void> accept(InboundEvent event);
}
