package vestnik.gateway.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vestnik.channels.spi.Channel;
import vestnik.channels.spi.InboundEvent;
import vestnik.channels.spi.InboundSink;
import vestnik.channels.spi.WebhookOutcome;
import vestnik.channels.spi.WebhookReceiver;
import vestnik.channels.spi.WebhookRequest;

/**
 * {@code /hooks/{channelId}}: providers push here. The channel authenticates the raw bytes and parses
 * them; the events are stored before the provider gets its answer, so a failure to store makes the
 * provider deliver again instead of losing the event. An unauthenticated request leaves no trace but a
 * metric.
 */
public final class HooksApi {

    private static final Logger log = LoggerFactory.getLogger(HooksApi.class);

    private final Function<String, Channel> channels;
    private final InboundSink sink;
    private final MeterRegistry metrics;

    public HooksApi(Function<String, Channel> channels, InboundSink sink, MeterRegistry metrics) {
        this.channels = channels;
        this.sink = sink;
        this.metrics = metrics;
    }

    public void handle(RoutingContext ctx) {
        String channelId = ctx.pathParam("channelId");
        Channel channel = channels.apply(channelId);
        WebhookReceiver receiver = channel == null ? null : channel.webhooks().orElse(null);
        if (receiver == null) {
            Responses.error(ctx, new ApiError(ErrorCode.NOT_FOUND, "no webhook endpoint for channel '" + channelId + "'"));
            return;
        }
        WebhookOutcome outcome;
        try {
            outcome = receiver.handle(request(ctx));
        } catch (RuntimeException e) {
            log.warn("channel {}: webhook could not be read: {}", channelId, e.getClass().getSimpleName());
            Responses.error(ctx, new ApiError(ErrorCode.VALIDATION_FAILED, "the webhook body could not be read"));
            return;
        }
        if (!outcome.authenticated()) {
            metrics.counter("vestnik_webhooks_rejected", "channel", channelId).increment();
            ctx.response().setStatusCode(outcome.status()).end();
            return;
        }
        storeInOrder(outcome.events()).onComplete(ar -> {
            if (ar.failed()) {
                log.warn("channel {}: webhook events not stored, asking the provider to retry: {}", channelId, ar.cause().getMessage());
                Responses.error(ctx, new ApiError(ErrorCode.STORE_UNAVAILABLE, "not stored; deliver again"));
                return;
            }
            metrics.counter("vestnik_webhooks_accepted", "channel", channelId).increment();
            ctx.response().setStatusCode(outcome.status()).putHeader("Content-Type", outcome.contentType()).end(outcome.body());
        });
    }

    /** One after another: a provider's batch keeps its order (a status after the message it is about). */
    private Future<Void> storeInOrder(List<InboundEvent> events) {
        Future<Void> chain = Future.succeededFuture();
        for (InboundEvent e : events) {
            chain = chain.compose(v -> sink.accept(e));
        }
        return chain;
    }

    private static WebhookRequest request(RoutingContext ctx) {
        Map<String, List<String>> headers = new HashMap<>();
        ctx.request().headers().forEach(h -> headers.computeIfAbsent(h.getKey(), k -> new ArrayList<>()).add(h.getValue()));
        Map<String, String> query = new HashMap<>();
        ctx.queryParams().forEach(q -> query.putIfAbsent(q.getKey(), q.getValue()));
        String rest = ctx.pathParam("*");
        if (rest != null && !rest.isEmpty()) {
            query.putIfAbsent("_path", rest);
        }
        byte[] body = ctx.body() == null || ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        return new WebhookRequest(ctx.request().method().name(), headers, query, body);
    }
}
