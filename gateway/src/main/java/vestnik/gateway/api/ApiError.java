package vestnik.gateway.api;

import io.vertx.core.json.JsonObject;

/** An error to answer with; thrown from validation and turned into {@code {"error":{"code","message"}}}. */
public final class ApiError extends RuntimeException {

    private final ErrorCode code;

    public ApiError(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public JsonObject toJson() {
        return new JsonObject().put("error", new JsonObject().put("code", code.code()).put("message", getMessage()));
    }
}
