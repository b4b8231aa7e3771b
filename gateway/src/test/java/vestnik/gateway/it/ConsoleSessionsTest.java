package vestnik.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vestnik.loadtest.smsc.SimulatedSmsc;

/** Console users: login, the session cookie, CSRF, roles, tenant isolation, logout, and the first admin from config. */
class ConsoleSessionsTest {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final String PASSWORD = "correct horse battery";
    private static final String OTHER_ADMIN_PASSWORD = "other-admin-password";

    @TempDir
    static Path dir;
    static SimulatedSmsc smsc;
    static GatewayHarness gw;

    @BeforeAll
    static void start() throws Exception {
        smsc = SimulatedSmsc.builder().port(0).credentials("gw", "secret").receiptDelay(Duration.ofMillis(20)).start();
        gw = GatewayHarness.startWith(dir, GatewayHarness.config(dir.resolve("data"), smsc.port())
                + "inbox:\n  channelTenants: {sms: demo}\n  streamPing: PT0.2S\n"
                + "console:\n  bcryptCost: 4\n  admin: {tenant: other, login: other-admin, password: " + OTHER_ADMIN_PASSWORD + "}\n");
    }

    @AfterAll
    static void stop() {
        if (gw != null) {
            gw.close();
        }
        if (smsc != null) {
            smsc.close();
        }
    }

    private static String login(String role) {
        return role + "-" + NEXT.incrementAndGet();
    }

    private static ConsoleUser user(String... roles) {
        return ConsoleUser.create(gw.http, GatewayHarness.ADMIN_KEY, login(roles[0]), PASSWORD, roles);
    }

    private static Http.Reply create(JsonObject user) {
        return gw.http.post("/v1/users", GatewayHarness.ADMIN_KEY, user.encode());
    }

    private static Http.Reply loginAttempt(String login, String password) {
        return gw.http.post("/v1/session", null, new JsonObject().put("login", login).put("password", password).encode());
    }

    @Test
    @DisplayName("logging in sets an HttpOnly SameSite=Strict session cookie and answers the user and a CSRF token, never the password hash")
    void loginSetsCookie() {
        String login = login("agent");
        ConsoleUser.create(gw.http, GatewayHarness.ADMIN_KEY, login, PASSWORD, "agent");
        Http.Reply r = loginAttempt(login, PASSWORD);

        assertThat(r.status()).isEqualTo(200);
        String cookie = ConsoleUser.sessionCookie(r).orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").contains("SameSite=Strict").contains("Path=/")
                .doesNotContainIgnoringCase("Secure");
        JsonObject user = r.json().getJsonObject("user");
        assertThat(user.getString("login")).isEqualTo(login);
        assertThat(user.getString("tenantId")).isEqualTo("demo");
        assertThat(user.getJsonArray("roles")).containsExactly("agent");
        assertThat(r.json().getString("csrfToken")).hasSizeGreaterThan(30);
        assertThat(r.body()).doesNotContain("$2b$").doesNotContain(PASSWORD);
    }

    @Test
    @DisplayName("a wrong password, an unknown login and a malformed body are refused with clear codes")
    void wrongCredentials() {
        String login = login("agent");
        ConsoleUser.create(gw.http, GatewayHarness.ADMIN_KEY, login, PASSWORD, "agent");

        Http.Reply wrong = loginAttempt(login, "not the password");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.errorCode()).isEqualTo("invalid_credentials");
        assertThat(ConsoleUser.sessionCookie(wrong)).isEmpty();
        Http.Reply unknown = loginAttempt("nobody-" + login, PASSWORD);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.json().encode()).isEqualTo(wrong.json().encode());
        assertThat(gw.http.post("/v1/session", null, "{\"login\":\"x\"}").errorCode()).isEqualTo("missing_field");
        assertThat(gw.http.post("/v1/session", null, "not json").errorCode()).isEqualTo("malformed_json");
        assertThat(gw.http.post("/v1/session", null, "{\"login\":\"x\",\"password\":\"y\",\"remember\":true}").errorCode())
                .isEqualTo("unknown_field");
        // what a cross-site form could send: not JSON, refused before any password is looked at
        Http.Reply form = gw.http.send("POST", "/v1/session", null, "{\"login\":\"" + login + "\",\"password\":\"" + PASSWORD + "\"}",
                Map.of("Content-Type", "text/plain"));
        assertThat(form.status()).isEqualTo(415);
        assertThat(ConsoleUser.sessionCookie(form)).isEmpty();
    }

    @Test
    @DisplayName("after ten failed logins the name is locked for the window, even with the right password")
    void throttle() {
        String login = login("agent");
        ConsoleUser.create(gw.http, GatewayHarness.ADMIN_KEY, login, PASSWORD, "agent");
        for (int i = 0; i < 10; i++) {
            assertThat(loginAttempt(login, "guess number " + i).status()).isEqualTo(401);
        }
        Http.Reply locked = loginAttempt(login, PASSWORD);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.errorCode()).isEqualTo("too_many_attempts");
        assertThat(locked.headers().firstValue("Retry-After")).hasValue("900");
    }

    @Test
    @DisplayName("with the cookie, reading needs no CSRF token but every state-changing call does")
    void csrf() {
        ConsoleUser agent = user("agent");
        assertThat(agent.get("/v1/conversations").status()).isEqualTo(200);
        assertThat(agent.get("/v1/session").json().getString("csrfToken")).isEqualTo(agent.csrf);

        Http.Reply forged = agent.sendWithoutCsrf("POST", "/v1/conversations/cv_nope/notes", "{\"text\":\"x\"}");
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.errorCode()).isEqualTo("csrf_failed");
        Http.Reply wrongToken = gw.http.send("POST", "/v1/conversations/cv_nope/notes", null, "{\"text\":\"x\"}",
                Map.of("Cookie", agent.cookie, "X-CSRF-Token", agent.csrf + "x"));
        assertThat(wrongToken.errorCode()).isEqualTo("csrf_failed");
        // with the token the call gets past authentication, to the conversation lookup
        assertThat(agent.send("POST", "/v1/conversations/cv_nope/notes", "{\"text\":\"x\"}").errorCode()).isEqualTo("not_found");
    }

    @Test
    @DisplayName("a user's roles limit what the console may do, as an API key's do")
    void roles() {
        ConsoleUser agent = user("agent");
        ConsoleUser marketer = user("marketer");

        Http.Reply agentOnTemplates = agent.send("PUT", "/v1/templates/reminder", "{}");
        assertThat(agentOnTemplates.status()).isEqualTo(403);
        assertThat(agentOnTemplates.errorCode()).isEqualTo("forbidden");
        assertThat(marketer.get("/v1/conversations").status()).isEqualTo(403);
        assertThat(marketer.get("/v1/templates").status()).isEqualTo(200);
        assertThat(agent.send("POST", "/v1/users", new JsonObject().put("login", "sneaky").put("name", "x")
                .put("password", PASSWORD).put("roles", new JsonArray().add("admin")).encode()).status()).isEqualTo(403);
        JsonArray colleagues = agent.get("/v1/users").json().getJsonArray("users");
        assertThat(colleagues.stream().map(o -> ((JsonObject) o).getString("id"))).contains(agent.id(), marketer.id());
        assertThat(gw.http.get("/v1/users", GatewayHarness.KEY).status()).isEqualTo(403);
    }

    @Test
    @DisplayName("an agent of one tenant never sees the other tenant's conversations or users")
    void isolation() {
        String phone = "+7926" + String.format("%07d", 7000 + NEXT.incrementAndGet());
        assertThat(smsc.sendMo(phone.substring(1), "7755", "Я оплачу в пятницу")).isZero();
        ConsoleUser demoAgent = user("agent");
        JsonObject conversation = await().atMost(Duration.ofSeconds(10)).until(() -> demoAgent.get("/v1/conversations?limit=100")
                .json().getJsonArray("conversations").stream().map(o -> (JsonObject) o)
                .filter(c -> c.encode().contains(phone.substring(1)))
                .findFirst().orElse(null), c -> c != null);
        String id = conversation.getString("id");

        ConsoleUser otherAdmin = ConsoleUser.login(gw.http, "other-admin", OTHER_ADMIN_PASSWORD);
        assertThat(otherAdmin.user.getString("tenantId")).isEqualTo("other");
        assertThat(otherAdmin.get("/v1/conversations?limit=100").json().getJsonArray("conversations").encode()).doesNotContain(id);
        assertThat(otherAdmin.get("/v1/conversations/" + id).status()).isEqualTo(404);
        assertThat(otherAdmin.send("POST", "/v1/conversations/" + id + "/notes", "{\"text\":\"чужое\"}").status()).isEqualTo(404);
        assertThat(otherAdmin.get("/v1/users").json().getJsonArray("users").encode()).doesNotContain(demoAgent.id());
        Http.Reply patch = otherAdmin.send("PATCH", "/v1/users/" + demoAgent.id(), "{\"disabled\":true}");
        assertThat(patch.status()).isEqualTo(404);
        assertThat(demoAgent.get("/v1/session").status()).isEqualTo(200);
    }

    @Test
    @DisplayName("logging out needs the CSRF token, clears the cookie and ends the session for good")
    void logout() {
        ConsoleUser agent = user("agent");
        assertThat(agent.sendWithoutCsrf("DELETE", "/v1/session", null).status()).isEqualTo(403);
        Http.Reply out = agent.send("DELETE", "/v1/session", null);
        assertThat(out.status()).isEqualTo(204);
        assertThat(ConsoleUser.sessionCookie(out).orElseThrow()).contains("Max-Age=0");
        Http.Reply after = agent.get("/v1/session");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.errorCode()).isEqualTo("unauthorized");
        assertThat(agent.get("/v1/conversations").status()).isEqualTo(401);
    }

    @Test
    @DisplayName("a console user's live event stream ends with session_ended once the session is logged out elsewhere")
    void streamEndsWithTheSession() throws Exception {
        ConsoleUser agent = user("agent");
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gw.gateway.port() + "/v1/conversations/stream"))
                .header("Cookie", agent.cookie).build();
        java.util.List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CompletableFuture<Void> ended = HttpClient.newHttpClient()
                .sendAsync(req, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(resp -> resp.body().forEach(lines::add));
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.contains(": connected"));

        assertThat(agent.send("DELETE", "/v1/session", null).status()).isEqualTo(204);
        ended.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(lines).contains("event: session_ended");
    }

    @Test
    @DisplayName("a new password ends the user's open sessions; a disabled user can neither use a session nor log in")
    void changesEndSessions() {
        ConsoleUser agent = user("agent");
        String login = agent.user.getString("login");
        Http.Reply changed = gw.http.send("PATCH", "/v1/users/" + agent.id(), GatewayHarness.ADMIN_KEY,
                "{\"password\":\"a brand new password\"}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(agent.get("/v1/conversations").status()).isEqualTo(401);
        ConsoleUser again = ConsoleUser.login(gw.http, login, "a brand new password");
        assertThat(again.get("/v1/conversations").status()).isEqualTo(200);

        assertThat(gw.http.send("PATCH", "/v1/users/" + agent.id(), GatewayHarness.ADMIN_KEY, "{\"disabled\":true}").status())
                .isEqualTo(200);
        assertThat(again.get("/v1/conversations").status()).isEqualTo(401);
        assertThat(loginAttempt(login, "a brand new password").status()).isEqualTo(401);
    }

    @Test
    @DisplayName("creating users checks login, name, password and roles, and a login is unique")
    void userValidation() {
        String login = login("agent");
        ConsoleUser.create(gw.http, GatewayHarness.ADMIN_KEY, login, PASSWORD, "agent");
        JsonObject ok = new JsonObject().put("login", login("x")).put("name", "Петрова").put("password", PASSWORD)
                .put("roles", new JsonArray().add("agent"));

        assertThat(create(ok.copy().put("login", login)).errorCode()).isEqualTo("login_taken");
        assertThat(create(ok.copy().put("login", login.toUpperCase())).errorCode()).isEqualTo("login_taken");
        assertThat(create(ok.copy().put("password", "short")).errorCode()).isEqualTo("invalid_user");
        assertThat(create(ok.copy().put("login", "a b")).errorCode()).isEqualTo("invalid_user");
        assertThat(create(ok.copy().put("roles", new JsonArray().add("upstream"))).errorCode()).isEqualTo("invalid_user");
        assertThat(create(ok.copy().put("roles", new JsonArray())).errorCode()).isEqualTo("missing_field");
        assertThat(create(ok.copy().put("group", "x")).errorCode()).isEqualTo("unknown_field");
        JsonObject noName = ok.copy();
        noName.remove("name");
        assertThat(create(noName).errorCode()).isEqualTo("missing_field");
        Http.Reply created = create(ok);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body()).doesNotContain(PASSWORD).doesNotContain("$2b$");
        assertThat(gw.http.send("PATCH", "/v1/users/u_nobody", GatewayHarness.ADMIN_KEY, "{\"name\":\"x\"}").status()).isEqualTo(404);
    }

    @Test
    @DisplayName("an admin cannot disable themselves or drop their own admin role")
    void selfLockout() {
        ConsoleUser admin = user("admin");
        assertThat(admin.send("PATCH", "/v1/users/" + admin.id(), "{\"disabled\":true}").errorCode()).isEqualTo("invalid_user");
        assertThat(admin.send("PATCH", "/v1/users/" + admin.id(), "{\"roles\":[\"agent\"]}").errorCode()).isEqualTo("invalid_user");
        assertThat(admin.send("PATCH", "/v1/users/" + admin.id(), "{\"name\":\"Главный\"}").json().getString("name")).isEqualTo("Главный");
    }

    @Test
    @DisplayName("an API key is judged by the key alone, whatever cookie comes with it; no credentials at all is 401")
    void keyWins() {
        ConsoleUser agent = user("agent");
        Http.Reply r = gw.http.send("GET", "/v1/conversations", GatewayHarness.MARKETER_KEY, null, Map.of("Cookie", agent.cookie));
        assertThat(r.status()).isEqualTo(403);
        Http.Reply none = gw.http.get("/v1/conversations", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.errorCode()).isEqualTo("unauthorized");
        assertThat(gw.http.send("GET", "/v1/conversations", null, null, Map.of("Cookie", "vestnik_session=forged-value-of-some-length"))
                .status()).isEqualTo(401);
    }

    @Test
    @DisplayName("a streamed campaign upload works with the session cookie (the body waits for the session lookup)")
    void campaignWithCookie() throws Exception {
        ConsoleUser admin = user("admin");
        String csv = "phone;name\n+79161230001;Иван\n+79161230002;Пётр\n";
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gw.gateway.port()
                        + "/v1/campaigns?name=cookie&channel=sms&text=" + java.net.URLEncoder.encode("Долг {{ name }}", "UTF-8")))
                .header("Cookie", admin.cookie).header("X-CSRF-Token", admin.csrf).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).timeout(Duration.ofSeconds(20)).build();
        HttpResponse<String> resp;
        try {
            resp = HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(resp.statusCode()).as(resp.body()).isEqualTo(201);
        assertThat(new JsonObject(resp.body()).getInteger("accepted")).isEqualTo(2);
    }
}
