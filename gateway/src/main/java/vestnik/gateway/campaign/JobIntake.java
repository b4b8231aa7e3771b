package vestnik.gateway.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vestnik.channels.spi.ChannelType;
import vestnik.channels.spi.MessageStatus;
import vestnik.gateway.api.ApiError;
import vestnik.gateway.intake.JobParser;
import vestnik.gateway.intake.RecipientCompletion;
import vestnik.gateway.status.StatusMetrics;
import vestnik.gateway.store.Ids;
import vestnik.gateway.store.MessageRepository;
import vestnik.gateway.store.NewMessage;
import vestnik.gateway.store.TurnBatcher;

/**
 * Stores many jobs at once, each exactly as {@code POST /v1/messages} would. Every job's Redis calls are
 * issued together, so Lettuce pipelines them on the shared connection: a group of a thousand costs a few
 * round trips, not a thousand. One bad job fails alone.
 */
public final class JobIntake {

    private static final Logger log = LoggerFactory.getLogger(JobIntake.class);

    /** The hash field that ties a message to its campaign. */
    public static final String CAMPAIGN_FIELD = "cmp";
    /** At most this many jobs per script call: one call never holds Redis for long. */
    private static final int STORE_GROUP = 100;

    private final MessageRepository messages;
    private final JobParser parser;
    private final RecipientCompletion recipients;
    private final Function<String, ChannelType> channelTypes;
    private final StatusMetrics metrics;

    public JobIntake(MessageRepository messages, JobParser parser, RecipientCompletion recipients,
                     Function<String, ChannelType> channelTypes, StatusMetrics metrics) {
        this.messages = messages;
        this.parser = parser;
        this.recipients = recipients;
        this.channelTypes = channelTypes;
        this.metrics = metrics;
    }

    /**
     * @param firstIndex the index reported for {@code jobs.get(0)}
     * @param campaignId the campaign the messages belong to, or null
     * @return one outcome per job, in order; fails only when the store fails
     */
    public Future<List<JobOutcome>> accept(List<JsonNode> jobs, String tenantId, int firstIndex, String campaignId) {
        Map<String, String> extra = campaignId == null ? Map.of() : Map.of(CAMPAIGN_FIELD, campaignId);
        // the jobs that become ready together are stored by one script call (per shard), not one call each
        Context context = Vertx.currentContext();
        Function<NewMessage, Future<MessageRepository.IntakeResult>> store = context == null
                ? m -> messages.create(m, extra)
                : new TurnBatcher<NewMessage, MessageRepository.IntakeResult>(context, STORE_GROUP,
                        group -> messages.createAll(group, extra))::submit;
        List<Future<JobOutcome>> pending = new ArrayList<>(jobs.size());
        for (int i = 0; i < jobs.size(); i++) {
            pending.add(one(jobs.get(i), tenantId, firstIndex + i, store));
        }
        return Future.join(pending).transform(ignored -> {
            List<JobOutcome> out = new ArrayList<>(pending.size());
            for (Future<JobOutcome> f : pending) {
                if (f.failed()) {
                    return Future.failedFuture(f.cause());
                }
                out.add(f.result());
            }
            return Future.succeededFuture(out);
        });
    }

    private Future<JobOutcome> one(JsonNode job, String tenantId, int index,
                                   Function<NewMessage, Future<MessageRepository.IntakeResult>> store) {
        Future<JobOutcome> stored;
        try {
            String externalId = job.isObject() && job.hasNonNull("externalId") ? job.get("externalId").asText() : null;
            String id = externalId == null ? Ids.next()
                    : Ids.nextInShard(messages.keys(), messages.keys().shardOfExternalId(tenantId, externalId));
            stored = parser.parseJob(job, tenantId, id)
                    .compose(parsed -> recipients.complete(parsed, channelTypes.apply(parsed.channelId())))
                    .compose(m -> store.apply(m).<JobOutcome>map(r -> {
                        if (r.created()) {
                            metrics.accepted(m.channelId());
                        }
                        String status = m.sendAt() != null ? MessageStatus.SCHEDULED.wireName() : MessageStatus.QUEUED.wireName();
                        return new JobOutcome.Accepted(index, r.id(), status, !r.created());
                    }));
        } catch (ApiError e) {
            stored = Future.failedFuture(e);
        } catch (RuntimeException e) {
            log.warn("job {} could not be read: {}", index, e.toString());
            stored = Future.failedFuture(e);
        }
        return stored.recover(t -> t instanceof ApiError e
                ? Future.succeededFuture(new JobOutcome.Rejected(index, e.code().code(), e.getMessage()))
                : Future.failedFuture(t));
    }
}
