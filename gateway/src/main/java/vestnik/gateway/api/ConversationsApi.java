package vestnik.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import vestnik.channels.spi.ChannelType;
import vestnik.channels.spi.MessageStatus;
import vestnik.gateway.config.Role;
import vestnik.gateway.contacts.ContactRepository;
import vestnik.gateway.inbox.Conversation;
import vestnik.gateway.inbox.ConversationStatus;
import vestnik.gateway.inbox.ConversationStore;
import vestnik.gateway.inbox.Inbox;
import vestnik.gateway.inbox.ReplyChannels;
import vestnik.gateway.inbox.TimelineEntry;
import vestnik.gateway.intake.JobParser;
import vestnik.gateway.intake.RecipientCompletion;
import vestnik.gateway.status.StatusMetrics;
import vestnik.gateway.store.Ids;
import vestnik.gateway.store.MessageRepository;

/**
 * {@code /v1/conversations}: the dialogue inbox for agents. "me" is the logged-in user (or the calling key's
 * fingerprint). A reply is an ordinary job (parser, contact policy, WhatsApp window, statuses).
 */
public final class ConversationsApi {

    private static final int DEFAULT_LIMIT = 25;
    private static final int MAX_LIMIT = 100;
    private static final int MAX_NOTE = 4000;
    private static final int MAX_LABEL = 64;

    /** Our messages that did not get through show why (a blocked reply says why in the composer). */
    private static final Set<MessageStatus> UNSENT = Set.of(MessageStatus.FAILED, MessageStatus.EXPIRED, MessageStatus.REJECTED);

    private final Inbox inbox;
    private final ConversationStore store;
    private final MessageRepository messages;
    private final JobParser parser;
    private final RecipientCompletion recipients;
    private final ContactRepository contacts;
    private final Function<String, ChannelType> channelTypes;
    private final Map<String, ChannelType> configured;
    private final vestnik.gateway.store.DueTimes dueTimes;
    private final java.time.Duration streamPing;
    private final StatusMetrics metrics;
    private final Clock clock;

    public ConversationsApi(Inbox inbox, MessageRepository messages, JobParser parser, RecipientCompletion recipients,
                            ContactRepository contacts, Function<String, ChannelType> channelTypes,
                            Map<String, ChannelType> configured, vestnik.gateway.store.DueTimes dueTimes,
                            java.time.Duration streamPing, StatusMetrics metrics, Clock clock) {
        this.dueTimes = dueTimes;
        this.streamPing = streamPing;
        this.configured = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(configured));
        this.inbox = inbox;
        this.store = inbox.store();
        this.messages = messages;
        this.parser = parser;
        this.recipients = recipients;
        this.contacts = contacts;
        this.channelTypes = channelTypes;
        this.metrics = metrics;
        this.clock = clock;
    }

    public void list(RoutingContext ctx) {
        try {
            Principal p = Responses.principal(ctx, Role.AGENT);
            Predicate<Conversation> filter = filter(ctx, p);
            Optional<ConversationStore.Cursor> cursor = Optional.ofNullable(ctx.request().getParam("cursor")).map(c ->
                    ConversationStore.Cursor.decode(c).orElseThrow(() -> new ApiError(ErrorCode.INVALID_QUERY, "cursor is not one we gave")));
            int limit = limit(ctx.request().getParam("limit"));
            store.page(p.tenantId(), filter, cursor, limit)
                    .map(page -> {
                        JsonArray items = new JsonArray();
                        page.conversations().forEach(c -> items.add(c.toJson()));
                        return new JsonObject().put("conversations", items).put("next", page.next());
                    })
                    .onSuccess(json -> Responses.json(ctx, 200, json))
                    .onFailure(t -> Responses.failure(ctx, t));
        } catch (RuntimeException e) {
            Responses.failure(ctx, e);
        }
    }

    private static Predicate<Conversation> filter(RoutingContext ctx, Principal p) {
        Predicate<Conversation> f = c -> true;
        String status = ctx.request().getParam("status");
        if (status != null) {
            ConversationStatus s = ConversationStatus.fromWireName(status).orElseThrow(() ->
                    new ApiError(ErrorCode.INVALID_QUERY, "status must be open, pending or closed"));
            f = f.and(c -> c.status() == s);
        }
        String assignee = ctx.request().getParam("assignee");
        if (assignee != null) {
            if (assignee.equals("unassigned")) {
                f = f.and(c -> c.assignee() == null);
            } else {
                String who = assignee.equals("me") ? actor(p) : assignee;
                f = f.and(c -> who.equals(c.assignee()));
            }
        }
        String channel = ctx.request().getParam("channel");
        if (channel != null) {
            f = f.and(c -> c.channels().contains(channel));
        }
        String label = ctx.request().getParam("label");
        if (label != null) {
            f = f.and(c -> c.labels().contains(label));
        }
        String unread = ctx.request().getParam("unread");
        if (unread != null) {
            if (!unread.equals("true") && !unread.equals("false")) {
                throw new ApiError(ErrorCode.INVALID_QUERY, "unread must be true or false");
            }
            boolean want = unread.equals("true");
            f = f.and(c -> (c.unread() > 0) == want);
        }
        return f;
    }

    private static int limit(String raw) {
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(raw);
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new ApiError(ErrorCode.INVALID_QUERY, "limit must be 1-" + MAX_LIMIT);
    }

    /** The conversation with its timeline in order; reading it clears its unread count. */
    public void get(RoutingContext ctx) {
        try {
            Principal p = Responses.principal(ctx, Role.AGENT);
            owned(ctx, p)
                    .compose(c -> store.markRead(p.tenantId(), c.id()).compose(v -> timeline(c))
                            .compose(entries -> replyChannels(c).map(reply -> c.toJson().put("unread", 0)
                                    .put("replyChannels", reply).put("timeline", entries))))
                    .onSuccess(json -> Responses.json(ctx, 200, json))
                    .onFailure(t -> Responses.failure(ctx, t));
        } catch (RuntimeException e) {
            Responses.failure(ctx, e);
        }
    }

    /** Where the composer may send: the debtor's last channel first. */
    private Future<JsonArray> replyChannels(Conversation c) {
        Future<Optional<vestnik.gateway.contacts.Contact>> contact = c.unidentified()
                ? Future.succeededFuture(Optional.empty()) : contacts.find(c.tenantId(), c.contactId());
        return contact.map(found -> {
            JsonArray out = new JsonArray();
            ReplyChannels.of(c, found, configured).forEach(id -> out.add(new JsonObject().put("channel", id)
                    .put("type", configured.get(id).configName())));
            return out;
        });
    }

    /**
     * The debtor's last channel, unless it is a robocall channel (the debtor pressed a key in a call): then the
     * composer's first choice, or null when no text channel reaches the debtor.
     */
    private Future<String> defaultReplyChannel(Conversation c) {
        ChannelType last = c.lastChannel() == null ? null : configured.get(c.lastChannel());
        if (last == null || !ReplyChannels.isVoice(last)) {
            return Future.succeededFuture(c.lastChannel());
        }
        return replyChannels(c).map(list -> list.isEmpty() ? null : list.getJsonObject(0).getString("channel"));
    }

    /** A reply that waits (quiet hours, a cap): until when, so the composer can say why it has not gone. */
    private Future<Optional<java.time.Instant>> deferredUntil(Optional<vestnik.gateway.store.MessageRecord> m) {
        if (m.isEmpty() || m.get().deferral() == null || m.get().status() != MessageStatus.QUEUED) {
            return Future.succeededFuture(Optional.empty());
        }
        return dueTimes.of(m.get().id());
    }

    /** Our messages' entries carry their current status: the ticks. */
    private Future<JsonArray> timeline(Conversation c) {
        return store.timeline(c.tenantId(), c.id(), clock.instant()).compose(entries -> {
            List<Future<JsonObject>> shown = new ArrayList<>();
            for (JsonObject e : entries) {
                if (TimelineEntry.Type.OUTBOUND.wireName().equals(e.getString("type"))) {
                    shown.add(messages.find(e.getString("id")).compose(m -> deferredUntil(m).map(until -> {
                        until.ifPresent(u -> e.put("deferred", new JsonObject().put("reason", m.get().deferral())
                                .put("until", u.toString())));
                        return m;
                    })).map(m -> {
                        m.ifPresent(r -> {
                            e.put("status", r.status().wireName());
                            if (r.errorCode() != null && UNSENT.contains(r.status())) {
                                JsonObject error = new JsonObject().put("code", r.errorCode());
                                if (r.errorMessage() != null) {
                                    error.put("message", r.errorMessage());
                                }
                                e.put("error", error);
                            }
                        });
                        return e;
                    }));
                } else {
                    shown.add(Future.succeededFuture(e));
                }
            }
            return Future.all(shown).map(all -> {
                JsonArray out = new JsonArray();
                for (int i = 0; i < shown.size(); i++) {
                    out.add((JsonObject) all.resultAt(i));
                }
                return out;
            });
        });
    }

    /**
     * A reply: on the channel of the debtor's last message unless another is named; its text typed, or a
     * canned reply (a published template, rendered for the channel with the tenant's profile and the variables).
     */
    public void reply(RoutingContext ctx) {
        try {
            Principal p = Responses.principal(ctx, Role.AGENT);
            JsonNode body = object(ctx, Set.of("text", "channel", "template", "variables"));
            boolean canned = body.hasNonNull("template");
            if (canned == body.hasNonNull("text")) {
                throw new ApiError(canned ? ErrorCode.TEXT_AND_TEMPLATE : ErrorCode.MISSING_FIELD,
                        "give either text or a template (a canned reply)");
            }
            if (!canned && body.has("variables")) {
                throw new ApiError(ErrorCode.UNKNOWN_FIELD, "variables go with a template");
            }
            String typed = canned ? null : requiredText(body, "text");
            String named = body.hasNonNull("channel") ? body.get("channel").asText() : null;
            owned(ctx, p)
                    .compose(c -> (named != null ? Future.succeededFuture(named) : defaultReplyChannel(c)).compose(channel -> {
                        if (channel == null) {
                            return Future.failedFuture(new ApiError(ErrorCode.MISSING_FIELD, c.lastChannel() == null
                                    ? "the conversation has no message from the debtor yet: name the channel"
                                    : "no text channel reaches the debtor (the last message came from a robocall): name the channel"));
                        }
                        String id = Ids.next();
                        ObjectNode job = JsonNodeFactory.instance.objectNode();
                        job.set("to", recipient(c));
                        job.put("channel", channel);
                        if (canned) {
                            job.set("template", body.get("template"));
                            if (body.has("variables")) {
                                job.set("variables", body.get("variables"));
                            }
                        } else {
                            job.put("text", typed);
                        }
                        return parser.parseJob(job, p.tenantId(), id)
                                .compose(parsed -> recipients.complete(parsed, channelTypes.apply(parsed.channelId())))
                                .compose(m -> messages.create(m, Map.of(vestnik.gateway.store.MessageRecord.REPLY_FIELD, "1")).map(r -> {
                                    metrics.accepted(m.channelId());
                                    return m;
                                }))
                                .compose(m -> inbox.threadOwn(p.tenantId(), c.id(), m.id(), m.channelId(), m.text(), actor(p),
                                        m.createdAt()).map(m))
                                .compose(m -> store.markRead(p.tenantId(), c.id()).map(new JsonObject()
                                        .put("id", m.id()).put("conversationId", c.id())
                                        .put("channel", m.channelId()).put("status", "queued")));
                    }))
                    .onSuccess(json -> Responses.json(ctx, 202, json))
                    .onFailure(t -> Responses.failure(ctx, t));
        } catch (RuntimeException e) {
            Responses.failure(ctx, e);
        }
    }

    /** A known contact is addressed as such (its channels and bindings apply); an unidentified one where it wrote from. */
    private static ObjectNode recipient(Conversation c) {
        ObjectNode to = JsonNodeFactory.instance.objectNode();
        if (!c.unidentified()) {
            return to.put("contactId", c.contactId());
        }
        String address = c.lastAddress();
        if (address != null && address.startsWith("+")) {
            return to.put("phone", address);
        }
        if (address != null && address.contains("@")) {
            return to.put("email", address);
        }
        throw new ApiError(ErrorCode.NO_ADDRESS_FOR_CHANNEL,
                "the sender is a messenger user not yet linked to a contact: merge the conversation into the contact first");
    }

    public void assign(RoutingContext ctx) {
        try {
            Principal p = Responses.principal(ctx, Role.AGENT);
            JsonNode body = object(ctx, Set.of("assignee"));
            if (!body.has("assignee")) {
                throw new ApiError(ErrorCode.MISSING_FIELD, "assignee is required (a user, \"me\" or null)");
            }
            String raw = body.get("assignee").isNull() ? null : body.get("assignee").asText();
            if (raw != null && (raw.isBlank() || raw.length() > 128)) {
                throw new ApiError(ErrorCode.VALIDATION_FAILED, "assignee must be 1-128 characters, \"me\" or null");
            }
            String assignee = "me".equals(raw) ? actor(p) : raw;
            change(ctx, p, c -> (assignee == null ? store.unassign(p.tenantId(), c.id(), clock.instant())
                    : store.set(p.tenantId(), c.id(), Map.of("as", assignee), clock.instant()))
                    .compose(v -> activity(p, c, assignee == null ? "unassigned" : "assigned:" + assignee)), "assignment");
        } catch (RuntimeException e) {
            Responses.failure(ctx, e);
        }
    }

    public void note(RoutingContext ctx) {
        try {
            Principal p = Responses.principal(ctx, Role.AGENT);
            JsonNode body = object(ctx, Set.of("text"));
            String text = requiredText(body, "text");
            if (text.length() > MAX_NOTE) {
                throw new ApiError(ErrorCode.TEXT_TOO_LONG, "a note is at most " + MAX_NOTE + " characters");
            }
            owned(ctx, p)
                    .compose(c -> {
                        TimelineEntry note = new TimelineEntry(Ids.next(), TimelineEntry.Type.NOTE, null, text, null, null,
                                actor(p), clock.instant());
                        return inbox.record(p.tenantId(), c.id(), note).map(note.toJson());
                    })
                    .onSuccess(json -> Responses.json(ctx, 201, json))
                    .onFailure(t -> Responses.failure(ctx, t));
        } catch (RuntimeException e) {
            Responses.failure(ctx, e);
        }
    }

    public void labels(RoutingContext ctx) {
        try {
            Principal p = Responses.principal(ctx, Role.AGENT);
            JsonNode body = object(ctx, Set.of("add", "remove"));
            List<String> add = labelList(body, "add");
            List<String> remove = labelList(body, "remove");
            change(ctx, p, c -> store.labels(p.tenantId(), c.id(), add, remove), "conversation");
        } catch (RuntimeException e) {
            Responses.failure(ctx, e);
        }
    }

    public void close(RoutingContext ctx) {
        status(ctx, ConversationStatus.CLOSED, "closed");
    }

    public void reopen(RoutingContext ctx) {
        status(ctx, ConversationStatus.OPEN, "reopened");
    }

    public void pending(RoutingContext ctx) {
        status(ctx, ConversationStatus.PENDING, "pending");
    }

    private void status(RoutingContext ctx, ConversationStatus status, String action) {
        try {
            Principal p = Responses.principal(ctx, Role.AGENT);
            change(ctx, p, c -> c.status() == status ? Future.succeededFuture()
                    : store.set(p.tenantId(), c.id(), Map.of("st", status.wireName()), clock.instant())
                    .compose(v -> activity(p, c, action)), "conversation");
        } catch (RuntimeException e) {
            Responses.failure(ctx, e);
        }
    }

    /** Moves an unidentified sender's conversation to a known contact of the tenant. */
    public void merge(RoutingContext ctx) {
        try {
            Principal p = Responses.principal(ctx, Role.AGENT);
            JsonNode body = object(ctx, Set.of("contactId"));
            String contactId = requiredText(body, "contactId");
            owned(ctx, p)
                    .compose(c -> {
                        if (!c.unidentified()) {
                            return Future.failedFuture(new ApiError(ErrorCode.NOT_MERGEABLE,
                                    "only a conversation of an unidentified sender can be merged into a contact"));
                        }
                        return contacts.find(p.tenantId(), contactId).compose(found -> found.isEmpty()
                                ? Future.failedFuture(new ApiError(ErrorCode.UNKNOWN_CONTACT, "no contact '" + contactId + "'"))
                                : store.merge(c, contactId, clock.instant()));
                    })
                    .compose(into -> store.find(p.tenantId(), into))
                    .compose(found -> {
                        Conversation c = found.orElseThrow();
                        return activity(p, c, "merged").map(c);
                    })
                    .onSuccess(c -> {
                        inbox.changed(p.tenantId(), c, "conversation");
                        Responses.json(ctx, 200, c.toJson());
                    })
                    .onFailure(t -> Responses.failure(ctx, t));
        } catch (RuntimeException e) {
            Responses.failure(ctx, e);
        }
    }

    /** Server-Sent Events of the caller's tenant: new messages, status changes, assignments, state changes. */
    public void stream(RoutingContext ctx) {
        try {
            Principal p = Responses.principal(ctx, Role.AGENT);
            HttpServerResponse r = ctx.response();
            r.setChunked(true)
                    .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                    .putHeader("Cache-Control", "no-cache")
                    // a compressor may hold events back until its buffer fills
                    .putHeader("Content-Encoding", "identity")
                    .putHeader("X-Accel-Buffering", "no");
            r.write(": connected\n\n");
            Runnable unsubscribe = inbox.events().subscribe(p.tenantId(), event -> {
                if (!r.ended() && !r.closed()) {
                    r.write("event: " + event.getString("type") + "\ndata: " + event.encode() + "\n\n");
                }
            });
            java.util.function.Supplier<Future<Boolean>> stillValid = ctx.get(Principal.STILL_VALID);
            long ping = ctx.vertx().setPeriodic(streamPing.toMillis(), t -> {
                if (r.ended() || r.closed()) {
                    return;
                }
                r.write(": ping\n\n");
                if (stillValid != null) {
                    // a console user logged out elsewhere, or whose password or roles changed, stops hearing events
                    stillValid.get().onSuccess(valid -> {
                        if (!valid && !r.ended() && !r.closed()) {
                            r.end("event: session_ended\ndata: {}\n\n");
                        }
                    });
                }
            });
            // a client that goes away closes the connection; a stream we end leaves the connection open
            Runnable stop = () -> {
                unsubscribe.run();
                ctx.vertx().cancelTimer(ping);
            };
            r.closeHandler(v -> stop.run());
            r.endHandler(v -> stop.run());
        } catch (RuntimeException e) {
            Responses.failure(ctx, e);
        }
    }

    /** Applies a change, reads the conversation again, tells live viewers and answers it. */
    private void change(RoutingContext ctx, Principal p, Function<Conversation, Future<?>> change, String eventType) {
        owned(ctx, p)
                .compose(c -> change.apply(c).compose(v -> store.find(p.tenantId(), c.id())))
                .map(Optional::orElseThrow)
                .onSuccess(c -> {
                    inbox.changed(p.tenantId(), c, eventType);
                    Responses.json(ctx, 200, c.toJson());
                })
                .onFailure(t -> Responses.failure(ctx, t));
    }

    private Future<Void> activity(Principal p, Conversation c, String action) {
        return inbox.record(p.tenantId(), c.id(), new TimelineEntry(Ids.next(), TimelineEntry.Type.ACTIVITY, null, null,
                null, action, actor(p), clock.instant()));
    }

    /** The caller's tenant's conversation; another tenant's id is simply not found. A merged one answers its successor. */
    private Future<Conversation> owned(RoutingContext ctx, Principal p) {
        String id = ctx.pathParam("id");
        return store.find(p.tenantId(), id).compose(found -> {
            if (found.isPresent() && found.get().mergedInto() != null) {
                return store.find(p.tenantId(), found.get().mergedInto());
            }
            return Future.succeededFuture(found);
        }).compose(found -> found.map(Future::succeededFuture)
                .orElseGet(() -> Future.failedFuture(new ApiError(ErrorCode.NOT_FOUND, "no conversation with id '" + id + "'"))));
    }

    private static String actor(Principal p) {
        return p.actor();
    }

    private static JsonNode object(RoutingContext ctx, Set<String> fields) {
        JsonNode body = MessagesApi.readJson(ctx);
        if (!body.isObject()) {
            throw new ApiError(ErrorCode.MALFORMED_JSON, "the body must be a JSON object");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String n = names.next();
            if (!fields.contains(n)) {
                throw new ApiError(ErrorCode.UNKNOWN_FIELD, "unknown field '" + n + "' (expected " + String.join(", ", fields) + ")");
            }
        }
        return body;
    }

    private static String requiredText(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            throw new ApiError(ErrorCode.MISSING_FIELD, field + " is required");
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            throw new ApiError(field.equals("text") ? ErrorCode.TEXT_EMPTY : ErrorCode.VALIDATION_FAILED,
                    field + " must be a non-empty string");
        }
        return n.asText();
    }

    private static List<String> labelList(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            throw new ApiError(ErrorCode.VALIDATION_FAILED, field + " must be a list of labels");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode l : n) {
            if (!l.isTextual() || l.asText().isBlank() || l.asText().length() > MAX_LABEL) {
                throw new ApiError(ErrorCode.VALIDATION_FAILED, "a label is a non-empty string of at most " + MAX_LABEL + " characters");
            }
            out.add(l.asText().trim());
        }
        return out;
    }
}
