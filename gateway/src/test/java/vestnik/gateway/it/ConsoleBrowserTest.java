package vestnik.gateway.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vestnik.loadtest.smsc.ReceiptOutcome;
import vestnik.loadtest.smsc.ReceivedSubmit;
import vestnik.loadtest.smsc.SimulatedSmsc;

/**
 * The web console in Debian's Chromium (Playwright, headless) against an in-process gateway, embedded Redis and the
 * simulated SMSC: agents, a marketer and an admin log in with passwords, as people do.
 */
class ConsoleBrowserTest {

    private static final String PASSWORD = "пароль-для-теста-1";
    private static final String AGENT = "ivanova";
    private static final String OTHER_AGENT = "petrov";
    private static final String MARKETER = "smirnova";
    private static final String ADMIN = "boss";
    private static final AtomicInteger NEXT_PHONE = new AtomicInteger(7000);

    @TempDir
    static Path dir;
    static SimulatedSmsc smsc;
    static GatewayHarness gw;
    static Browser browser;
    static String base;
    private final List<BrowserContext> contexts = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        smsc = SimulatedSmsc.builder().port(0).credentials("gw", "secret").receiptDelay(Duration.ofMillis(20)).start();
        gw = GatewayHarness.startWith(dir, GatewayHarness.config(dir.resolve("data"), smsc.port())
                + "inbox:\n  channelTenants: {sms: demo}\n");
        base = "http://127.0.0.1:" + gw.gateway.port();
        user(AGENT, "Иванова А.", "agent");
        user(OTHER_AGENT, "Петров П.", "agent");
        user(MARKETER, "Смирнова Е.", "marketer");
        user(ADMIN, "Руководитель", "admin");
        browser = Browser.launch();
        PlaywrightAssertions.setDefaultAssertionTimeout(10_000);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (gw != null) {
            gw.close();
        }
        if (smsc != null) {
            smsc.close();
        }
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
    }

    private static void user(String login, String name, String role) {
        Http.Reply r = gw.http.post("/v1/users", GatewayHarness.ADMIN_KEY, new JsonObject().put("login", login).put("name", name)
                .put("password", PASSWORD).put("roles", new JsonArray().add(role)).encode());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    private static String phone() {
        return "+7926" + String.format("%07d", NEXT_PHONE.incrementAndGet());
    }

    private static void contact(String id, String phone) {
        Http.Reply r = gw.http.put("/v1/contacts/" + id, GatewayHarness.KEY,
                new JsonObject().put("phones", new JsonArray().add(phone)).encode());
        assertThat(r.status()).as(r.toString()).isIn(200, 201);
    }

    private static void mo(String phone, String text) {
        assertThat(smsc.sendMo(phone.substring(1), "7755", text)).isZero();
    }

    /** A fresh browser profile (its own cookies) on a laptop-sized screen. */
    private Page page() {
        BrowserContext ctx = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1366, 800).setLocale("ru-RU").setTimezoneId("Europe/Moscow"));
        contexts.add(ctx);
        Page page = ctx.newPage();
        page.onPageError(e -> System.err.println("console page error: " + e));
        return page;
    }

    private static Page login(Page page, String login) {
        page.navigate(base + "/");
        page.getByLabel("Логин").fill(login);
        page.getByLabel("Пароль").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Войти")).click();
        assertThat(page.locator("#app")).isVisible();
        return page;
    }

    /** The agent's page once the live stream is open, so that nothing sent after this can be missed. */
    private Page agent(String login) {
        Page page = login(page(), login);
        assertThat(page.locator("#live")).hasText("● в сети");
        return page;
    }

    private static Locator conversation(Page page, String contactId) {
        return page.locator(".conversation", new Page.LocatorOptions().setHasText(contactId));
    }

    /** A campaign upload as an upstream system sends it: the header in the query, the rows as CSV. */
    private static HttpResponse<String> upload(String query, String csv) {
        HttpRequest r = HttpRequest.newBuilder(URI.create(base + "/v1/campaigns?" + query)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + GatewayHarness.KEY).header("Content-Type", "text/csv; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build();
        try {
            return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String text(ReceivedSubmit s) {
        return new String(s.shortMessage(), s.dataCoding() == 8 ? StandardCharsets.UTF_16BE : StandardCharsets.ISO_8859_1);
    }

    @Test
    @DisplayName("an agent sees an inbound SMS arrive live, replies with Enter, and watches the reply reach the SMSC and tick to delivered")
    void agentAnswersAnInboundSms() {
        String phone = phone();
        contact("debtor-live", phone);
        Page page = agent(AGENT);
        assertThat(page.locator("#nav a[data-view=templates]")).isHidden();
        page.evaluate("window.vestnikNotReloaded = true");

        mo(phone, "Я оплачу в пятницу");
        Locator item = conversation(page, "debtor-live");
        assertThat(item.locator(".unread-count")).hasText("1");
        assertThat(item.locator(".badge")).hasText("SMS");
        item.click();
        assertThat(page.locator(".entry.inbound")).containsText("Я оплачу в пятницу");
        assertThat(item.locator(".unread-count")).isHidden();

        mo(phone, "Номер договора 4711");
        assertThat(page.locator(".entry.inbound").last()).containsText("Номер договора 4711");

        page.locator(".composer-text").fill("Спасибо, ждём оплату в пятницу");
        page.locator(".composer-text").press("Enter");
        Locator reply = page.locator(".entry.outbound", new Page.LocatorOptions().setHasText("Спасибо, ждём оплату"));
        assertThat(reply).isVisible();
        assertThat(page.locator(".composer-text")).hasValue("");
        await().atMost(Duration.ofSeconds(10)).until(() -> smsc.submits().stream()
                .anyMatch(s -> s.destinationAddr().equals(phone.substring(1)) && text(s).equals("Спасибо, ждём оплату в пятницу")));
        assertThat(reply).hasAttribute("data-status", "delivered");
        assertThat(reply.locator(".tick")).hasText("✓✓");
        assertThat(reply.locator(".tick")).hasAttribute("title", "доставлено");
        assertThat(page.evaluate("window.vestnikNotReloaded === true")).isEqualTo(true);

        page.getByLabel("Новая метка").fill("обещал оплатить");
        page.getByLabel("Новая метка").press("Enter");
        assertThat(item.locator(".label")).hasText("обещал оплатить");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Заметка")).click();
        page.locator(".composer-text").fill("Обещал оплатить 5 000 ₽ в пятницу");
        page.locator(".composer-text").press("Enter");
        assertThat(page.locator(".entry.note")).containsText("Обещал оплатить 5 000 ₽ в пятницу");
        assertThat(page.locator(".entry.note")).containsText("Заметка · вы");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Заметка")).click();

        page.locator(".composer-text").press("Escape");
        assertThat(page.locator("#conversation-list")).isFocused();
        page.keyboard().press("r");
        assertThat(page.locator(".composer-text")).isFocused();
        page.locator(".composer-text").blur();
        Browser.screenshot(page, "inbox");
    }

    @Test
    @DisplayName("a reply the debtor's operator cannot deliver turns to a red cross that names the reason")
    void failedReplyShowsWhy() {
        String phone = phone();
        contact("debtor-undelivered", phone);
        smsc.outcomeFor(phone.substring(1), ReceiptOutcome.UNDELIV);
        Page page = agent(AGENT);
        mo(phone, "Алло");
        conversation(page, "debtor-undelivered").click();
        page.locator(".composer-text").fill("Перезвоните нам");
        page.locator(".composer-text").press("Enter");

        Locator reply = page.locator(".entry.outbound", new Page.LocatorOptions().setHasText("Перезвоните нам"));
        assertThat(reply).hasAttribute("data-status", "failed");
        assertThat(reply.locator(".tick")).hasText("✕");
        assertThat(reply.locator(".tick")).hasAttribute("title", Pattern.compile("ошибка — .+"));
        assertThat(reply.locator(".error-reason")).containsText("Не отправлено");
    }

    @Test
    @DisplayName("two agents on the same conversation see each other's replies and assignment at once")
    void twoAgentsSeeEachOther() {
        String phone = phone();
        String neighbour = phone();
        contact("debtor-shared", phone);
        contact("debtor-neighbour", neighbour);
        Page first = agent(AGENT);
        Page second = agent(OTHER_AGENT);
        mo(neighbour, "Перезвоните мне");
        assertThat(conversation(second, "debtor-neighbour")).isVisible();
        mo(phone, "Кто мне пишет?");
        conversation(first, "debtor-shared").click();
        conversation(second, "debtor-shared").click();
        assertThat(second.locator(".entry.inbound")).containsText("Кто мне пишет?");
        second.keyboard().press("j");
        assertThat(second.locator(".conversation.selected")).containsText("debtor-neighbour");
        assertThat(second.locator(".entry.inbound")).containsText("Перезвоните мне");
        second.keyboard().press("k");
        assertThat(second.locator(".conversation.selected")).containsText("debtor-shared");
        assertThat(second.locator(".entry.inbound")).containsText("Кто мне пишет?");

        first.locator(".composer-text").fill("Добрый день, это ООО «Демо»");
        first.locator(".composer-text").press("Enter");
        assertThat(second.locator(".entry.outbound", new Page.LocatorOptions().setHasText("Добрый день, это ООО «Демо»")))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(3_000));

        second.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Взять себе")).click();
        assertThat(second.locator(".thread-head")).containsText("Исполнитель: вы");
        assertThat(first.locator(".thread-head")).containsText("Исполнитель: Петров П.");
        assertThat(conversation(first, "debtor-shared").locator(".assignee")).hasText("→ Петров П.");
        assertThat(second.locator(".entry.outbound .meta")).containsText("Иванова А.");
    }

    @Test
    @DisplayName("an agent answers with a canned reply: a published template filled with the debtor's amount, rendered by the gateway")
    void cannedReply() {
        Http.Reply put = gw.http.put("/v1/templates/thanks-reply", GatewayHarness.MARKETER_KEY, new JsonObject()
                .put("description", "ответ с суммой")
                .put("variables", new JsonObject().put("creditor", "string").put("amount", "money").put("phone", "phone"))
                .put("channels", new JsonObject().put("sms", new JsonObject()
                        .put("text", "{{creditor}}: спасибо за ответ! К оплате {{amount}}. Тел. {{phone}}"))).encode());
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(gw.http.post("/v1/templates/thanks-reply/publish", GatewayHarness.MARKETER_KEY, null).status()).isEqualTo(200);
        String phone = phone();
        contact("debtor-canned", phone);
        Page page = agent(AGENT);
        mo(phone, "Сколько я должен?");
        conversation(page, "debtor-canned").click();
        assertThat(page.locator(".entry.inbound")).containsText("Сколько я должен?");
        assertThat(page.locator(".composer-channel option").first()).hasText("Канал: SMS (последний)");

        page.locator(".composer-canned").selectOption("t:thanks-reply");
        page.getByLabel("Значение amount").fill("1500.00");
        assertThat(page.locator(".composer-text")).hasValue(Pattern.compile("ООО «Демо»: спасибо за ответ! К оплате 1.500.₽\\. Тел\\. 8.800.000-00-00"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Отправить")).click();

        Locator reply = page.locator(".entry.outbound", new Page.LocatorOptions().setHasText("спасибо за ответ"));
        assertThat(reply).isVisible();
        await().atMost(Duration.ofSeconds(10)).until(() -> smsc.submits().stream()
                .anyMatch(s -> s.destinationAddr().equals(phone.substring(1)) && text(s).contains("К оплате 1")));
        assertThat(reply).hasAttribute("data-status", "delivered");
        assertThat(page.locator(".composer-template")).isHidden();
    }

    @Test
    @DisplayName("a marketer edits a template's SMS into two parts, sees lint findings and the part count change, publishes and rolls back")
    void marketerEditsPublishesAndRollsBack() {
        String first = "{{creditor}}: долг {{amount}}. Тел. {{phone}}";
        String twoParts = "{{creditor}}: долг {{amount}}. Оплатите до пятницы, чтобы избежать пени. Тел. {{phone}}";
        Http.Reply put = gw.http.put("/v1/templates/debt-reminder", GatewayHarness.MARKETER_KEY, new JsonObject()
                .put("description", "напоминание о долге")
                .put("variables", new JsonObject().put("creditor", "string").put("amount", "money").put("phone", "phone"))
                .put("channels", new JsonObject().put("sms", new JsonObject().put("text", first))).encode());
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(gw.http.post("/v1/templates/debt-reminder/publish", GatewayHarness.MARKETER_KEY, null).status()).isEqualTo(200);

        Page page = login(page(), MARKETER);
        assertThat(page.locator("#nav a[data-view=inbox]")).isHidden();
        assertThat(page.locator("#view-templates")).isVisible();
        page.locator(".template-item[data-key=debt-reminder]").click();
        Locator sms = page.locator(".variant[data-channel=sms]");
        assertThat(sms.locator(".preview .parts dd")).hasText("1");
        assertThat(sms.locator(".preview .encoding dd")).hasText("UCS-2 (кириллица)");

        sms.locator("textarea").fill(first + " Иначе арест имущества.");
        assertThat(sms.locator(".finding.blocking")).containsText("Запрещённая формулировка");

        sms.locator("textarea").fill(twoParts);
        assertThat(sms.locator(".finding")).hasCount(0);
        assertThat(sms.locator(".preview .parts dd")).hasText("2");
        assertThat(sms.locator(".preview .cost dd")).containsText("7,00");
        assertThat(sms.locator(".phone-bubble")).containsText("ООО «Демо»: долг");
        Browser.screenshot(page, "templates");

        page.locator("#publish").click();
        assertThat(page.locator(".version[data-version='2']")).containsText("текущая");
        JsonObject latest = gw.http.get("/v1/templates/debt-reminder", GatewayHarness.MARKETER_KEY).json().getJsonObject("latest");
        assertThat(latest.getInteger("version")).isEqualTo(2);
        assertThat(latest.getJsonObject("content").getJsonObject("channels").getJsonObject("sms").getString("text")).isEqualTo(twoParts);
        assertThat(latest.getString("publishedBy")).isEqualTo("user " + MARKETER);

        page.locator(".version[data-version='1'] button").click();
        assertThat(page.locator(".version[data-version='3']")).containsText("откат к версии 1");
        assertThat(sms.locator("textarea")).hasValue(first);
        assertThat(page.locator(".variant[data-channel=sms] .preview .parts dd")).hasText("1");
    }

    @Test
    @DisplayName("the dashboard draws today's counts per channel and a running campaign's progress bar")
    void dashboard() {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sent.add(gw.sendSms(phone(), "Напоминание о платеже"));
        }
        String unreachable = phone();
        smsc.outcomeFor(unreachable.substring(1), ReceiptOutcome.UNDELIV);
        String failed = gw.sendSms(unreachable, "Напоминание о платеже");
        sent.forEach(id -> gw.awaitStatus(id, "delivered"));
        gw.awaitStatus(failed, "failed");
        StringBuilder rows = new StringBuilder("phone\n");
        for (int i = 0; i < 200; i++) {
            rows.append(phone()).append('\n');
        }
        HttpResponse<String> campaign = upload("name=" + URLEncoder.encode("Ноябрь, просрочка 30+", StandardCharsets.UTF_8)
                + "&channel=sms&rateShare=0.001&text=" + URLEncoder.encode("Оплатите долг", StandardCharsets.UTF_8), rows.toString());
        assertThat(campaign.statusCode()).as(campaign.body()).isEqualTo(201);

        Page page = login(page(), ADMIN);
        page.locator("#nav a[data-view=dashboard]").click();
        JsonObject stats = gw.http.get("/v1/stats/today?zone=Europe/Moscow", GatewayHarness.MARKETER_KEY).json();
        JsonObject sms = stats.getJsonArray("channels").stream().map(o -> (JsonObject) o)
                .filter(c -> "sms".equals(c.getString("channel"))).findFirst().orElseThrow();
        Locator row = page.locator(".stats-table tr[data-channel=sms]");
        assertThat(row.locator("td[data-metric=delivered]")).not().hasText("0");
        assertThat(row.locator("td[data-metric=accepted]")).not().hasText("0");
        assertThat(sms.getInteger("delivered")).isPositive();
        assertThat(page.locator("svg.chart text.chart-label").first()).hasText("SMS");
        assertThat(page.locator("svg.chart rect.seg.delivered").first()).isVisible();
        assertThat(page.locator("svg.chart rect.seg.failed").first()).isVisible();
        assertThat(row.locator("td[data-metric=failed]")).not().hasText("0");

        Locator bar = page.locator(".campaign", new Page.LocatorOptions().setHasText("Ноябрь, просрочка 30+"));
        assertThat(bar.locator("[role=progressbar]")).isVisible();
        assertThat(bar.locator(".progress-text")).containsText("из 200");
        Browser.screenshot(page, "dashboard");
    }

    @Test
    @DisplayName("a wrong password shows the error; logging out returns to the login form and ends the session")
    void loginErrorAndLogout() {
        Page page = page();
        page.navigate(base + "/");
        assertThat(page.locator("#login-form")).isVisible();
        Browser.screenshot(page, "login");
        page.getByLabel("Логин").fill(AGENT);
        page.getByLabel("Пароль").fill("не тот пароль");
        page.getByLabel("Пароль").press("Enter");
        assertThat(page.locator("#login-error")).hasText("Неверный логин или пароль.");
        assertThat(page.locator("#app")).isHidden();

        login(page, AGENT);
        assertThat(page.locator("#whoami")).hasText("Иванова А.");
        page.locator("#logout").click();
        assertThat(page.locator("#login-form")).isVisible();
        assertThat(page.locator("#app")).isHidden();
        page.reload();
        assertThat(page.locator("#login-form")).isVisible();
        assertThat(page.evaluate("fetch('/v1/session').then(r => r.status)")).isEqualTo(401);
    }

    @Test
    @DisplayName("an admin creates an agent in the console, who logs in and sees the inbox only; disabling them ends their session")
    void adminManagesUsers() {
        String boss = "boss-" + NEXT_PHONE.incrementAndGet();
        String newcomer = "petrova-" + NEXT_PHONE.incrementAndGet();
        user(boss, "Руководитель", "admin");
        Page page = login(page(), boss);
        page.locator("#nav a[data-view=users]").click();
        Locator form = page.locator(".user-form");
        form.locator("input[name=login]").fill(newcomer);
        form.locator("input[name=name]").fill("Петрова Е.");
        form.locator("input[name=password]").fill(PASSWORD);
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Создать")).click();
        Locator row = page.locator("tr[data-login=" + newcomer + "]");
        assertThat(row).isVisible();
        assertThat(row.locator("input[value=agent]")).isChecked();
        Browser.screenshot(page, "users");

        Page agentPage = login(page(), newcomer);
        assertThat(agentPage.locator("#whoami")).hasText("Петрова Е.");
        assertThat(agentPage.locator("#nav a[data-view=inbox]")).isVisible();
        assertThat(agentPage.locator("#nav a[data-view=users]")).isHidden();
        assertThat(agentPage.locator("#nav a[data-view=templates]")).isHidden();

        row.getByRole(AriaRole.CHECKBOX, new Locator.GetByRoleOptions().setName("Может входить: " + newcomer)).uncheck();
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Сохранить")).click();
        assertThat(page.locator("#toasts")).containsText("сохранены");
        assertThat(agentPage.evaluate("fetch('/v1/session').then(r => r.status)")).isEqualTo(401);
        Http.Reply login = gw.http.post("/v1/session", null, new JsonObject().put("login", newcomer).put("password", PASSWORD).encode());
        assertThat(login.status()).isEqualTo(401);
    }
}
