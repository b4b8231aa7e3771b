package vestnik.gateway.api;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import vestnik.channels.spi.MessageStatus;
import vestnik.gateway.config.Role;
import vestnik.gateway.store.MessageFeed;
import vestnik.gateway.store.MessageFeed.Position;

/**
 * {@code GET /v1/messages?externalId=&status=&since=&limit=&cursor=}, for upstream systems that poll
 * instead of taking callbacks: the caller's own messages, oldest change first, each as
 * {@code GET /v1/messages/{id}} shows it without the history, plus {@code updatedAt} (its last status
 * change). Parameters are checked like job fields: a mistyped one is refused, not ignored.
 */
public final class MessageQueryApi {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;
    private static final Set<String> PARAMS = Set.of("externalId", "status", "since", "limit", "cursor");

    /** The checked query. {@code after} combines {@code since} and {@code cursor}: whichever is later. */
    record Query(String externalId, Set<MessageStatus> statuses, Instant since, Position after, int limit) {
    }

    private final MessageFeed feed;

    public MessageQueryApi(MessageFeed feed) {
        this.feed = feed;
    }

    public void list(RoutingContext ctx) {
        try {
            Principal p = Responses.principal(ctx, Role.UPSTREAM);
            Query q = parse(ctx.queryParams());
            Future<JsonObject> answer = q.externalId() != null ? byExternalId(p.tenantId(), q) : page(p.tenantId(), q);
            answer.onSuccess(json -> Responses.json(ctx, 200, json))
                    .onFailure(t -> Responses.failure(ctx, t));
        } catch (RuntimeException e) {
            Responses.failure(ctx, e);
        }
    }

    private Future<JsonObject> page(String tenantId, Query q) {
        return feed.page(tenantId, q.statuses(), q.after(), q.limit()).map(page -> {
            JsonArray messages = new JsonArray();
            page.entries().forEach(e -> messages.add(toJson(e)));
            return new JsonObject().put("messages", messages).put("nextCursor", page.next().encode()).put("more", page.more());
        });
    }

    /** The idempotency key lookup: at most one message, still filtered by status and since when given. */
    private Future<JsonObject> byExternalId(String tenantId, Query q) {
        return feed.byExternalId(tenantId, q.externalId()).map(found -> {
            JsonArray messages = new JsonArray();
            found.filter(e -> q.statuses().isEmpty() || q.statuses().contains(e.message().status()))
                    .filter(e -> q.since() == null || !e.changedAt().isBefore(q.since()))
                    .ifPresent(e -> messages.add(toJson(e)));
            return new JsonObject().put("messages", messages).putNull("nextCursor").put("more", false);
        });
    }

    private static JsonObject toJson(MessageFeed.Entry e) {
        JsonObject json = MessagesApi.toJson(e.message(), List.of());
        json.remove("events");
        return json.put("updatedAt", e.changedAt().toString());
    }

    static Query parse(MultiMap params) {
        for (String name : params.names()) {
            if (!PARAMS.contains(name)) {
                throw new ApiError(ErrorCode.INVALID_QUERY, "unknown query parameter '" + name + "' (" + String.join(", ",
                        List.of("externalId", "status", "since", "limit", "cursor")) + ")");
            }
            if (params.getAll(name).size() > 1) {
                throw new ApiError(ErrorCode.INVALID_QUERY, "query parameter '" + name + "' is given more than once");
            }
        }
        String externalId = params.get("externalId");
        if (externalId != null && (externalId.isEmpty() || externalId.length() > 128)) {
            throw new ApiError(ErrorCode.INVALID_QUERY, "externalId must be 1-128 characters");
        }
        Set<MessageStatus> statuses = EnumSet.noneOf(MessageStatus.class);
        String status = params.get("status");
        if (status != null) {
            for (String s : status.split(",", -1)) {
                statuses.add(MessageStatus.fromWireName(s).orElseThrow(() -> new ApiError(ErrorCode.INVALID_QUERY,
                        "status '" + s.trim() + "' is not a message status; give one or more, comma-separated, such as delivered,failed")));
            }
        }
        Instant since = null;
        String sinceText = params.get("since");
        if (sinceText != null) {
            try {
                since = OffsetDateTime.parse(sinceText).toInstant();
            } catch (DateTimeParseException e) {
                throw new ApiError(ErrorCode.INVALID_QUERY, "since must be an ISO-8601 instant such as 2026-11-24T09:00:00Z "
                        + "(write a + in an offset as %2B)");
            }
        }
        int limit = DEFAULT_LIMIT;
        String limitText = params.get("limit");
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new ApiError(ErrorCode.INVALID_QUERY, "limit must be a whole number from 1 to " + MAX_LIMIT);
            }
        }
        Position after = since == null ? Position.START : Position.from(since);
        String cursor = params.get("cursor");
        if (cursor != null) {
            Position c = Position.decode(cursor).orElseThrow(() -> new ApiError(ErrorCode.INVALID_QUERY,
                    "cursor is not one this gateway handed out; pass nextCursor as it came"));
            after = Position.later(after, c);
        }
        return new Query(externalId, statuses, since, after, limit);
    }
}
