package vestnik.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A person at the console, as the gateway sees them: a session cookie and the CSRF token that goes with it. */
final class ConsoleUser {

    final String cookie;
    final String csrf;
    final JsonObject user;
    private final Http http;

    private ConsoleUser(Http http, String cookie, String csrf, JsonObject user) {
        this.http = http;
        this.cookie = cookie;
        this.csrf = csrf;
        this.user = user;
    }

    /** Creates the user with the admin API key (roles as wire names) and logs in. */
    static ConsoleUser create(Http http, String adminKey, String login, String password, String... roles) {
        Http.Reply created = http.post("/v1/users", adminKey, new JsonObject().put("login", login).put("name", "Тест " + login)
                .put("password", password).put("roles", new JsonArray(java.util.List.of((Object[]) roles))).encode());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return login(http, login, password);
    }

    static ConsoleUser login(Http http, String login, String password) {
        Http.Reply r = http.post("/v1/session", null, new JsonObject().put("login", login).put("password", password).encode());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        String cookie = sessionCookie(r).orElseThrow(() -> new AssertionError("no session cookie in " + r.headers()));
        return new ConsoleUser(http, cookie.substring(0, cookie.indexOf(';')), r.json().getString("csrfToken"),
                r.json().getJsonObject("user"));
    }

    static Optional<String> sessionCookie(Http.Reply r) {
        return r.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("vestnik_session=")).findFirst();
    }

    String id() {
        return user.getString("id");
    }

    Http.Reply get(String path) {
        return http.send("GET", path, null, null, Map.of("Cookie", cookie));
    }

    /** A state-changing call as the console makes it: cookie and CSRF header. */
    Http.Reply send(String method, String path, String body) {
        return http.send(method, path, null, body, Map.of("Cookie", cookie, "X-CSRF-Token", csrf));
    }

    /** The same call without the CSRF header, as a forged cross-site request would arrive. */
    Http.Reply sendWithoutCsrf(String method, String path, String body) {
        Map<String, String> h = new HashMap<>();
        h.put("Cookie", cookie);
        return http.send(method, path, null, body, h);
    }
}
