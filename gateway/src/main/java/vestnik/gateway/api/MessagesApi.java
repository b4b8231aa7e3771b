package vestnik.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vestnik.channels.spi.MessageStatus;
import vestnik.gateway.cascade.CascadeService;
import vestnik.gateway.config.Role;
import vestnik.gateway.intake.JobParser;
import vestnik.gateway.intake.RecipientCompletion;
import vestnik.gateway.status.StatusMetrics;
import vestnik.gateway.store.ContextBatchers;
import vestnik.gateway.store.Ids;
import vestnik.gateway.store.MessageEvent;
import vestnik.gateway.store.MessageRecord;
import vestnik.gateway.store.MessageRepository;
import vestnik.gateway.store.NewMessage;

/** {@code /v1/messages}: accept a job, read a message with its history, cancel one not yet handed over. */
public final class MessagesApi {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private final MessageRepository messages;
    /** The jobs of concurrent requests that are ready in the same turn of the event loop: one script call. */
    private final ContextBatchers<NewMessage, MessageRepository.IntakeResult> stored;
    private final JobParser parser;
    private final CascadeService cascades;
    private final RecipientCompletion recipients;
    private final java.util.function.Function<String, vestnik.channels.spi.ChannelType> channelTypes;
    private final StatusMetrics metrics;
    private final Clock clock;
    private final java.util.function.Function<NewMessage, Future<Void>> onCreated;

    public MessagesApi(MessageRepository messages, JobParser parser, RecipientCompletion recipients,
                       java.util.function.Function<String, vestnik.channels.spi.ChannelType> channelTypes,
                       CascadeService cascades, StatusMetrics metrics, Clock clock) {
        this(messages, parser, recipients, channelTypes, cascades, metrics, clock, m -> Future.succeededFuture());
    }

    /** @param onCreated told of each new message (the inbox threads it); its failure does not fail the job */
    public MessagesApi(MessageRepository messages, JobParser parser, RecipientCompletion recipients,
                       java.util.function.Function<String, vestnik.channels.spi.ChannelType> channelTypes,
                       CascadeService cascades, StatusMetrics metrics, Clock clock,
                       java.util.function.Function<NewMessage, Future<Void>> onCreated) {
        this.onCreated = onCreated;
        this.cascades = cascades;
        this.messages = messages;
        this.stored = new ContextBatchers<>(64, batch -> messages.createAll(batch, Map.of()));
        this.parser = parser;
        this.recipients = recipients;
        this.channelTypes = channelTypes;
        this.metrics = metrics;
        this.clock = clock;
    }

    public void create(RoutingContext ctx) {
        Responses.handle(ctx, Role.UPSTREAM, p -> {
            JsonNode body = readJson(ctx);
            String externalId = body.isObject() && body.hasNonNull("externalId") ? body.get("externalId").asText() : null;
            int shard = externalId == null ? -1 : messages.keys().shardOfExternalId(p.tenantId(), externalId);
            String id = shard < 0 ? Ids.next() : Ids.nextInShard(messages.keys(), shard);
            return parser.parseJob(body, p.tenantId(), id)
                    .compose(parsed -> recipients.complete(parsed, channelTypes.apply(parsed.channelId())))
                    .compose(m -> stored.submit(m).compose(r -> {
                        if (r.created()) {
                            metrics.accepted(m.channelId());
                            String status = m.sendAt() != null ? MessageStatus.SCHEDULED.wireName() : MessageStatus.QUEUED.wireName();
                            return onCreated.apply(m).recover(e -> Future.succeededFuture())
                                    .map(new Responses.Reply(202, new JsonObject().put("id", r.id()).put("status", status)));
                        }
                        return messages.find(r.id()).map(found -> Responses.Reply.ok(new JsonObject()
                                .put("id", r.id())
                                .put("status", found.map(f -> f.status().wireName()).orElse(MessageStatus.QUEUED.wireName()))
                                .put("duplicate", true)));
                    }));
        });
    }

    public void get(RoutingContext ctx) {
        Responses.handle(ctx, Role.UPSTREAM, p -> {
            String id = ctx.pathParam("id");
            return owned(id, p)
                    .compose(m -> messages.events(id).map(events -> toJson(m, events))
                            .compose(json -> cascades.chain(m).map(chain -> {
                                chain.ifPresent(c -> json.put("cascade", chainJson(c)));
                                return json;
                            })))
                    .map(Responses.Reply::ok);
        });
    }

    public void cancel(RoutingContext ctx) {
        Responses.handle(ctx, Role.UPSTREAM, p -> {
            String id = ctx.pathParam("id");
            return owned(id, p)
                    .compose(m -> m.cascade() != null
                            ? cascades.cancel(m).map(v -> new MessageRepository.TransitionResult(true, m.status().wireName()))
                            : messages.transition(id, null, MessageStatus.CANCELLED, clock.instant(),
                            "cancelled by the caller", null, null, true, null, Map.of()))
                    .compose(r -> {
                        if (!r.applied()) {
                            return Future.failedFuture(new ApiError(ErrorCode.NOT_CANCELLABLE,
                                    "the message is '" + r.previousStatus() + "': only queued or scheduled messages can be cancelled"));
                        }
                        return Future.succeededFuture(Responses.Reply.ok(
                                new JsonObject().put("id", id).put("status", MessageStatus.CANCELLED.wireName())));
                    });
        });
    }

    /** The message if it exists and belongs to the caller's tenant; another tenant's id is simply not found. */
    private Future<MessageRecord> owned(String id, Principal p) {
        if (!Ids.looksValid(id)) {
            return Future.failedFuture(new ApiError(ErrorCode.NOT_FOUND, "no message with id '" + id + "'"));
        }
        return messages.find(id).compose(found -> {
            Optional<MessageRecord> m = found.filter(r -> p.tenantId().equals(r.tenantId()));
            return m.map(Future::succeededFuture)
                    .orElseGet(() -> Future.failedFuture(new ApiError(ErrorCode.NOT_FOUND, "no message with id '" + id + "'")));
        });
    }

    private static JsonObject chainJson(CascadeService.Chain c) {
        JsonArray steps = new JsonArray();
        for (MessageRecord s : c.steps()) {
            steps.add(new JsonObject().put("id", s.id()).put("step", s.cascade().step() + 1)
                    .put("channel", s.channelId()).put("status", s.status().wireName()));
        }
        return new JsonObject().put("jobId", c.jobId()).put("cancelled", c.cancelled()).put("steps", steps);
    }

    private static JsonObject recipient(MessageRecord m) {
        JsonObject to = new JsonObject();
        if (m.phone() != null) {
            to.put("phone", m.phone());
        }
        if (m.email() != null) {
            to.put("email", m.email());
        }
        if (m.contactId() != null) {
            to.put("contactId", m.contactId());
        }
        return to;
    }

    static JsonNode readJson(RoutingContext ctx) {
        String raw = ctx.body() == null ? null : ctx.body().asString();
        if (raw == null || raw.isBlank()) {
            throw new ApiError(ErrorCode.MALFORMED_JSON, "the request body is empty; send a JSON object");
        }
        try {
            return JSON.readTree(raw);
        } catch (JsonProcessingException e) {
            throw new ApiError(ErrorCode.MALFORMED_JSON, "the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    static JsonObject toJson(MessageRecord m, List<MessageEvent> events) {
        JsonObject json = new JsonObject()
                .put("id", m.id())
                .put("externalId", m.externalId())
                .put("status", m.status().wireName())
                .put("channel", m.channelId())
                .put("to", recipient(m))
                .put("segments", m.segments())
                .put("priority", m.priority().wireName())
                .put("createdAt", m.createdAt() == null ? null : m.createdAt().toString())
                .put("expiresAt", m.expiresAt() == null ? null : m.expiresAt().toString())
                .put("attempts", m.attempts());
        if (m.sendAt() != null) {
            json.put("sendAt", m.sendAt().toString());
        }
        if (!m.providerIds().isEmpty()) {
            json.put("providerIds", new JsonArray(m.providerIds()));
        }
        if (m.metadataJson() != null) {
            json.put("metadata", new JsonObject(m.metadataJson()));
        }
        if (m.templateKey() != null) {
            json.put("template", new JsonObject().put("key", m.templateKey()).put("version", m.templateVersion()));
        }
        JsonArray ev = new JsonArray();
        for (MessageEvent e : events) {
            JsonObject o = new JsonObject().put("status", e.status()).put("at", e.at());
            if (e.detail() != null) {
                o.put("detail", e.detail());
            }
            ev.add(o);
        }
        json.put("events", ev);
        if (m.errorCode() != null && (m.status() == MessageStatus.FAILED || m.status() == MessageStatus.EXPIRED
                || m.status() == MessageStatus.REJECTED)) {
            JsonObject error = new JsonObject().put("code", m.errorCode());
            if (m.errorClass() != null) {
                error.put("class", m.errorClass());
            }
            if (m.errorProviderCode() != null) {
                error.put("providerCode", m.errorProviderCode());
            }
            if (m.errorMessage() != null) {
                error.put("message", m.errorMessage());
            }
            json.put("error", error);
        }
        return json;
    }
}
