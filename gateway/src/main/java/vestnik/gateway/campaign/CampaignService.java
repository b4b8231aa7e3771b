package vestnik.gateway.campaign;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vestnik.channels.spi.MessageStatus;
import vestnik.gateway.api.ApiError;
import vestnik.gateway.api.ErrorCode;
import vestnik.gateway.store.Ids;
import vestnik.gateway.stats.Pricing;
import vestnik.gateway.store.MessageRepository;

/**
 * Campaigns: the upload, the estimate, progress, pause/resume/cancel and the per-row report. Operations on a
 * campaign's messages walk its row list a page at a time, each page's calls issued together.
 */
public final class CampaignService {

    private static final Logger log = LoggerFactory.getLogger(CampaignService.class);
    static final int PAGE = 1000;
    /** Where a paused campaign's messages wait: far enough never to come due by themselves. */
    private static final Duration PARKED = Duration.ofDays(3650);

    /** A campaign that belongs to the caller, with its stored fields. */
    public record Campaign(String id, String tenantId, CampaignSpec spec, CampaignStore.State state, Map<String, String> hash) {
    }

    private final JobIntake intake;
    private final CampaignStore store;
    private final MessageRepository messages;
    private final ToDoubleFunction<String> channelRates;
    private final Duration maxTtl;
    private final Pricing pricing;
    private final Clock clock;

    /**
     * @param channelRates a channel's configured rate in messages a second (0 when unlimited or unknown)
     * @param maxTtl       the longest time to live a job may have
     */
    public CampaignService(JobIntake intake, CampaignStore store, MessageRepository messages,
                           ToDoubleFunction<String> channelRates, Duration maxTtl, Pricing pricing, Clock clock) {
        this.pricing = pricing;
        this.intake = intake;
        this.store = store;
        this.messages = messages;
        this.channelRates = channelRates;
        this.maxTtl = maxTtl;
        this.clock = clock;
    }

    /** Stores the campaign, streams its rows in, and answers what came of them with the estimate. */
    public Future<JsonObject> upload(String tenantId, CampaignSpec spec, RowDecoder.Format format, ReadStream<Buffer> body) {
        String id = Ids.next();
        Instant now = clock.instant();
        CampaignUpload upload = new CampaignUpload(intake, store, id, tenantId, new RowDecoder(format),
                new RowJobs(spec, maxTtl), clock);
        Future<Void> stored = store.create(id, tenantId, spec, now);
        return upload.consume(body, stored)
                // a failed upload is retried whole by its sender: the rows already stored must not go out twice
                .recover(t -> stored.failed() ? Future.failedFuture(t)
                        : store.put(id, Map.of("state", CampaignStore.State.FAILED.wireName(), "reason", String.valueOf(t.getMessage())))
                        .compose(x -> cancelMessages(id, "campaign upload failed"))
                        .transform(x -> Future.failedFuture(t instanceof ApiError e
                                ? new ApiError(e.code(), e.getMessage(), new JsonArray().add(new JsonObject().put("campaignId", id)))
                                : t)))
                .compose(summary -> {
            JsonObject estimate = estimate(spec, summary.accepted(), now);
            return store.put(id, Map.of("state", CampaignStore.State.RUNNING.wireName(), "estimate", estimate.encode()))
                    .map(v -> {
                        JsonArray errors = new JsonArray();
                        summary.firstErrors().forEach(r -> errors.add(new JsonObject().put("line", r.line())
                                .put("code", r.code()).put("message", r.reason())));
                        JsonObject out = new JsonObject().put("id", id).put("state", CampaignStore.State.RUNNING.wireName())
                                .put("rows", summary.rows()).put("accepted", summary.accepted())
                                .put("rejected", summary.rejected()).put("errors", errors).put("estimate", estimate);
                        log.info("campaign {} of tenant {}: {} rows, {} accepted, {} rejected", id, tenantId,
                                summary.rows(), summary.accepted(), summary.rejected());
                        return out;
                    });
        });
    }

    /** Rows ÷ (the channel's rate × the campaign's share) against the open hours left in the window. */
    JsonObject estimate(CampaignSpec spec, long messages, Instant now) {
        long open = spec.openTime(now).getSeconds();
        JsonObject e = new JsonObject().put("windowSeconds", open);
        double rate = spec.channel() == null ? 0 : channelRates.applyAsDouble(spec.channel()) * spec.rateShare();
        if (rate <= 0) {
            return e.put("fits", open > 0).put("note", "the channel's rate is not limited in the configuration");
        }
        long needed = (long) Math.ceil(messages / rate);
        e.put("ratePerSecond", rate).put("neededSeconds", needed).put("fits", needed <= open);
        if (needed > open) {
            e.put("warning", "at " + rate + " messages a second the " + messages + " messages need " + needed
                    + " s of sending, the window holds " + open + " s: about " + (long) Math.floor(rate * open)
                    + " will be sent in it");
        }
        return e;
    }

    public Future<Campaign> find(String id, String tenantId) {
        return store.find(id).compose(found -> found.filter(h -> tenantId.equals(h.get("t")))
                .map(h -> Future.succeededFuture(new Campaign(id, tenantId, CampaignSpec.fromJson(new JsonObject(h.get("spec"))),
                        CampaignStore.State.fromWireName(h.get("state")), h)))
                .orElseGet(() -> Future.failedFuture(new ApiError(ErrorCode.NOT_FOUND, "no campaign with id '" + id + "'"))));
    }

    /**
     * The campaign with its counters, all kept by the status changes and deferrals themselves: {@code statuses} (its
     * messages by status now), {@code deferred} (waiting now, by reason), {@code sent} (ever handed to a provider),
     * {@code delivered} (delivered or read), {@code read}, {@code failed} (failed, expired or rejected unsent) and the
     * {@code cost} of what was sent. A running campaign with nothing left to send is {@code done}.
     */
    public Future<JsonObject> progress(Campaign c) {
        return store.counts(c.id()).map(byName -> {
            Map<String, String> h = c.hash();
            JsonObject statuses = new JsonObject();
            JsonObject deferredReasons = new JsonObject();
            long deferred = 0;
            long sent = 0;
            BigDecimal cost = BigDecimal.ZERO;
            for (Map.Entry<String, Long> e : byName.entrySet()) {
                String name = e.getKey();
                long n = e.getValue();
                if (name.startsWith(DEFERRED)) {
                    if (n > 0) {
                        deferredReasons.put(name.substring(DEFERRED.length()), n);
                        deferred += n;
                    }
                } else if (name.startsWith(SENT)) {
                    String channel = name.substring(SENT.length());
                    sent += n;
                    cost = cost.add(pricing.cost(c.tenantId(), channel, n, byName.getOrDefault(PARTS + channel, 0L)));
                } else if (!name.startsWith(PARTS)) {
                    statuses.put(name, n);
                }
            }
            long pending = count(byName, MessageStatus.SCHEDULED, MessageStatus.QUEUED, MessageStatus.SENDING);
            long accepted = Long.parseLong(h.get("accepted"));
            String state = c.state() == CampaignStore.State.RUNNING && pending == 0 ? DONE : c.state().wireName();
            JsonObject out = new JsonObject().put("id", c.id()).put("name", c.spec().name()).put("state", state)
                    .put("createdAt", h.get("ca")).put("spec", c.spec().toJson())
                    .put("rows", Long.parseLong(h.get("rows"))).put("accepted", accepted)
                    .put("rejected", Long.parseLong(h.get("rejected")))
                    .put("deferred", deferred).put("deferredReasons", deferredReasons)
                    .put("sent", sent)
                    .put("delivered", count(byName, MessageStatus.DELIVERED, MessageStatus.READ))
                    .put("read", count(byName, MessageStatus.READ))
                    .put("failed", count(byName, MessageStatus.FAILED, MessageStatus.EXPIRED, MessageStatus.REJECTED))
                    .put("statuses", statuses);
            if (pricing.priced(c.tenantId())) {
                out.put("cost", Pricing.money(cost));
            }
            if (h.get("estimate") != null) {
                out.put("estimate", new JsonObject(h.get("estimate")));
            }
            if (h.get("reason") != null) {
                out.put("reason", h.get("reason"));
            }
            return out;
        });
    }

    /** The campaign's state as shown: {@code done} is a running campaign none of whose messages waits to be sent. */
    public static final String DONE = "done";
    /** Names in the campaign's counters beside the statuses (see the status-changing scripts' {@code count_change}). */
    private static final String DEFERRED = "dfr:";
    private static final String SENT = "+sent:";
    private static final String PARTS = "+parts:";

    private static long count(Map<String, Long> byName, MessageStatus... statuses) {
        long n = 0;
        for (MessageStatus s : statuses) {
            n += byName.getOrDefault(s.wireName(), 0L);
        }
        return n;
    }

    /**
     * The tenant's campaigns, newest first, as {@link #progress} shows each; with {@code state} only those in it.
     * A filtered page reads on until it is full or {@link #LIST_SCAN} campaigns were looked at, so a rare state
     * may answer a short page with a cursor to go on from.
     */
    public Future<JsonObject> list(String tenantId, String state, int limit, String cursor) {
        JsonArray found = new JsonArray();
        return listFrom(tenantId, state, limit, cursor, 0, found)
                .map(next -> new JsonObject().put("campaigns", found).put("nextCursor", next));
    }

    static final int LIST_SCAN = 500;

    private Future<String> listFrom(String tenantId, String state, int limit, String cursor, int scanned, JsonArray found) {
        int want = limit - found.size();
        return store.newestFirst(tenantId, cursor, want).compose(page -> {
            List<Future<JsonObject>> shown = new ArrayList<>();
            for (String id : page.ids()) {
                shown.add(find(id, tenantId).compose(this::progress));
            }
            return Future.all(shown).compose(all -> {
                for (Future<JsonObject> f : shown) {
                    if (state == null || state.equals(f.result().getString("state"))) {
                        found.add(f.result());
                    }
                }
                int seen = scanned + page.ids().size();
                if (page.next() == null || found.size() >= limit || seen >= LIST_SCAN) {
                    return Future.succeededFuture(page.next());
                }
                return listFrom(tenantId, state, limit, page.next(), seen, found);
            });
        });
    }

    /** Parks every queued or scheduled message of the campaign until it is resumed. */
    public Future<JsonObject> pause(Campaign c) {
        require(c, CampaignStore.State.RUNNING, "pause");
        Instant now = clock.instant();
        long parked = now.plus(PARKED).toEpochMilli();
        long[] count = {0};
        return store.put(c.id(), Map.of("state", CampaignStore.State.PAUSED.wireName()))
                .compose(v -> walk(c.id(), page -> {
                    List<Future<Boolean>> moves = new ArrayList<>();
                    for (String id : ids(page)) {
                        moves.add(messages.transition(id, null, MessageStatus.SCHEDULED, now, "campaign paused", null,
                                        Instant.ofEpochMilli(parked), false, MessageStatus.QUEUED,
                                        Map.of("sa", Long.toString(parked)))
                                .compose(r -> {
                                    if (r.applied()) {
                                        return Future.succeededFuture(true);
                                    }
                                    // already waiting for its send time: it waits for the resume instead
                                    return MessageStatus.SCHEDULED.wireName().equals(r.previousStatus())
                                            ? store.due(List.of(id), parked).map(true) : Future.succeededFuture(false);
                                }));
                    }
                    return Future.all(moves).map(all -> {
                        for (int i = 0; i < all.size(); i++) {
                            if (Boolean.TRUE.equals(all.resultAt(i))) {
                                count[0]++;
                            }
                        }
                        return (Void) null;
                    });
                }))
                .map(v -> new JsonObject().put("id", c.id()).put("state", CampaignStore.State.PAUSED.wireName())
                        .put("held", count[0]));
    }

    /** Makes the parked messages due again: now, or at the window's start if that is still ahead. */
    public Future<JsonObject> resume(Campaign c) {
        require(c, CampaignStore.State.PAUSED, "resume");
        Instant now = clock.instant();
        long at = Math.max(now.toEpochMilli(), c.spec().earliestStart().toEpochMilli());
        long[] count = {0};
        return store.put(c.id(), Map.of("state", CampaignStore.State.RUNNING.wireName()))
                .compose(v -> walk(c.id(), page -> {
                    List<String> ids = ids(page);
                    return store.statuses(ids).compose(st -> {
                        List<String> waiting = new ArrayList<>();
                        for (int i = 0; i < ids.size(); i++) {
                            if (MessageStatus.SCHEDULED.wireName().equals(st.get(i))) {
                                waiting.add(ids.get(i));
                            }
                        }
                        count[0] += waiting.size();
                        return store.due(waiting, at);
                    });
                }))
                .map(v -> new JsonObject().put("id", c.id()).put("state", CampaignStore.State.RUNNING.wireName())
                        .put("released", count[0]));
    }

    /** Cancels every message of the campaign not yet handed to a provider. */
    public Future<JsonObject> cancel(Campaign c) {
        if (c.state() == CampaignStore.State.CANCELLED || c.state() == CampaignStore.State.UPLOADING) {
            throw new ApiError(ErrorCode.CAMPAIGN_STATE, "the campaign is " + c.state().wireName() + ": it cannot be cancelled");
        }
        return store.put(c.id(), Map.of("state", CampaignStore.State.CANCELLED.wireName()))
                .compose(v -> cancelMessages(c.id(), "campaign cancelled"))
                .map(n -> new JsonObject().put("id", c.id()).put("state", CampaignStore.State.CANCELLED.wireName())
                        .put("cancelled", n));
    }

    /** Cancels the campaign's messages not yet handed over; answers how many. */
    private Future<Long> cancelMessages(String campaignId, String detail) {
        Instant now = clock.instant();
        long[] count = {0};
        return walk(campaignId, page -> {
            List<Future<MessageRepository.TransitionResult>> moves = new ArrayList<>();
            for (String id : ids(page)) {
                moves.add(messages.transition(id, null, MessageStatus.CANCELLED, now, detail, null, null, true, null, Map.of()));
            }
            return Future.all(moves).map(all -> {
                for (int i = 0; i < all.size(); i++) {
                    if (((MessageRepository.TransitionResult) all.resultAt(i)).applied()) {
                        count[0]++;
                    }
                }
                return (Void) null;
            });
        }).map(v -> count[0]);
    }

    /**
     * One page of the report: each row's line, message id, status now, error code and message (a refused row's, or
     * why its message failed or expired: {@code campaign_window_over}, {@code ttl_expired}...), and the reason a
     * message waits if it was deferred; empty at the end.
     */
    public Future<List<String>> reportPage(String id, long start) {
        return store.rows(id, start, PAGE).compose(page -> store.outcomes(ids(page)).map(st -> {
            List<String> lines = new ArrayList<>(page.size());
            int next = 0;
            for (CampaignStore.RowOutcome r : page) {
                if (r.messageId() != null) {
                    List<String> o = st.get(next++);
                    String status = o.get(0);
                    boolean waiting = MessageStatus.QUEUED.wireName().equals(status);
                    lines.add(r.line() + ";" + r.messageId() + ";" + (status == null ? "gone" : status) + ";"
                            + csvCell(o.get(1)) + ";" + csvCell(o.get(2)) + ";" + (waiting ? csvCell(o.get(3)) : ""));
                } else {
                    lines.add(r.line() + ";;rejected;" + r.code() + ";" + csvCell(r.reason()) + ";");
                }
            }
            return lines;
        }));
    }

    public static final String REPORT_HEADER = "line;messageId;status;errorCode;errorMessage;deferredReason";

    private static String csvCell(String s) {
        if (s == null) {
            return "";
        }
        return s.indexOf(';') >= 0 || s.indexOf('"') >= 0 ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    private void require(Campaign c, CampaignStore.State state, String action) {
        if (c.state() != state) {
            throw new ApiError(ErrorCode.CAMPAIGN_STATE, "the campaign is " + c.state().wireName() + ": only a "
                    + state.wireName() + " campaign can " + action);
        }
    }

    private static List<String> ids(List<CampaignStore.RowOutcome> page) {
        return page.stream().map(CampaignStore.RowOutcome::messageId).filter(java.util.Objects::nonNull).toList();
    }

    /** Applies {@code each} to the campaign's rows a page at a time, one page after the other. */
    private Future<Void> walk(String id, Function<List<CampaignStore.RowOutcome>, Future<Void>> each) {
        return walkFrom(id, 0, each);
    }

    private Future<Void> walkFrom(String id, long start, Function<List<CampaignStore.RowOutcome>, Future<Void>> each) {
        return store.rows(id, start, PAGE).compose(page -> {
            if (page.isEmpty()) {
                return Future.succeededFuture();
            }
            return each.apply(page).compose(v -> page.size() < PAGE ? Future.succeededFuture() : walkFrom(id, start + PAGE, each));
        });
    }
}
