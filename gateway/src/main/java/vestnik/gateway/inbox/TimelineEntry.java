package vestnik.gateway.inbox;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Locale;

/**
 * One line of a conversation: a debtor's message (a DTMF choice from a call is one too), one of ours, an
 * agent's note, or an activity (assigned, closed, reopened, merged). Our messages are stored without their
 * status: the timeline reads it from the message when it is shown, so a tick never lags behind.
 *
 * @param id      the inbound record id, our message id, or a fresh id for notes and activities
 * @param address the phone, e-mail or messenger user id the debtor wrote from (inbound only)
 * @param detail  a DTMF choice, an activity's name, or null
 * @param by      the agent who wrote or did it (null for the debtor and for upstream systems)
 */
public record TimelineEntry(String id, Type type, String channel, String text, String address, String detail,
                            String by, Instant at) {

    public enum Type {
        INBOUND, OUTBOUND, NOTE, ACTIVITY;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject().put("id", id).put("type", type.wireName()).put("at", at.toString());
        putIf(json, "channel", channel);
        putIf(json, "text", text);
        putIf(json, "from", address);
        if (detail != null) {
            json.put(type == Type.ACTIVITY ? "action" : "dtmf", detail);
        }
        putIf(json, "by", by);
        return json;
    }

    private static void putIf(JsonObject json, String k, String v) {
        if (v != null) {
            json.put(k, v);
        }
    }
}
