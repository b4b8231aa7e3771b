package vestnik.gateway.campaign;

import io.vertx.core.json.JsonObject;

/** What became of one job of a batch or one row of a campaign: stored as a message, or refused and why. */
public sealed interface JobOutcome {

    int index();

    JsonObject toJson();

    /** Stored (or found already stored under its externalId: {@code duplicate}). */
    record Accepted(int index, String id, String status, boolean duplicate) implements JobOutcome {
        @Override
        public JsonObject toJson() {
            JsonObject o = new JsonObject().put("index", index).put("id", id).put("status", status);
            return duplicate ? o.put("duplicate", true) : o;
        }
    }

    /** Refused with the same code and message a single {@code POST /v1/messages} would have answered. */
    record Rejected(int index, String code, String message) implements JobOutcome {
        @Override
        public JsonObject toJson() {
            return new JsonObject().put("index", index).put("error", new JsonObject().put("code", code).put("message", message));
        }
    }
}
