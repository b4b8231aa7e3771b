package vestnik.gateway.inbox;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One tenant's conversation with one contact, across channels.
 *
 * @param unidentified the contact is a stand-in for a sender we could not match; an agent merges it
 * @param lastChannel  the channel of the debtor's last message: where a reply goes by default
 * @param lastAddress  the phone, e-mail or messenger user id the debtor last wrote from
 * @param channels     every channel the conversation has a message on
 */
public record Conversation(String id, String tenantId, String contactId, boolean unidentified,
                           ConversationStatus status, String assignee, Set<String> labels, int unread,
                           Instant lastActivity, Instant createdAt, String lastChannel, String lastAddress,
                           Set<String> channels, String mergedInto, String lastText, boolean lastInbound) {

    /** Characters of the last message the list shows. */
    static final int PREVIEW_CHARS = 120;

    public Conversation(String id, String tenantId, String contactId, boolean unidentified, ConversationStatus status,
                        String assignee, Set<String> labels, int unread, Instant lastActivity, Instant createdAt,
                        String lastChannel, String lastAddress, Set<String> channels, String mergedInto) {
        this(id, tenantId, contactId, unidentified, status, assignee, labels, unread, lastActivity, createdAt, lastChannel,
                lastAddress, channels, mergedInto, null, false);
    }

    /** The first line-ful of a text, whitespace folded, for the conversation list. */
    static String preview(String text) {
        String folded = text.strip().replaceAll("\\s+", " ");
        return folded.length() <= PREVIEW_CHARS ? folded : folded.substring(0, PREVIEW_CHARS - 1) + "…";
    }

    /** A hash field per channel the conversation has a message on, so that adding one is a single HSET. */
    static final String CHANNEL_FIELD = "ch:";

    static Conversation fromHash(String tenantId, Map<String, String> h, Set<String> labels) {
        Set<String> channels = new TreeSet<>();
        h.keySet().stream().filter(k -> k.startsWith(CHANNEL_FIELD)).forEach(k -> channels.add(k.substring(CHANNEL_FIELD.length())));
        return new Conversation(h.get("id"), tenantId, h.get("ct"), "1".equals(h.get("un")),
                ConversationStatus.fromWireName(h.get("st")).orElse(ConversationStatus.OPEN),
                h.get("as"), new TreeSet<>(labels), Integer.parseInt(h.getOrDefault("unr", "0")),
                Instant.ofEpochMilli(Long.parseLong(h.getOrDefault("la", "0"))),
                Instant.ofEpochMilli(Long.parseLong(h.getOrDefault("ca", "0"))),
                h.get("lc"), h.get("lad"),
                channels, h.get("mi"), h.get("lt"), "in".equals(h.get("ld")));
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject()
                .put("id", id)
                .put("contact", new JsonObject().put("id", contactId).put("unidentified", unidentified))
                .put("status", status.wireName())
                .put("assignee", assignee)
                .put("labels", new JsonArray(List.copyOf(labels)))
                .put("unread", unread)
                .put("channels", new JsonArray(List.copyOf(channels)))
                .put("lastChannel", lastChannel)
                .put("lastAddress", lastAddress)
                .put("lastActivityAt", lastActivity.toString())
                .put("lastMessage", lastText == null ? null
                        : new JsonObject().put("text", lastText).put("direction", lastInbound ? "inbound" : "outbound"))
                .put("createdAt", createdAt.toString());
        return json;
    }
}
