package vestnik.gateway.inbox;

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vestnik.gateway.store.MessageFeed;
import vestnik.gateway.store.RedisStore;

/**
 * The inbox's live events. Every change is published on one Redis pub/sub channel and every gateway hands
 * it to its own subscribers of that tenant, so agents on two gateways see each other's replies at once.
 * Status changes of our messages are not published by the dispatchers: while a tenant has a subscriber
 * here, this gateway follows the tenant's message feed and passes on the changes of threaded messages.
 */
public final class InboxEvents {

    private static final Logger log = LoggerFactory.getLogger(InboxEvents.class);
    private static final int FEED_PAGE = 200;

    private final Vertx vertx;
    private final RedisStore redis;
    private final MessageFeed feed;
    private final ConversationStore conversations;
    private final Clock clock;
    private final Duration statusPoll;
    private final Map<String, Set<Consumer<JsonObject>>> subscribers = new HashMap<>();
    private final Map<String, StatusWatch> watches = new HashMap<>();
    private Context context;
    private StatefulRedisPubSubConnection<String, String> pubSub;

    private final class StatusWatch {
        final long timer;
        MessageFeed.Position position;
        boolean busy;

        StatusWatch(String tenantId) {
            position = MessageFeed.Position.from(clock.instant());
            timer = vertx.setPeriodic(statusPoll.toMillis(), id -> poll(tenantId, this));
        }
    }

    public InboxEvents(Vertx vertx, RedisStore redis, MessageFeed feed, ConversationStore conversations, Clock clock,
                       Duration statusPoll) {
        this.vertx = vertx;
        this.redis = redis;
        this.feed = feed;
        this.conversations = conversations;
        this.clock = clock;
        this.statusPoll = statusPoll;
    }

    /** Must be called on the context that serves the live streams. */
    public Future<Void> start() {
        context = vertx.getOrCreateContext();
        pubSub = redis.pubSub();
        pubSub.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                context.runOnContext(v -> deliver(message));
            }
        });
        return redis.on(pubSub.async().subscribe(redis.keys().inboxEvents())).mapEmpty();
    }

    public void stop() {
        watches.values().forEach(w -> vertx.cancelTimer(w.timer));
        watches.clear();
    }

    /** Announces a change to every gateway; a failure costs live viewers one event, never the change itself. */
    public void publish(String tenantId, JsonObject event) {
        String payload = new JsonObject().put("tenant", tenantId).put("event", event).encode();
        redis.call(c -> c.publish(redis.keys().inboxEvents(), payload))
                .onFailure(e -> log.warn("inbox event not published: {}", e.getMessage()));
    }

    /** Adds a live viewer of a tenant's inbox; answers what removes it. Call on the serving context. */
    public Runnable subscribe(String tenantId, Consumer<JsonObject> viewer) {
        subscribers.computeIfAbsent(tenantId, t -> new CopyOnWriteArraySet<>()).add(viewer);
        watches.computeIfAbsent(tenantId, StatusWatch::new);
        return () -> {
            Set<Consumer<JsonObject>> set = subscribers.get(tenantId);
            if (set != null) {
                set.remove(viewer);
                if (set.isEmpty()) {
                    subscribers.remove(tenantId);
                    StatusWatch w = watches.remove(tenantId);
                    if (w != null) {
                        vertx.cancelTimer(w.timer);
                    }
                }
            }
        };
    }

    private void deliver(String message) {
        JsonObject m;
        try {
            m = new JsonObject(message);
        } catch (RuntimeException e) {
            log.warn("unreadable inbox event ignored");
            return;
        }
        deliverLocally(m.getString("tenant"), m.getJsonObject("event"));
    }

    private void deliverLocally(String tenantId, JsonObject event) {
        Set<Consumer<JsonObject>> set = subscribers.get(tenantId);
        if (set != null && event != null) {
            set.forEach(s -> s.accept(event));
        }
    }

    private void poll(String tenantId, StatusWatch w) {
        if (w.busy) {
            return;
        }
        w.busy = true;
        feed.page(tenantId, Set.of(), w.position, FEED_PAGE)
                .compose(page -> {
                    w.position = page.next();
                    var checks = page.entries().stream().map(e -> conversations
                            .conversationOfMessage(tenantId, e.message().id())
                            .onSuccess(conv -> conv.ifPresent(id -> deliverLocally(tenantId, new JsonObject()
                                    .put("type", "status")
                                    .put("conversationId", id)
                                    .put("messageId", e.message().id())
                                    .put("status", e.message().status().wireName())
                                    .put("at", e.changedAt().toString()))))).toList();
                    return Future.join(checks);
                })
                .onComplete(ar -> {
                    w.busy = false;
                    if (ar.failed()) {
                        log.warn("inbox status watch of a tenant failed: {}", ar.cause().getMessage());
                    }
                });
    }
}
