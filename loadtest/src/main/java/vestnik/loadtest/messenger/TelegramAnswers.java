package vestnik.loadtest.messenger;

import io.vertx.core.json.JsonObject;

/** Bot API response bodies: {@code {"ok":true,"result":Message}} or the error envelope with the same code. */
final class TelegramAnswers {

    static final long BOT_ID = 7_000_000_001L;

    private TelegramAnswers() {
    }

    static JsonObject sent(long messageId, Object chatId, String text, long unixSeconds) {
        return new JsonObject().put("ok", true).put("result", new JsonObject()
                .put("message_id", messageId)
                .put("from", new JsonObject().put("id", BOT_ID).put("is_bot", true).put("first_name", "Vestnik stub")
                        .put("username", "vestnik_stub_bot"))
                .put("chat", new JsonObject().put("id", chatId).put("type", "private"))
                .put("date", unixSeconds)
                .put("text", text));
    }

    static JsonObject tooManyRequests(int retryAfter) {
        return error(429, "Too Many Requests: retry after " + retryAfter)
                .put("parameters", new JsonObject().put("retry_after", retryAfter));
    }

    static JsonObject serverError(int status) {
        return error(status, status == 502 ? "Bad Gateway" : "Internal Server Error");
    }

    static JsonObject badRequest(String description) {
        return error(400, "Bad Request: " + description);
    }

    private static JsonObject error(int code, String description) {
        return new JsonObject().put("ok", false).put("error_code", code).put("description", description);
    }
}
