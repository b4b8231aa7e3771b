package vestnik.gateway.cascade;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vestnik.channels.spi.Channel;
import vestnik.channels.spi.MessageStatus;
import vestnik.gateway.store.Ids;
import vestnik.gateway.store.MessageRecord;
import vestnik.gateway.store.MessageRepository;
import vestnik.gateway.store.NewMessage;

/**
 * Moves cascades on. The next step is created when the current one fails for good (a provider refusal,
 * an expiry, a missing messenger link, an opt-out) or does not reach its {@code waitFor} within its
 * {@code timeout}; the cascade stops at the first step that succeeds, or when the job is cancelled.
 * Creating a step is one Lua step that checks the job is still at the step that failed, so two triggers
 * for the same step (a late failure and a timeout) create one next step.
 */
public final class CascadeService {

    private static final Logger log = LoggerFactory.getLogger(CascadeService.class);
    private static final int BATCH = 500;

    /** A job's steps as GET /v1/messages shows them. */
    public record Chain(String jobId, boolean cancelled, List<MessageRecord> steps) {
    }

    private final MessageRepository messages;
    private final Map<String, Channel> channels;
    private final Clock clock;
    private long timer = -1;

    public CascadeService(MessageRepository messages, Map<String, Channel> channels, Clock clock) {
        this.messages = messages;
        this.channels = channels;
        this.clock = clock;
    }

    /** The step ended without success: the next one starts, if there is one and the job goes on. */
    public Future<Void> stepFailed(MessageRecord step, String why) {
        Cascade c = step.cascade();
        if (c == null || c.isLast()) {
            return Future.succeededFuture();
        }
        Cascade next = c.next(c.jobId());
        RouteStep nextStep = next.current();
        Channel channel = channels.get(nextStep.channel());
        if (channel == null) {
            log.warn("cascade {}: step {} names channel {} that is no longer configured", c.jobId(), next.step() + 1,
                    nextStep.channel());
            return Future.succeededFuture();
        }
        String text = nextStep.text() == null ? step.text() : nextStep.text();
        String id = Ids.nextInShard(messages.keys(), messages.keys().shardOf(c.jobId()));
        NewMessage m = new NewMessage(id, step.tenantId(), null, nextStep.channel(), step.phone(), text, step.sender(),
                channel.segments(text), clock.instant(), null, step.expiresAt(), step.metadataJson(), step.contactId(),
                step.email(), null, step.priority(), step.templateKey(), step.templateVersion(), next, step.callbackUrl(),
                step.jobZone(), step.jobRegion());
        String detail = "cascade step " + (next.step() + 1) + "/" + c.route().size() + " after " + step.channelId() + ": " + why;
        return messages.createCascadeStep(m, c.step(), detail).map(created -> {
            if (created) {
                log.info("cascade {}: step {} on {} ({})", c.jobId(), next.step() + 1, nextStep.channel(), why);
            }
            return (Void) null;
        });
    }

    /** The step was handed to the provider: if it must reach more than that in time, check it then. */
    public Future<Void> stepAccepted(MessageRecord step) {
        Cascade c = step.cascade();
        if (c == null || c.isLast() || c.current().timeout() == null) {
            return Future.succeededFuture();
        }
        return messages.scheduleCascadeCheck(step.id(), clock.instant().plus(c.current().timeout()));
    }

    /** Stops the job: no further step; the current one is cancelled if it has not been handed over yet. */
    public Future<Boolean> cancel(MessageRecord anyStep) {
        return cancel(anyStep, "the cascade was cancelled by the caller");
    }

    /** As {@link #cancel(MessageRecord)}, with the reason written in the current step's history. */
    public Future<Boolean> cancel(MessageRecord anyStep, String detail) {
        String jobId = anyStep.cascade().jobId();
        return messages.cancelCascade(jobId)
                .compose(v -> messages.cascadeProgress(jobId))
                .compose(p -> {
                    String current = p.stepIds().isEmpty() ? jobId : p.stepIds().get(p.stepIds().size() - 1);
                    return messages.transition(current, null, MessageStatus.CANCELLED, clock.instant(),
                            detail, null, null, true, null, Map.of());
                })
                .map(r -> true);
    }

    public Future<Optional<Chain>> chain(MessageRecord m) {
        if (m.cascade() == null) {
            return Future.succeededFuture(Optional.empty());
        }
        String jobId = m.cascade().jobId();
        return messages.cascadeProgress(jobId).compose(p -> {
            List<Future<Optional<MessageRecord>>> steps = new ArrayList<>();
            p.stepIds().forEach(id -> steps.add(messages.find(id)));
            return Future.all(steps).map(all -> {
                List<MessageRecord> found = new ArrayList<>();
                for (int i = 0; i < all.size(); i++) {
                    Optional<MessageRecord> r = all.resultAt(i);
                    r.ifPresent(found::add);
                }
                return Optional.of(new Chain(jobId, p.cancelled(), found));
            });
        });
    }

    /** Checks, every second, the steps whose waitFor deadline has come. */
    public void startTimeouts(Vertx vertx) {
        timer = vertx.setPeriodic(1000, t -> sweep(0));
    }

    public void stop(Vertx vertx) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void sweep(int shard) {
        if (shard >= messages.keys().shards()) {
            return;
        }
        messages.takeDueCascadeChecks(shard, clock.instant(), BATCH)
                .compose(ids -> {
                    List<Future<Void>> checks = new ArrayList<>();
                    ids.forEach(id -> checks.add(checkInTime(id)));
                    return Future.all(checks).map(ids.size());
                })
                .onSuccess(n -> {
                    if (n >= BATCH) {
                        sweep(shard);
                    } else {
                        sweep(shard + 1);
                    }
                })
                .onFailure(e -> log.warn("checking cascade deadlines failed: {}", e.getMessage()));
    }

    private Future<Void> checkInTime(String stepId) {
        return messages.find(stepId).compose(found -> {
            if (found.isEmpty() || found.get().cascade() == null) {
                return Future.succeededFuture();
            }
            MessageRecord step = found.get();
            RouteStep rs = step.cascade().current();
            if (rs.reached(step.status()) || isFailure(step.status())) {
                // reached its goal in time, or failed: its failure has already moved the cascade on
                return Future.succeededFuture();
            }
            Duration t = rs.timeout();
            return stepFailed(step, "not " + rs.waitFor().wireName() + " within " + t);
        });
    }

    private static boolean isFailure(MessageStatus s) {
        return s == MessageStatus.FAILED || s == MessageStatus.EXPIRED || s == MessageStatus.REJECTED
                || s == MessageStatus.CANCELLED;
    }
}
