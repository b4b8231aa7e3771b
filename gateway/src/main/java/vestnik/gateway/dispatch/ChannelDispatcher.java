package vestnik.gateway.dispatch;

import io.lettuce.core.Consumer;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vestnik.channels.common.Mask;
import vestnik.channels.spi.Channel;
import vestnik.channels.spi.ErrorClass;
import vestnik.channels.spi.FailureCodes;
import vestnik.channels.spi.MessageStatus;
import vestnik.channels.spi.OutboundMessage;
import vestnik.channels.spi.SendResult;
import vestnik.gateway.campaign.CampaignRates;
import vestnik.gateway.campaign.CampaignWindows;
import vestnik.gateway.cascade.CascadeService;
import vestnik.gateway.contacts.ContactRepository;
import vestnik.gateway.enforcement.PolicyGate;
import vestnik.gateway.inbound.CustomerWindow;
import vestnik.gateway.optout.OptOutRegistry;
import vestnik.gateway.ratelimit.RateLimiter;
import vestnik.gateway.ratelimit.RecipientRateLimiter;
import vestnik.gateway.status.ReceiptIndex;
import vestnik.gateway.status.ReceiptProcessor;
import vestnik.gateway.status.StatusMetrics;
import vestnik.gateway.store.AcceptedBatch;
import vestnik.gateway.store.MessageRecord;
import vestnik.gateway.store.MessageRepository;
import vestnik.gateway.store.Priority;
import vestnik.gateway.store.RedisStore;

/**
 * Takes jobs for one channel from one shard's queue stream and hands them to the channel, never more at
 * once than the channel can carry. The stream's consumer group makes the hand-over durable: an entry
 * stays pending until its outcome is recorded (in the same Lua step that acknowledges it), so a crash
 * leaves it pending; on start this consumer re-reads its own pending entries, and entries of a consumer
 * that is gone are taken over after {@code reclaimAfter}.
 */
public final class ChannelDispatcher {

    private static final Logger log = LoggerFactory.getLogger(ChannelDispatcher.class);
    private static final int MAX_BATCH = 256;
    private static final long BLOCK_MS = 1000;
    private static final long PAUSE_MS = 500;
    /** How long a provider's "slow down" halves the channel's rate, at least. */
    private static final Duration THROTTLE_PENALTY = Duration.ofSeconds(10);

    private final Vertx vertx;
    private final RedisStore redis;
    private final MessageRepository messages;
    private final Channel channel;
    /** The channel's queue streams in this shard, most urgent first. */
    private final List<String> queueKeys;
    private final String consumerName;
    private final RateLimiter limiter;
    private final RetryPolicy retries;
    private final ReceiptIndex receiptIndex;
    private final ReceiptProcessor receipts;
    private final SendPreparation preparation;
    private final RecipientRateLimiter recipientLimiter;
    private final CascadeService cascades;
    private final CampaignRates campaignRates;
    private final CampaignWindows campaignWindows;
    private final OptOutRegistry optOuts;
    private final StatusMetrics metrics;
    private final PolicyGate policyGate;
    private final Clock clock;
    private final Duration reclaimAfter;
    private final int capacity;
    private final Set<String> active = new HashSet<>();

    private RedisClusterAsyncCommands<String, String> blocking;
    private Context context;
    private AcceptedBatch acceptedBatch;
    private int inFlight;
    private boolean running;
    private boolean reading;
    /** While recovering: which stream's own pending entries are being resumed, and after which id. */
    private int recoveringStream = 0;
    private String pendingCursor = "0";
    private long recovered;
    private long reclaimTimer = -1;
    private long pauseTimer = -1;
    private final ProviderBreaker breaker;

    public ChannelDispatcher(DispatchContext ctx, Channel channel, int shard, RateLimiter limiter, ProviderBreaker breaker) {
        this.vertx = ctx.vertx();
        this.redis = ctx.redis();
        this.messages = ctx.messages();
        this.channel = channel;
        this.queueKeys = java.util.Arrays.stream(Priority.values()).map(p -> redis.keys().queue(shard, channel.id(), p)).toList();
        this.consumerName = ctx.consumerName();
        this.limiter = limiter;
        this.retries = ctx.retries();
        this.receiptIndex = ctx.receiptIndex();
        this.receipts = ctx.receipts();
        this.optOuts = ctx.optOuts();
        this.preparation = new SendPreparation(ctx.contacts(), ctx.optOuts(), ctx.windows());
        this.recipientLimiter = ctx.recipientLimiter();
        this.cascades = ctx.cascades();
        this.campaignRates = ctx.campaignRates();
        this.campaignWindows = ctx.campaignWindows();
        this.metrics = ctx.metrics();
        this.policyGate = ctx.policyGate();
        this.clock = ctx.clock();
        this.reclaimAfter = ctx.reclaimAfter();
        this.capacity = Math.max(1, channel.maxInFlight());
        this.breaker = breaker;
    }

    /** Must be called on the Vert.x context that will run this dispatcher. */
    public Future<Void> start() {
        context = vertx.getOrCreateContext();
        // index first: a receipt that comes before 'sent' is recorded still finds its message
        acceptedBatch = new AcceptedBatch(messages, context,
                a -> receiptIndex.register(channel.id(), a.id(), a.providerIds()));
        running = true;
        blocking = redis.dedicatedCommands();
        List<Future<String>> groups = new java.util.ArrayList<>();
        for (String key : queueKeys) {
            groups.add(redis.call(c -> c.xgroupCreate(XReadArgs.StreamOffset.from(key, "0"), MessageRepository.GROUP,
                            XGroupCreateArgs.Builder.mkstream()))
                    .recover(e -> String.valueOf(e.getMessage()).contains("BUSYGROUP")
                            ? Future.succeededFuture("OK") : Future.failedFuture(e)));
        }
        return Future.all(groups)
                .onSuccess(v -> {
                    long period = Math.max(1000, reclaimAfter.toMillis() / 2);
                    reclaimTimer = vertx.setPeriodic(period, id -> reclaimAbandoned());
                    readLoop();
                })
                .mapEmpty();
    }

    public void stop() {
        running = false;
        if (reclaimTimer >= 0) {
            vertx.cancelTimer(reclaimTimer);
        }
    }

    public int inFlight() {
        return inFlight;
    }

    /**
     * One read at a time, never beyond capacity. It first walks this consumer's own pending entries (left
     * by a previous run of the same {@code instanceId}) stream by stream with a cursor; then it takes new
     * entries most urgent first, and blocks on all the channel's streams only when every one is empty.
     */
    private void readLoop() {
        if (!running || reading || inFlight >= capacity) {
            return;
        }
        if (!channel.isReady() || !breaker.admitsTraffic()) {
            // the provider is down: jobs stay queued (no attempt used) until it is back or the breaker half-opens
            pauseReading();
            return;
        }
        reading = true;
        int count = Math.min(MAX_BATCH, capacity - inFlight);
        boolean recovering = recoveringStream < queueKeys.size();
        Future<List<StreamMessage<String, String>>> read = recovering
                ? readOwnPending(count)
                : readNew(0, count, new java.util.ArrayList<>());
        read.onComplete(ar -> {
            reading = false;
            if (ar.failed()) {
                if (running) {
                    log.warn("channel {}: reading the queue failed ({}); retrying in 1 s", channel.id(), ar.cause().getMessage());
                    vertx.setTimer(1000, t -> readLoop());
                }
                return;
            }
            processAll(ar.result(), recovering);
            readLoop();
        });
    }

    private Future<List<StreamMessage<String, String>>> readOwnPending(int count) {
        String key = queueKeys.get(recoveringStream);
        return redis.on(blocking.xreadgroup(Consumer.from(MessageRepository.GROUP, consumerName),
                        XReadArgs.Builder.count(count), XReadArgs.StreamOffset.from(key, pendingCursor)))
                .map(entries -> {
                    List<StreamMessage<String, String>> list = entries == null ? List.of() : entries;
                    if (list.isEmpty()) {
                        recoveringStream++;
                        pendingCursor = "0";
                        if (recoveringStream == queueKeys.size() && recovered > 0) {
                            log.info("channel {}: resumed {} job(s) left unfinished by the previous run", channel.id(), recovered);
                        }
                    } else {
                        pendingCursor = list.get(list.size() - 1).getId();
                        recovered += list.size();
                    }
                    return list;
                });
    }

    /** Stream by stream, most urgent first, without blocking; blocks on all of them only when all are empty. */
    private Future<List<StreamMessage<String, String>>> readNew(int stream, int count, List<StreamMessage<String, String>> acc) {
        if (stream == queueKeys.size()) {
            if (!acc.isEmpty()) {
                return Future.succeededFuture(acc);
            }
            @SuppressWarnings("unchecked")
            XReadArgs.StreamOffset<String>[] all = queueKeys.stream().map(XReadArgs.StreamOffset::lastConsumed)
                    .toArray(XReadArgs.StreamOffset[]::new);
            return redis.on(blocking.xreadgroup(Consumer.from(MessageRepository.GROUP, consumerName),
                            XReadArgs.Builder.block(BLOCK_MS).count(count), all))
                    .map(entries -> entries == null ? List.of() : entries);
        }
        return redis.on(blocking.xreadgroup(Consumer.from(MessageRepository.GROUP, consumerName),
                        XReadArgs.Builder.count(count - acc.size()), XReadArgs.StreamOffset.lastConsumed(queueKeys.get(stream))))
                .compose(entries -> {
                    if (entries != null) {
                        acc.addAll(entries);
                    }
                    return acc.size() >= count ? Future.succeededFuture(acc) : readNew(stream + 1, count, acc);
                });
    }

    private void pauseReading() {
        if (pauseTimer < 0) {
            pauseTimer = vertx.setTimer(PAUSE_MS, t -> {
                pauseTimer = -1;
                readLoop();
            });
        }
    }

    /** Takes over entries that a dead consumer (or this one, before a restart) left pending too long. */
    private void reclaimAbandoned() {
        if (!running) {
            return;
        }
        for (String key : queueKeys) {
            redis.call(c -> c.xautoclaim(key, XAutoClaimArgs.Builder
                            .xautoclaim(Consumer.from(MessageRepository.GROUP, consumerName), reclaimAfter, "0-0")
                            .count(MAX_BATCH)))
                    .onSuccess(claimed -> {
                        for (StreamMessage<String, String> e : claimed.getMessages()) {
                            if (!active.contains(e.getId())) {
                                log.info("channel {}: taking over job {} abandoned by a stopped dispatcher", channel.id(), e.getId());
                                process(e, true);
                            }
                        }
                    })
                    .onFailure(e -> log.warn("channel {}: reclaiming abandoned jobs failed: {}", channel.id(), e.getMessage()));
        }
    }

    /** A queue entry: the stream it was read from and its id, which the outcome's Lua step acknowledges. */
    private record Entry(String queue, String id) {
    }

    private Future<Void> process(StreamMessage<String, String> streamEntry, boolean recovering) {
        String entryId = streamEntry.getId();
        Entry entry = new Entry(streamEntry.getStream(), entryId);
        Map<String, String> body = streamEntry.getBody();
        String id = body == null ? null : body.get("id");
        if (id == null || !active.add(entryId)) {
            return Future.succeededFuture();
        }
        inFlight++;
        Instant start = clock.instant();
        return carryOn(entry, id, messages.claim(entry.queue(), entryId, id, recovering, start), start);
    }

    /** The entries of one read: claimed in one script call, then each carried on as {@link #process} does. */
    private void processAll(List<StreamMessage<String, String>> read, boolean recovering) {
        List<MessageRepository.ClaimRequest> requests = new java.util.ArrayList<>(read.size());
        for (StreamMessage<String, String> streamEntry : read) {
            Map<String, String> body = streamEntry.getBody();
            String id = body == null ? null : body.get("id");
            if (id != null && active.add(streamEntry.getId())) {
                inFlight++;
                requests.add(new MessageRepository.ClaimRequest(streamEntry.getStream(), streamEntry.getId(), id));
            }
        }
        if (requests.isEmpty()) {
            return;
        }
        Instant start = clock.instant();
        Future<List<MessageRepository.Claim>> claims = messages.claimAll(requests, recovering, start);
        for (int i = 0; i < requests.size(); i++) {
            MessageRepository.ClaimRequest r = requests.get(i);
            int at = i;
            carryOn(new Entry(r.queueKey(), r.entryId()), r.messageId(), claims.map(all -> all.get(at)), start);
        }
    }

    /** What follows a claim, until the entry's outcome is recorded (or it is left pending). */
    private Future<Void> carryOn(Entry entry, String id, Future<MessageRepository.Claim> claimed, Instant start) {
        String entryId = entry.id();
        return claimed
                .compose(claim -> switch (claim.kind()) {
                    case CLAIMED -> send(claim.message(), entry, start);
                    case EXPIRED -> {
                        metrics.statusReached(channel.id(), MessageStatus.EXPIRED.wireName());
                        yield messages.find(id).compose(r -> r.isPresent()
                                ? cascades.stepFailed(r.get(), "expired before sending") : Future.succeededFuture());
                    }
                    default -> Future.<Void>succeededFuture();
                })
                .onFailure(e -> {
                    // on shutdown every job in flight ends this way; the entry stays pending and is resumed at start
                    if (running) {
                        log.warn("channel {}: job {} not finished, it stays pending: {}", channel.id(), id, e.getMessage());
                    } else {
                        log.debug("channel {}: job {} left pending at shutdown", channel.id(), id);
                    }
                })
                .onComplete(x -> {
                    inFlight--;
                    active.remove(entryId);
                    context.runOnContext(v -> readLoop());
                });
    }

    /** A campaign's message goes out only inside its window in the debtor's local time; then as any other. */
    private Future<Void> send(MessageRecord m, Entry entry, Instant start) {
        return campaignWindows.check(m, clock.instant()).compose(window -> {
            if (window instanceof CampaignWindows.Verdict.Wait wait) {
                return deferUntil(m, entry, wait.until(), CampaignWindows.WAIT_REASON, wait.detail());
            }
            if (window instanceof CampaignWindows.Verdict.Over over) {
                return windowOver(m, entry, over.detail());
            }
            return sendNow(m, entry, start);
        });
    }

    /** The campaign's window closed for this debtor: expired unsent, and a cascade moves on (its steps expire too). */
    private Future<Void> windowOver(MessageRecord m, Entry entry, String detail) {
        metrics.failed(channel.id(), CampaignWindows.OVER_REASON);
        return messages.transition(m.id(), entry.queue(), MessageStatus.EXPIRED, clock.instant(), detail, entry.id(),
                        null, false, MessageStatus.SENDING,
                        Map.of("ec", CampaignWindows.OVER_REASON, "ecl", "policy", "em", detail))
                .compose(r -> r.applied() ? cascades.stepFailed(m, CampaignWindows.OVER_REASON) : Future.succeededFuture());
    }

    private Future<Void> sendNow(MessageRecord m, Entry entry, Instant start) {
        return preparation.prepare(m, channel).compose(prepared -> {
            if (prepared instanceof SendPreparation.Prepared.OptedOut optedOut) {
                return reject(m, entry, optedOut);
            }
            if (prepared instanceof SendPreparation.Prepared.Refused refused) {
                return recordFailure(m, entry, refused.failure());
            }
            OutboundMessage out = ((SendPreparation.Prepared.Send) prepared).message();
            if (policyGate == null) {
                return paced(m, entry, out, start, PolicyGate.Slots.NONE);
            }
            return policyGate.check(m, channel.type(), out.to(), clock.instant()).compose(verdict -> {
                if (verdict instanceof PolicyGate.Verdict.Wait wait) {
                    return deferUntil(m, entry, wait.until(), wait.reason(), wait.detail());
                }
                if (verdict instanceof PolicyGate.Verdict.Stop stop) {
                    return rejectByPolicy(m, entry, stop);
                }
                return paced(m, entry, out, start, ((PolicyGate.Verdict.Pass) verdict).slots());
            });
        });
    }

    /** The provider's per-recipient rate, then the send; policy slots taken are given back if it must wait. */
    private Future<Void> paced(MessageRecord m, Entry entry, OutboundMessage out, Instant start, PolicyGate.Slots slots) {
        String address = OptOutRegistry.address(out.to().phone(), out.to().email(), out.to().channelUserId());
        if (channel.ratePerRecipient() > 0 && address != null) {
            return recipientLimiter.acquire(channel.id(), address, channel.ratePerRecipient()).compose(outcome ->
                    outcome instanceof RecipientRateLimiter.Outcome.Later later
                            ? release(slots).compose(v -> deferWithoutAttempt(m, entry, later.after(), "the provider's per-recipient rate"))
                            : submit(m, entry, out, start, slots));
        }
        return submit(m, entry, out, start, slots);
    }

    private Future<Void> release(PolicyGate.Slots slots) {
        return policyGate == null ? Future.succeededFuture() : policyGate.release(slots);
    }

    /**
     * The contact policy or the campaign's window holds it back: queued again for {@code at}, no attempt used, the
     * detail in the history and the reason ({@link vestnik.gateway.store.MessageRepository#DEFERRAL_FIELD}) counted.
     */
    private Future<Void> deferUntil(MessageRecord m, Entry entry, Instant at, String reason, String detail) {
        metrics.retried(channel.id(), "policy");
        String attempts = Integer.toString(Math.max(0, m.attempts() - 1));
        return messages.transition(m.id(), entry.queue(), MessageStatus.QUEUED, clock.instant(), detail, entry.id(),
                at, false, MessageStatus.SENDING, reason == null ? Map.of("at", attempts)
                        : Map.of("at", attempts, MessageRepository.DEFERRAL_FIELD, reason)).mapEmpty();
    }

    /** The contact policy forbids it: rejected with the reason as the error code, and a cascade moves on. */
    private Future<Void> rejectByPolicy(MessageRecord m, Entry entry, PolicyGate.Verdict.Stop stop) {
        metrics.failed(channel.id(), stop.code());
        return messages.transition(m.id(), entry.queue(), MessageStatus.REJECTED, clock.instant(), stop.detail(),
                        entry.id(), null, false, MessageStatus.SENDING,
                        Map.of("ec", stop.code(), "ecl", "policy", "em", stop.detail()))
                .compose(r -> r.applied() ? cascades.stepFailed(m, stop.code()) : Future.succeededFuture());
    }

    /** Back to the due set without using up an attempt: the wait is the provider's, not the message's fault. */
    private Future<Void> deferWithoutAttempt(MessageRecord m, Entry entry, Duration after, String why) {
        Instant at = clock.instant().plus(after);
        return messages.transition(m.id(), entry.queue(), MessageStatus.QUEUED, clock.instant(),
                why + ": next try at " + at, entry.id(), at, false, MessageStatus.SENDING,
                Map.of("at", Integer.toString(Math.max(0, m.attempts() - 1)))).mapEmpty();
    }

    private Future<Void> submit(MessageRecord m, Entry entry, OutboundMessage out, Instant start, PolicyGate.Slots slots) {
        if (!breaker.tryAcquire()) {
            // half-open and the trial sends are taken: this one waits its turn, no attempt used
            return release(slots).compose(v -> deferWithoutAttempt(m, entry, Duration.ofMillis(PAUSE_MS),
                    "the provider is recovering (circuit half-open)"));
        }
        int tokens = Math.max(1, m.segments());
        Future<Void> permit = (limiter == null ? Future.<Void>succeededFuture() : limiter.acquire(tokens))
                .compose(v -> campaignRates.acquire(m.campaignId(), channel, tokens));
        return permit
                .compose(v -> {
                    Instant sendStart = clock.instant();
                    return channel.send(out)
                            .recover(e -> Future.succeededFuture(new SendResult.Failed(ErrorClass.TRANSIENT,
                                    FailureCodes.PROVIDER_ERROR, null, "send failed: " + e.getMessage(), null)))
                            .onSuccess(result -> breaker.record(result, Duration.between(sendStart, clock.instant())));
                })
                .compose(result -> {
                    metrics.sendLatency(channel.id(), Duration.between(start, clock.instant()));
                    if (result instanceof SendResult.Accepted accepted) {
                        Future<Void> answer = policyGate == null ? Future.succeededFuture()
                                : policyGate.awaitAnswer(m.id(), slots);
                        return answer.compose(v -> recordAccepted(m, entry, accepted));
                    }
                    SendResult.Failed failed = (SendResult.Failed) result;
                    // the debtor was not contacted: the policy's slots go back (a retry takes them again)
                    Future<Void> optOut = release(slots).compose(v -> FailureCodes.RECIPIENT_OPTED_OUT.equals(failed.code())
                            ? optOuts.record(channel.id(), OptOutRegistry.address(out.to().phone(), out.to().email(),
                                    out.to().channelUserId()), "provider: " + failed.code(), clock.instant())
                            : Future.succeededFuture());
                    return optOut.compose(x -> recordFailure(m, entry, failed));
                });
    }

    /** The recipient opted out of this channel: never sent, and the reason is on the message. */
    private Future<Void> reject(MessageRecord m, Entry entry, SendPreparation.Prepared.OptedOut optedOut) {
        metrics.failed(channel.id(), "opted_out");
        return messages.transition(m.id(), entry.queue(), MessageStatus.REJECTED, clock.instant(),
                "opted_out: " + optedOut.reason(), entry.id(), null, false, MessageStatus.SENDING,
                Map.of("ec", "opted_out", "ecl", "policy",
                        "em", "the recipient opted out of this channel (" + optedOut.reason() + ")"))
                .compose(r -> r.applied() ? cascades.stepFailed(m, "opted out of " + channel.id()) : Future.succeededFuture());
    }

    private Future<Void> recordAccepted(MessageRecord m, Entry entry, SendResult.Accepted accepted) {
        metrics.sent(channel.id());
        // the receipt index, then 'sent' (batched with other submissions of this turn: AcceptedBatch)
        return acceptedBatch.accepted(new MessageRepository.Accepted(m.id(), entry.queue(), entry.id(),
                        accepted.providerIds(), clock.instant()))
                .compose(v -> receipts.applyParked(channel.id(), accepted.providerIds()))
                .compose(v -> cascades.stepAccepted(m));
    }

    private Future<Void> recordFailure(MessageRecord m, Entry entry, SendResult.Failed failed) {
        Instant now = clock.instant();
        RetryPolicy.Decision decision = retries.decide(failed, m.attempts(), now, m.expiresAt());
        String reason = failed.code() + (failed.providerCode() != null ? " (" + failed.providerCode() + ")" : "")
                + ": " + failed.message();
        if (decision instanceof RetryPolicy.Decision.Retry retry) {
            metrics.retried(channel.id(), failed.errorClass().name().toLowerCase());
            if (failed.errorClass() == ErrorClass.RATE_LIMITED && limiter != null) {
                limiter.slowDown(THROTTLE_PENALTY.compareTo(Duration.between(now, retry.at())) > 0
                        ? THROTTLE_PENALTY : Duration.between(now, retry.at()));
            }
            Map<String, String> fields = retry.countsAsAttempt() ? Map.of()
                    : Map.of("at", Integer.toString(Math.max(0, m.attempts() - 1)));
            return messages.transition(m.id(), entry.queue(), MessageStatus.QUEUED, now,
                    "retry at " + retry.at() + " after " + reason, entry.id(), retry.at(), false,
                    MessageStatus.SENDING, fields).mapEmpty();
        }
        MessageStatus next = decision instanceof RetryPolicy.Decision.Expire ? MessageStatus.EXPIRED : MessageStatus.FAILED;
        log.info("channel {}: message {} to {} {}: {}", channel.id(), m.id(), Mask.phone(m.phone()),
                next.wireName(), failed.code());
        metrics.failed(channel.id(), failed.errorClass().name().toLowerCase());
        Map<String, String> fields = new java.util.HashMap<>();
        fields.put("ec", next == MessageStatus.EXPIRED ? "ttl_expired" : failed.code());
        fields.put("ecl", failed.errorClass().name().toLowerCase());
        fields.put("em", next == MessageStatus.EXPIRED ? "the TTL ran out while retrying: " + reason : failed.message());
        if (failed.providerCode() != null) {
            fields.put("epc", failed.providerCode());
        }
        return messages.transition(m.id(), entry.queue(), next, now, reason, entry.id(), null, false,
                MessageStatus.SENDING, fields)
                .compose(r -> r.applied() ? cascades.stepFailed(m, failed.code()) : Future.succeededFuture());
    }
}
