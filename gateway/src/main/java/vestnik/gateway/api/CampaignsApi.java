package vestnik.gateway.api;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import vestnik.gateway.campaign.CampaignService;
import vestnik.gateway.campaign.CampaignSpec;
import vestnik.gateway.campaign.RowDecoder;
import vestnik.gateway.config.Role;

/**
 * {@code /v1/campaigns}: a campaign's header in the query, its rows streamed as the body (CSV or JSON lines);
 * progress, pause, resume, cancel, and the per-row report as CSV; the tenant's campaigns listed newest first.
 */
public final class CampaignsApi {

    private final CampaignService campaigns;
    private final Clock clock;

    public CampaignsApi(CampaignService campaigns, Clock clock) {
        this.campaigns = campaigns;
        this.clock = clock;
    }

    public void create(RoutingContext ctx) {
        try {
            Principal p = Responses.principal(ctx, Role.UPSTREAM);
            RowDecoder.Format format = format(ctx.request().getHeader("Content-Type"));
            CampaignSpec spec = CampaignSpec.parse(ctx.queryParams(), clock);
            campaigns.upload(p.tenantId(), spec, format, ctx.request())
                    .onSuccess(json -> Responses.json(ctx, 201, json))
                    .onFailure(t -> {
                        // the rest of a refused upload is not read: close the connection rather than drain it
                        ctx.response().putHeader("Connection", "close");
                        Responses.failure(ctx, t);
                    });
        } catch (RuntimeException e) {
            ctx.response().putHeader("Connection", "close");
            Responses.failure(ctx, e);
        }
    }

    /** Upstream systems and the console's marketers see campaigns; only upstream (and admins) change them. */
    private static final Set<Role> VIEWERS = EnumSet.of(Role.UPSTREAM, Role.MARKETER);
    private static final int MAX_LIMIT = 100;

    public void get(RoutingContext ctx) {
        try {
            Principal p = RoleCheck.anyOf(ctx, VIEWERS, "see campaigns");
            campaigns.find(ctx.pathParam("id"), p.tenantId())
                    .compose(campaigns::progress)
                    .onSuccess(json -> Responses.json(ctx, 200, json))
                    .onFailure(t -> Responses.failure(ctx, t));
        } catch (RuntimeException e) {
            Responses.failure(ctx, e);
        }
    }

    /** {@code GET /v1/campaigns?state=&limit=&cursor=}: the tenant's campaigns, newest first. */
    public void list(RoutingContext ctx) {
        try {
            Principal p = RoleCheck.anyOf(ctx, VIEWERS, "see campaigns");
            String state = ctx.queryParams().get("state");
            if (state != null && !STATES.contains(state)) {
                throw new ApiError(ErrorCode.INVALID_QUERY, "state must be one of " + STATES);
            }
            int limit = 20;
            String l = ctx.queryParams().get("limit");
            if (l != null) {
                try {
                    limit = Integer.parseInt(l.trim());
                } catch (NumberFormatException e) {
                    limit = -1;
                }
                if (limit < 1 || limit > MAX_LIMIT) {
                    throw new ApiError(ErrorCode.INVALID_QUERY, "limit must be a whole number from 1 to " + MAX_LIMIT);
                }
            }
            String cursor = ctx.queryParams().get("cursor");
            campaigns.list(p.tenantId(), state, limit, cursor == null || cursor.isBlank() ? null : cursor)
                    .onSuccess(json -> Responses.json(ctx, 200, json))
                    .onFailure(t -> Responses.failure(ctx, t));
        } catch (RuntimeException e) {
            Responses.failure(ctx, e);
        }
    }

    private static final List<String> STATES = List.of("uploading", "running", "paused", CampaignService.DONE,
            "cancelled", "failed");

    public void pause(RoutingContext ctx) {
        withCampaign(ctx, campaigns::pause);
    }

    public void resume(RoutingContext ctx) {
        withCampaign(ctx, campaigns::resume);
    }

    public void cancel(RoutingContext ctx) {
        withCampaign(ctx, campaigns::cancel);
    }

    public void report(RoutingContext ctx) {
        try {
            Principal p = RoleCheck.anyOf(ctx, VIEWERS, "see campaigns");
            campaigns.find(ctx.pathParam("id"), p.tenantId())
                    .onSuccess(c -> {
                        HttpServerResponse r = ctx.response().setChunked(true)
                                .putHeader("Content-Type", "text/csv; charset=utf-8")
                                .putHeader("Content-Disposition", "attachment; filename=\"campaign-" + c.id() + ".csv\"");
                        r.write(CampaignService.REPORT_HEADER + "\n");
                        writeFrom(r, c.id(), 0);
                    })
                    .onFailure(t -> Responses.failure(ctx, t));
        } catch (RuntimeException e) {
            Responses.failure(ctx, e);
        }
    }

    /** Writes the report page by page, waiting for the client whenever the write queue is full. */
    private void writeFrom(HttpServerResponse r, String id, long start) {
        campaigns.reportPage(id, start).onComplete(ar -> {
            if (ar.failed()) {
                r.reset();
                return;
            }
            List<String> lines = ar.result();
            if (lines.isEmpty()) {
                r.end();
                return;
            }
            r.write(String.join("\n", lines) + "\n");
            long next = start + lines.size();
            if (r.writeQueueFull()) {
                r.drainHandler(v -> writeFrom(r, id, next));
            } else {
                writeFrom(r, id, next);
            }
        });
    }

    private void withCampaign(RoutingContext ctx, Function<CampaignService.Campaign, Future<JsonObject>> action) {
        try {
            Principal p = Responses.principal(ctx, Role.UPSTREAM);
            campaigns.find(ctx.pathParam("id"), p.tenantId())
                    .compose(action)
                    .onSuccess(json -> Responses.json(ctx, 200, json))
                    .onFailure(t -> Responses.failure(ctx, t));
        } catch (RuntimeException e) {
            Responses.failure(ctx, e);
        }
    }

    private static RowDecoder.Format format(String contentType) {
        String ct = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return switch (ct) {
            case "text/csv" -> RowDecoder.Format.CSV;
            case "application/x-ndjson", "application/jsonl", "application/x-jsonlines" -> RowDecoder.Format.JSON_LINES;
            default -> throw new ApiError(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "send the rows as text/csv or application/x-ndjson (JSON lines)");
        };
    }
}
