package vestnik.gateway.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * An error to answer with; thrown from validation and turned into {@code {"error":{"code","message"}}}, plus
 * {@code "details":[…]} when one request has several things wrong (each lint finding, each bad variable).
 */
public final class ApiError extends RuntimeException {

    private final ErrorCode code;
    private final JsonArray details;

    public ApiError(ErrorCode code, String message) {
        this(code, message, null);
    }

    public ApiError(ErrorCode code, String message, JsonArray details) {
        super(message, null, false, false);
        this.code = code;
        this.details = details;
    }

    public ErrorCode code() {
        return code;
    }

    /** The itemised problems, or null. */
    public JsonArray details() {
        return details;
    }

    public JsonObject toJson() {
        JsonObject error = new JsonObject().put("code", code.code()).put("message", getMessage());
        if (details != null) {
            error.put("details", details);
        }
        return new JsonObject().put("error", error);
    }
}
