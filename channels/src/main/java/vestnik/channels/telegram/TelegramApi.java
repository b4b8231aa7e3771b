package vestnik.channels.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import java.util.Map;
import vestnik.channels.common.JsonHttp;

/**
 * The Bot API calls the channel makes: {@code POST <baseUrl>/bot<token>/<method>} with a JSON body. The
 * token travels in the path, as Telegram requires; Vert.x puts the request path into some failure messages
 * (timeouts), so every failure leaving this class has the token blanked out.
 */
final class TelegramApi {

    private final JsonHttp http;
    private final String baseUrl;
    private final String token;

    TelegramApi(JsonHttp http, String baseUrl, String token) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.token = token;
    }

    Future<JsonHttp.Reply> sendMessage(JsonNode body) {
        return redacted(http.post(url("sendMessage"), body, Map.of()));
    }

    Future<JsonHttp.Reply> setWebhook(JsonNode body) {
        return redacted(http.post(url("setWebhook"), body, Map.of()));
    }

    Future<JsonHttp.Reply> getMe() {
        return redacted(http.get(url("getMe"), Map.of()));
    }

    Future<Void> close() {
        return http.close();
    }

    private Future<JsonHttp.Reply> redacted(Future<JsonHttp.Reply> reply) {
        return reply.recover(e -> Future.failedFuture(new Unreachable(e, token)));
    }

    /** No answer from the Bot API; the message names the cause without the token. */
    static final class Unreachable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unreachable(Throwable cause, String token) {
            super(cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage().replace(token, "***")), null, false, false);
        }
    }

    private String url(String method) {
        return baseUrl + "/bot" + token + "/" + method;
    }
}
