package vestnik.gateway.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.parsetools.RecordParser;
import io.vertx.core.streams.ReadStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vestnik.gateway.api.ApiError;

/**
 * Reads one campaign upload as a stream of lines and stores its rows group by group. While a group is being
 * written the stream is paused, so the request's back-pressure holds the sender and no more than one group
 * (plus the parser's buffer) is ever in memory, whatever the size of the upload.
 */
final class CampaignUpload {

    /** Rows written together: large enough to pipeline well, small enough to keep memory flat. */
    static final int GROUP = 500;
    static final int MAX_LINE_BYTES = 64 * 1024;
    /** What the parser may buffer of one unfinished line before the upload is given up: the memory bound. */
    static final int MAX_BUFFERED_LINE_BYTES = 1024 * 1024;
    static final int ERRORS_SHOWN = 100;

    /** What the upload came to: its counts and its first refused rows. */
    record Summary(long rows, long accepted, long rejected, List<CampaignStore.RowOutcome> firstErrors) {
    }

    private final JobIntake intake;
    private final CampaignStore store;
    private final String campaignId;
    private final String tenantId;
    private final RowDecoder decoder;
    private final RowJobs rowJobs;
    private final Clock clock;

    private final List<CampaignStore.RowOutcome> refused = new ArrayList<>();
    private final List<JsonNode> jobs = new ArrayList<>();
    private final List<Integer> jobLines = new ArrayList<>();
    private final List<CampaignStore.RowOutcome> firstErrors = new ArrayList<>();
    private Future<Void> tail = Future.succeededFuture();
    private int line;
    private long rows;
    private long accepted;
    private ApiError unusable;

    CampaignUpload(JobIntake intake, CampaignStore store, String campaignId, String tenantId, RowDecoder decoder,
                   RowJobs rowJobs, Clock clock) {
        this.intake = intake;
        this.store = store;
        this.campaignId = campaignId;
        this.tenantId = tenantId;
        this.decoder = decoder;
        this.rowJobs = rowJobs;
        this.clock = clock;
    }

    /**
     * Takes hold of {@code body} at once (a body not held is read and lost) but reads it only once {@code ready}
     * has succeeded, so that nothing is stored before the campaign is.
     */
    Future<Summary> consume(ReadStream<Buffer> body, Future<Void> ready) {
        Promise<Summary> done = Promise.promise();
        RecordParser lines = RecordParser.newDelimited("\n", body);
        lines.pause();
        lines.maxRecordSize(MAX_BUFFERED_LINE_BYTES);
        lines.exceptionHandler(t -> {
            if (unusable == null && t instanceof IllegalStateException) {
                // the parser's only complaint: a line longer than the limit (the connection's own failures are not this type)
                unusable = new ApiError(vestnik.gateway.api.ErrorCode.INVALID_ROWS,
                        "line " + (line + 1) + " is longer than " + MAX_BUFFERED_LINE_BYTES + " bytes");
            }
            Throwable cause = unusable != null ? unusable : t;
            tail.onComplete(ar -> done.tryFail(cause));
        });
        lines.handler(buf -> {
            if (unusable != null) {
                return;
            }
            line++;
            if (buf.length() > MAX_LINE_BYTES && !decoder.wantsHeader()) {
                refused.add(new CampaignStore.RowOutcome(line, null, "invalid_row", "the line is longer than " + MAX_LINE_BYTES + " bytes"));
                return;
            }
            String s = buf.toString(StandardCharsets.UTF_8);
            if (s.endsWith("\r")) {
                s = s.substring(0, s.length() - 1);
            }
            if (s.isBlank()) {
                return;
            }
            if (decoder.wantsHeader()) {
                try {
                    decoder.header(s);
                } catch (ApiError e) {
                    unusable = e;
                    tail.onComplete(ar -> done.tryFail(e));
                }
                return;
            }
            read(s);
            if (refused.size() + jobs.size() >= GROUP) {
                lines.pause();
                flush().onSuccess(v -> lines.resume()).onFailure(done::tryFail);
            }
        });
        lines.endHandler(v -> {
            if (unusable != null) {
                return;
            }
            if (decoder.wantsHeader()) {
                done.tryFail(new ApiError(vestnik.gateway.api.ErrorCode.INVALID_ROWS, "the upload has no rows, not even a header"));
                return;
            }
            flush().onSuccess(x -> done.tryComplete(new Summary(rows, accepted, rows - accepted, firstErrors)))
                    .onFailure(done::tryFail);
        });
        ready.onSuccess(v -> lines.resume()).onFailure(done::tryFail);
        return done.future();
    }

    private void read(String s) {
        RowDecoder.Decoded d = decoder.decode(s);
        if (d instanceof RowDecoder.Decoded.Problem p) {
            refused.add(new CampaignStore.RowOutcome(line, null, "invalid_row", p.reason()));
            return;
        }
        Optional<com.fasterxml.jackson.databind.node.ObjectNode> job =
                rowJobs.job(((RowDecoder.Decoded.Values) d).values(), clock.instant());
        if (job.isEmpty()) {
            refused.add(new CampaignStore.RowOutcome(line, null, "missing_field", "the row has neither phone nor contactId"));
            return;
        }
        jobs.add(job.get());
        jobLines.add(line);
    }

    /** Writes the rows read so far after the previous group, in line order. */
    private Future<Void> flush() {
        List<JsonNode> groupJobs = new ArrayList<>(jobs);
        List<Integer> groupLines = new ArrayList<>(jobLines);
        List<CampaignStore.RowOutcome> groupRefused = new ArrayList<>(refused);
        jobs.clear();
        jobLines.clear();
        refused.clear();
        tail = tail.compose(v -> intake.accept(groupJobs, tenantId, 0, campaignId)).compose(outcomes -> {
            List<CampaignStore.RowOutcome> all = new ArrayList<>(groupRefused);
            for (JobOutcome o : outcomes) {
                int l = groupLines.get(o.index());
                if (o instanceof JobOutcome.Accepted a) {
                    all.add(new CampaignStore.RowOutcome(l, a.id(), null, null));
                } else if (o instanceof JobOutcome.Rejected r) {
                    all.add(new CampaignStore.RowOutcome(l, null, r.code(), r.message()));
                }
            }
            all.sort(java.util.Comparator.comparingInt(CampaignStore.RowOutcome::line));
            for (CampaignStore.RowOutcome r : all) {
                rows++;
                if (r.messageId() != null) {
                    accepted++;
                } else if (firstErrors.size() < ERRORS_SHOWN) {
                    firstErrors.add(r);
                }
            }
            return store.append(campaignId, all);
        });
        return tail;
    }
}
