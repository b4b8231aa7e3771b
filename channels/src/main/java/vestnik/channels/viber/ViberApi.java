package vestnik.channels.viber;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.io.IOException;
import java.util.Map;
import vestnik.channels.common.JsonHttp;
import vestnik.channels.spi.SendResult;

/**
 * The Viber REST Bot API calls the channel makes, each one typed: {@code send_message} and
 * {@code set_webhook}. Answers are read again from the raw body with {@link ViberJson} so that a
 * {@code message_token} stays exact.
 */
final class ViberApi {

    static final String AUTH_HEADER = "X-Viber-Auth-Token";

    private final JsonHttp http;
    private final ViberConfig config;

    ViberApi(JsonHttp http, ViberConfig config) {
        this.http = http;
        this.config = config;
    }

    /** Never fails: Viber's refusals and lost connections come back as {@link SendResult.Failed}. */
    Future<SendResult> sendMessage(ObjectNode body) {
        return http.post(config.baseUrl() + "/send_message", body, headers())
                .map(ViberApi::toSendResult)
                .otherwise(ViberErrors::forTransport);
    }

    /** Fails with {@link ViberRefusal} when Viber refuses the URL (it probes it with a {@code webhook} callback first). */
    Future<Void> setWebhook(String url) {
        return http.post(config.baseUrl() + "/set_webhook", ViberRequests.setWebhook(url), headers())
                .compose(reply -> {
                    if (!reply.ok()) {
                        return Future.failedFuture(new ViberRefusal(ViberErrors.forHttp(reply.status(), null)));
                    }
                    JsonNode json = readExact(reply.rawBody());
                    int status = json == null ? -1 : json.path("status").asInt(-1);
                    if (status != 0) {
                        return Future.failedFuture(
                                new ViberRefusal(ViberErrors.forStatus(status, ViberJson.text(json, "status_message"))));
                    }
                    return Future.<Void>succeededFuture();
                });
    }

    static SendResult toSendResult(JsonHttp.Reply reply) {
        if (!reply.ok()) {
            return ViberErrors.forHttp(reply.status(), reply.retryAfterHeader());
        }
        JsonNode json = readExact(reply.rawBody());
        if (json == null || !json.path("status").isNumber()) {
            return ViberErrors.forHttp(502, null);
        }
        int status = json.get("status").intValue();
        if (status != 0) {
            return ViberErrors.forStatus(status, ViberJson.text(json, "status_message"));
        }
        String token = ViberJson.exactId(json.get("message_token"));
        return token == null ? ViberErrors.withoutToken() : SendResult.Accepted.of(token);
    }

    private static JsonNode readExact(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return ViberJson.read(raw);
        } catch (IOException e) {
            return null;
        }
    }

    private Map<String, String> headers() {
        return Map.of(AUTH_HEADER, config.authToken());
    }

    /** Viber refused a set-up call; carries the classified refusal. */
    static final class ViberRefusal extends RuntimeException {
        private final transient SendResult.Failed failed;

        ViberRefusal(SendResult.Failed failed) {
            super(failed.message(), null, false, false);
            this.failed = failed;
        }

        SendResult.Failed failed() {
            return failed;
        }
    }
}
