package vestnik.gateway.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vestnik.channels.spi.InboundEvent.StatusUpdate;
import vestnik.channels.spi.MessageStatus;
import vestnik.gateway.cascade.CascadeService;
import vestnik.gateway.store.MessageRepository;
import vestnik.gateway.store.TurnBatcher;

/**
 * Applies providers' reports (delivery receipts, messenger status callbacks) to messages. A report for
 * an id not yet recorded is parked and applied when the submission is recorded, whichever comes first.
 */
public final class ReceiptProcessor {

    private static final Logger log = LoggerFactory.getLogger(ReceiptProcessor.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** At most this many reports per Redis call. */
    private static final int BATCH = 64;
    /** Reports that say the provider has the message are no news once it is {@code sent}. */
    private static final Set<MessageStatus> APPLICABLE =
            EnumSet.of(MessageStatus.DELIVERED, MessageStatus.READ, MessageStatus.FAILED, MessageStatus.EXPIRED);

    private final ReceiptIndex index;
    private final MessageRepository messages;
    private final StatusMetrics metrics;
    private final Clock clock;
    private final CascadeService cascades;
    /** Set by {@link #batchOn}: lookups and part reports made together go to Redis together. */
    private TurnBatcher<ReceiptIndex.Lookup, Optional<ReceiptIndex.PartRef>> lookups;
    private TurnBatcher<MessageRepository.PartReport, MessageRepository.PartResult> parts;
    /** Told of every message that ended failed or expired after the provider took it (the policy's call slots). */
    private Function<String, Future<Void>> givenUp = id -> Future.succeededFuture();

    public ReceiptProcessor(ReceiptIndex index, MessageRepository messages, CascadeService cascades,
                            StatusMetrics metrics, Clock clock) {
        this.index = index;
        this.cascades = cascades;
        this.messages = messages;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Set once at wiring: what else happens when a sent message ends failed or expired. */
    public void whenGivenUp(Function<String, Future<Void>> listener) {
        this.givenUp = listener;
    }

    /**
     * Set once at wiring: the reports that arrive together (receipts come on the SMPP library's threads, a few
     * at a time under load) are looked up and applied in one Redis call each, on this context.
     */
    public void batchOn(Context context) {
        this.lookups = new TurnBatcher<>(context, BATCH, index::lookupAll);
        this.parts = new TurnBatcher<>(context, BATCH, messages::applyPartStatusAll);
    }

    /** Completes once the report is applied or durably parked. */
    public Future<Void> accept(StatusUpdate update) {
        if (!APPLICABLE.contains(update.status())) {
            return Future.succeededFuture();
        }
        Future<Optional<ReceiptIndex.PartRef>> lookup = lookups == null
                ? index.lookup(update.channelId(), update.providerId())
                : lookups.submit(new ReceiptIndex.Lookup(update.channelId(), update.providerId()));
        return lookup.compose(found -> {
            if (found.isPresent()) {
                return apply(update, found.get());
            }
            return index.parkOrphan(update.channelId(), update.providerId(), toJson(update))
                    .compose(v -> index.lookup(update.channelId(), update.providerId()))
                    .compose(again -> {
                        if (again.isEmpty()) {
                            metrics.receiptParked(update.channelId());
                            return Future.succeededFuture();
                        }
                        // the submission was recorded meanwhile: whoever removes the parked copy applies it
                        return index.dropOrphan(update.channelId(), update.providerId())
                                .compose(mine -> mine ? apply(update, again.get()) : Future.succeededFuture());
                    });
        });
    }

    /** Called once a submission's provider ids are indexed: applies receipts that overtook it. */
    public Future<Void> applyParked(String channelId, List<String> providerIds) {
        return index.takeOrphans(channelId, providerIds).compose(parked -> {
            List<Future<Void>> applied = new ArrayList<>();
            for (String json : parked) {
                StatusUpdate update = fromJson(json);
                if (update == null) {
                    continue;
                }
                applied.add(index.dropOrphan(channelId, update.providerId())
                        .compose(v -> index.lookup(channelId, update.providerId()))
                        .compose(ref -> ref.isPresent() ? apply(update, ref.get()) : Future.succeededFuture()));
            }
            return Future.all(applied).mapEmpty();
        });
    }

    private Future<Void> apply(StatusUpdate update, ReceiptIndex.PartRef ref) {
        String detail = update.detail() != null ? update.detail() : "provider reported " + update.status().wireName();
        Future<MessageRepository.PartResult> applied = parts == null
                ? messages.applyPartStatus(ref.messageId(), ref.part(), ref.parts(), update.status(), clock.instant(), update.at(),
                        detail, update.errorCode())
                : parts.submit(new MessageRepository.PartReport(ref.messageId(), ref.part(), ref.parts(), update.status(),
                        clock.instant(), update.at(), detail, update.errorCode()));
        return applied
                .compose(result -> {
                    if (!result.moved()) {
                        return Future.<Void>succeededFuture();
                    }
                    metrics.statusReached(update.channelId(), result.status());
                    if (!"failed".equals(result.status()) && !"expired".equals(result.status())) {
                        return Future.<Void>succeededFuture();
                    }
                    return givenUp.apply(ref.messageId())
                            .compose(v -> messages.find(ref.messageId()))
                            .compose(m -> m.isPresent() && m.get().cascade() != null
                                    ? cascades.stepFailed(m.get(), detail) : Future.succeededFuture());
                })
                .onFailure(e -> log.warn("receipt for message {} not applied: {}", ref.messageId(), e.getMessage()));
    }

    private static String toJson(StatusUpdate u) {
        ObjectNode n = JSON.createObjectNode();
        n.put("channelId", u.channelId());
        n.put("providerId", u.providerId());
        n.put("status", u.status().wireName());
        n.put("errorCode", u.errorCode());
        n.put("detail", u.detail());
        n.put("at", u.at() == null ? null : u.at().toString());
        return n.toString();
    }

    private static StatusUpdate fromJson(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            MessageStatus status = MessageStatus.fromWireName(n.path("status").asText()).orElse(null);
            if (status == null) {
                return null;
            }
            return new StatusUpdate(n.path("channelId").asText(), n.path("providerId").asText(), status,
                    n.hasNonNull("errorCode") ? n.get("errorCode").asText() : null,
                    n.hasNonNull("detail") ? n.get("detail").asText() : null,
                    n.hasNonNull("at") ? Instant.parse(n.get("at").asText()) : null);
        } catch (Exception e) {
            log.warn("unreadable parked receipt dropped: {}", e.getMessage());
            return null;
        }
    }
}
