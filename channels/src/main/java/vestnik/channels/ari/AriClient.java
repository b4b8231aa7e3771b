package vestnik.channels.ari;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import vestnik.channels.common.JsonHttp;
import vestnik.channels.common.JsonHttp.Reply;

/**
 * The ARI REST calls a robocall makes (channel-contracts.md §6.1, ari-originate.http), with HTTP Basic auth
 * of an ari.conf user. Parameters go in the query string, as ARI documents them; each method reports what
 * Asterisk answered and leaves its meaning to the caller.
 */
final class AriClient {

    /** One outbound call into our Stasis application. {@code channelId} is proposed by us, see {@link AriChannel}. */
    record Originate(String endpoint, String app, String callerId, int timeoutSeconds, String channelId,
                     Map<String, String> variables) {
        Originate {
            variables = variables == null ? Map.of() : Map.copyOf(variables);
        }
    }

    private final JsonHttp http;
    private final String baseUrl;
    private final Map<String, String> auth;

    AriClient(JsonHttp http, String baseUrl, String username, String password) {
        this.http = http;
        this.baseUrl = baseUrl;
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.auth = Map.of("Authorization", "Basic " + basic);
    }

    /** {@code POST /channels?endpoint=..&app=..&callerId=..&timeout=..&channelId=..} with {@code {"variables":{..}}}. */
    Future<Reply> originate(Originate o) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("endpoint", o.endpoint());
        q.put("app", o.app());
        q.put("callerId", o.callerId());
        q.put("timeout", String.valueOf(o.timeoutSeconds()));
        q.put("channelId", o.channelId());
        ObjectNode body = JsonHttp.MAPPER.createObjectNode();
        ObjectNode vars = body.putObject("variables");
        o.variables().forEach(vars::put);
        return http.post(url("/channels", q), body, auth);
    }

    /** {@code POST /channels/{id}/play?media=a,b&lang=..&playbackId=..}: ARI reads several media comma-separated. */
    Future<Reply> play(String channelId, String playbackId, List<String> media, String language) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("media", String.join(",", media));
        q.put("lang", language);
        q.put("playbackId", playbackId);
        return http.send(HttpMethod.POST, url("/channels/" + segment(channelId) + "/play", q), null, auth);
    }

    Future<Reply> stopPlayback(String playbackId) {
        return http.send(HttpMethod.DELETE, url("/playbacks/" + segment(playbackId), Map.of()), null, auth);
    }

    Future<Reply> hangup(String channelId) {
        return http.send(HttpMethod.DELETE, url("/channels/" + segment(channelId), Map.of("reason", "normal")), null, auth);
    }

    /** {@code POST /channels/{id}/continue?context=..&extension=..&priority=..}: the call leaves Stasis for the dialplan. */
    Future<Reply> continueIn(String channelId, Dialplan to) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("context", to.context());
        q.put("extension", to.extension());
        q.put("priority", String.valueOf(to.priority()));
        return http.send(HttpMethod.POST, url("/channels/" + segment(channelId) + "/continue", q), null, auth);
    }

    Future<Reply> channel(String channelId) {
        return http.get(url("/channels/" + segment(channelId), Map.of()), auth);
    }

    Map<String, String> authHeader() {
        return auth;
    }

    Future<Void> close() {
        return http.close();
    }

    private String url(String path, Map<String, String> query) {
        StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
        query.forEach((k, v) -> {
            if (v != null) {
                q.add(k + "=" + encode(v));
            }
        });
        return baseUrl + path + q;
    }

    private static String segment(String id) {
        return encode(id);
    }

    static String encode(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
