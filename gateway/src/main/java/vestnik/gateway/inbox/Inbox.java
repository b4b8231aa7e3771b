package vestnik.gateway.inbox;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vestnik.gateway.store.MessageRecord;
import vestnik.gateway.store.MessageRepository;
import vestnik.gateway.store.NewMessage;

/**
 * Threads messages into conversations: the debtor's (from the inbound stream), ours (at creation, from any
 * caller) and agents' notes, and tells live viewers. Our messages join a conversation that exists — a
 * campaign to a million contacts opens no million conversations; the debtor's first message does.
 */
public final class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    private final ConversationStore store;
    private final SenderResolver resolver;
    private final MessageRepository messages;
    private final InboxEvents events;
    private final Clock clock;
    private final vestnik.gateway.enforcement.DebtorSessions debtorSessions;

    public Inbox(ConversationStore store, SenderResolver resolver, MessageRepository messages, InboxEvents events,
                 Clock clock) {
        this(store, resolver, messages, events, clock, null);
    }

    /** {@code debtorSessions}: told of each debtor message (R-CP-7), or null when no tenant exempts replies. */
    public Inbox(ConversationStore store, SenderResolver resolver, MessageRepository messages, InboxEvents events,
                 Clock clock, vestnik.gateway.enforcement.DebtorSessions debtorSessions) {
        this.debtorSessions = debtorSessions;
        this.store = store;
        this.resolver = resolver;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    public ConversationStore store() {
        return store;
    }

    public InboxEvents events() {
        return events;
    }

    /** An inbound record (see InboundStore); records that are not messages (opt-outs, link requests) are skipped. */
    public Future<Void> threadInbound(String inboundId, Map<String, String> record) {
        if (record == null || !"message".equals(record.get("k"))) {
            return Future.succeededFuture();
        }
        return resolver.resolve(record).compose(targets -> {
            List<Future<Void>> done = new ArrayList<>();
            targets.forEach(t -> done.add(threadInto(t, inboundId, record)));
            return Future.all(done).mapEmpty();
        });
    }

    private Future<Void> threadInto(SenderResolver.Target t, String inboundId, Map<String, String> record) {
        Instant now = clock.instant();
        String address = record.get("fph") != null ? record.get("fph")
                : record.get("fem") != null ? record.get("fem") : record.get("fid");
        Instant at = record.containsKey("at") ? Instant.ofEpochMilli(Long.parseLong(record.get("at"))) : now;
        TimelineEntry entry = new TimelineEntry(inboundId, TimelineEntry.Type.INBOUND, record.get("c"), record.get("tx"),
                address, Dtmf.choice(record.get("attr")), null, at);
        return store.conversationFor(t.tenantId(), t.contactId(), t.unidentified(), now)
                .compose(conv -> resolver.answeredMessage(record).compose(rm -> answered(t.tenantId(), conv, rm)).map(conv))
                .compose(conv -> store.thread(t.tenantId(), conv, "in:" + inboundId, entry, now))
                .compose(th -> debtorSessions == null || t.contactId() == null ? Future.succeededFuture(th)
                        : debtorSessions.debtorWrote(t.tenantId(), t.contactId(), sessionStart(at, now)).map(th))
                .onSuccess(th -> {
                    if (th.added()) {
                        announce(t.tenantId(), th.conversationId(), entry.toJson());
                    }
                })
                .mapEmpty();
    }

    /**
     * When the debtor's session began on this gateway's clock: now, less how old the message already is. Its
     * {@code at} is the provider's wall-clock time, so its age is measured on the wall clock; a message threaded
     * late (a backlog after a restart) opens a session that is already partly or wholly over.
     */
    private static Instant sessionStart(Instant at, Instant now) {
        return now.minusMillis(Math.max(0, System.currentTimeMillis() - at.toEpochMilli()));
    }

    /** The message of ours that the debtor answers belongs in the conversation, before the answer. */
    private Future<Void> answered(String tenantId, String conversationId, String messageId) {
        if (messageId == null) {
            return Future.succeededFuture();
        }
        return messages.find(messageId).compose(m -> m.filter(r -> tenantId.equals(r.tenantId()))
                .map(r -> store.thread(tenantId, conversationId, r.id(), outbound(r), clock.instant()).<Void>mapEmpty())
                .orElseGet(Future::succeededFuture));
    }

    /** Any message of ours just created: threaded if its contact (or its phone's unidentified sender) has a conversation. */
    public Future<Void> outboundCreated(NewMessage m) {
        String contactId = m.contactId() != null ? m.contactId()
                : m.phone() != null ? SenderResolver.unidentifiedContactId("phone:" + m.phone()) : null;
        if (contactId == null) {
            return Future.succeededFuture();
        }
        return store.conversationOf(m.tenantId(), contactId).compose(conv -> conv.isEmpty() ? Future.<Void>succeededFuture()
                        : threadOwn(m.tenantId(), conv.get(), m.id(), m.channelId(), m.text(), null, m.createdAt()))
                .onFailure(e -> log.warn("message {} not threaded into its conversation: {}", m.id(), e.getMessage()));
    }

    /** A message of ours (an agent's reply, or an upstream job) in a known conversation. */
    public Future<Void> threadOwn(String tenantId, String conversationId, String messageId, String channelId, String text,
                                  String by, Instant at) {
        Instant now = clock.instant();
        TimelineEntry entry = new TimelineEntry(messageId, TimelineEntry.Type.OUTBOUND, channelId, text, null, null, by,
                at == null ? now : at);
        return store.thread(tenantId, conversationId, messageId, entry, now).onSuccess(th -> {
            if (th.added()) {
                announce(tenantId, conversationId, entry.toJson().put("status", "queued"));
            }
        }).mapEmpty();
    }

    /** A note or an activity: kept in the timeline and shown to live viewers. */
    public Future<Void> record(String tenantId, String conversationId, TimelineEntry entry) {
        return store.record(tenantId, conversationId, entry, clock.instant())
                .onSuccess(v -> announce(tenantId, conversationId, entry.toJson()));
    }

    /** Tells live viewers that a conversation's state changed (status, assignee, labels, a merge). */
    public void changed(String tenantId, Conversation conversation, String type) {
        events.publish(tenantId, new JsonObject().put("type", type).put("conversationId", conversation.id())
                .put("conversation", conversation.toJson()));
    }

    private void announce(String tenantId, String conversationId, JsonObject entry) {
        events.publish(tenantId, new JsonObject().put("type", "message").put("conversationId", conversationId)
                .put("entry", entry));
    }

    private static TimelineEntry outbound(MessageRecord m) {
        return new TimelineEntry(m.id(), TimelineEntry.Type.OUTBOUND, m.channelId(), m.text(), null, null, null,
                m.createdAt() == null ? Instant.EPOCH : m.createdAt());
    }

    public Future<Optional<MessageRecord>> message(String id) {
        return messages.find(id);
    }
}
