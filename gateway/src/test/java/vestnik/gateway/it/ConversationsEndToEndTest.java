package vestnik.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vestnik.loadtest.smsc.ReceiptOutcome;
import vestnik.loadtest.smsc.SimulatedSmsc;

/** The dialogue inbox end to end: an MO from the simulated SMSC becomes a conversation an agent answers. */
class ConversationsEndToEndTest {

    private static final AtomicInteger NEXT_PHONE = new AtomicInteger(5000);
    private static final String AGENT = GatewayHarness.AGENT_KEY;

    @TempDir
    static Path dir;
    static SimulatedSmsc smsc;
    static GatewayHarness gw;

    @BeforeAll
    static void start() throws Exception {
        smsc = SimulatedSmsc.builder().port(0).credentials("gw", "secret").receiptDelay(Duration.ofMillis(20)).start();
        gw = GatewayHarness.startWith(dir, GatewayHarness.config(dir.resolve("data"), smsc.port())
                + "inbox:\n  channelTenants: {sms: demo}\n");
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

    private static String phone() {
        return "+7926" + String.format("%07d", NEXT_PHONE.incrementAndGet());
    }

    private static void contact(String tenantKey, String id, String phone) {
        Http.Reply r = gw.http.put("/v1/contacts/" + id, tenantKey,
                new JsonObject().put("phones", new JsonArray().add(phone)).encode());
        assertThat(r.status()).as(r.toString()).isIn(200, 201);
    }

    private static void mo(String phone, String text) {
        assertThat(smsc.sendMo(phone.substring(1), "7755", text)).isZero();
    }

    /** The conversation of the tenant's contact, once the inbound consumer has threaded its message. */
    private static JsonObject awaitConversationOf(String contactId) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
            JsonArray list = gw.http.get("/v1/conversations?limit=100", AGENT).json().getJsonArray("conversations");
            return list.stream().map(o -> (JsonObject) o)
                    .filter(c -> contactId.equals(c.getJsonObject("contact").getString("id"))).findFirst().orElse(null);
        }, c -> c != null);
    }

    private static JsonObject conversation(String id) {
        Http.Reply r = gw.http.get("/v1/conversations/" + id, AGENT);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static List<JsonObject> timeline(String id) {
        return conversation(id).getJsonArray("timeline").stream().map(o -> (JsonObject) o).toList();
    }

    @Test
    @DisplayName("an inbound SMS opens the contact's conversation live, and an agent's reply reaches the SMSC and ticks to delivered")
    void inboundAndReply() {
        String phone = phone();
        contact(GatewayHarness.KEY, "debtor-reply", phone);
        try (SseReader events = new SseReader(gw.gateway.port(), AGENT)) {
            mo(phone, "Я оплачу в пятницу");

            JsonObject arrived = events.await("message", e -> "inbound".equals(e.getJsonObject("entry").getString("type")));
            assertThat(arrived.getJsonObject("entry").getString("text")).isEqualTo("Я оплачу в пятницу");
            JsonObject c = awaitConversationOf("debtor-reply");
            assertThat(c.getString("id")).isEqualTo(arrived.getString("conversationId"));
            assertThat(c.getString("status")).isEqualTo("open");
            assertThat(c.getInteger("unread")).isEqualTo(1);
            assertThat(c.getString("lastChannel")).isEqualTo("sms");
            assertThat(c.getJsonObject("contact").getBoolean("unidentified")).isFalse();

            Http.Reply reply = gw.http.post("/v1/conversations/" + c.getString("id") + "/messages", AGENT,
                    new JsonObject().put("text", "Spasibo, zhdem oplatu").encode());
            assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
            String messageId = reply.json().getString("id");
            assertThat(reply.json().getString("channel")).isEqualTo("sms");

            await().atMost(Duration.ofSeconds(10)).until(() -> smsc.submits().stream()
                    .anyMatch(s -> s.destinationAddr().equals(phone.substring(1))
                            && new String(s.shortMessage(), StandardCharsets.US_ASCII).equals("Spasibo, zhdem oplatu")));
            gw.awaitStatus(messageId, "delivered");

            events.await("message", e -> messageId.equals(e.getJsonObject("entry").getString("id")));
            events.await("status", e -> messageId.equals(e.getString("messageId")) && "delivered".equals(e.getString("status")));

            List<JsonObject> timeline = timeline(c.getString("id"));
            assertThat(timeline).extracting(e -> e.getString("type")).containsExactly("inbound", "outbound");
            assertThat(timeline.get(1).getString("status")).isEqualTo("delivered");
            assertThat(timeline.get(1).getString("by")).startsWith("key:");
            assertThat(conversation(c.getString("id")).getInteger("unread")).isZero();
        }
    }

    @Test
    @DisplayName("assign, notes, labels, close and reopen change the conversation, and a new inbound message reopens it")
    void workflow() {
        String phone = phone();
        contact(GatewayHarness.KEY, "debtor-flow", phone);
        mo(phone, "Кто это?");
        String id = awaitConversationOf("debtor-flow").getString("id");
        String base = "/v1/conversations/" + id;

        JsonObject assigned = gw.http.post(base + "/assign", AGENT, "{\"assignee\":\"me\"}").json();
        assertThat(assigned.getString("assignee")).startsWith("key:");
        assertThat(gw.http.get("/v1/conversations?assignee=me", AGENT).json().getJsonArray("conversations").stream()
                .map(o -> ((JsonObject) o).getString("id"))).contains(id);
        assertThat(gw.http.get("/v1/conversations?assignee=unassigned", AGENT).json().getJsonArray("conversations").stream()
                .map(o -> ((JsonObject) o).getString("id"))).doesNotContain(id);

        assertThat(gw.http.post(base + "/notes", AGENT, "{\"text\":\"обещал оплатить\"}").status()).isEqualTo(201);
        JsonObject labelled = gw.http.post(base + "/labels", AGENT, "{\"add\":[\"promise to pay\",\"dispute\"],\"remove\":[\"dispute\"]}").json();
        assertThat(labelled.getJsonArray("labels")).containsExactly("promise to pay");
        assertThat(gw.http.get("/v1/conversations?label=promise%20to%20pay", AGENT).json().getJsonArray("conversations")
                .stream().map(o -> ((JsonObject) o).getString("id"))).containsExactly(id);

        assertThat(gw.http.post(base + "/close", AGENT, null).json().getString("status")).isEqualTo("closed");
        assertThat(gw.http.get("/v1/conversations?status=open", AGENT).json().getJsonArray("conversations").stream()
                .map(o -> ((JsonObject) o).getString("id"))).doesNotContain(id);
        assertThat(gw.http.post(base + "/reopen", AGENT, null).json().getString("status")).isEqualTo("open");
        assertThat(gw.http.post(base + "/close", AGENT, null).json().getString("status")).isEqualTo("closed");

        mo(phone, "Алло?");
        await().atMost(Duration.ofSeconds(10)).until(() -> "open".equals(conversation(id).getString("status")));
        List<JsonObject> timeline = timeline(id);
        assertThat(timeline).extracting(e -> e.getString("type"))
                .containsExactly("inbound", "activity", "note", "activity", "activity", "activity", "inbound");
        assertThat(timeline.get(2).getString("text")).isEqualTo("обещал оплатить");
        assertThat(timeline).extracting(e -> e.getString("action"))
                .containsExactly(null, "assigned:" + assigned.getString("assignee"), null, "closed", "reopened", "closed", null);

        Http.Reply unassigned = gw.http.post(base + "/assign", AGENT, "{\"assignee\":null}");
        assertThat(unassigned.json().getString("assignee")).isNull();
        assertThat(gw.http.post(base + "/labels", AGENT, "{\"add\":\"x\"}").errorCode()).isEqualTo("validation_failed");
        assertThat(gw.http.post(base + "/notes", AGENT, "{\"text\":\"\"}").errorCode()).isEqualTo("text_empty");
        assertThat(gw.http.get("/v1/conversations?status=lost", AGENT).errorCode()).isEqualTo("invalid_query");
    }

    @Test
    @DisplayName("an unknown sender gets an unidentified conversation that an agent merges into a known contact")
    void unknownSenderAndMerge() {
        String phone = phone();
        mo(phone, "Это по какому долгу?");
        JsonObject c = await().atMost(Duration.ofSeconds(10)).until(() -> gw.http.get("/v1/conversations?limit=100", AGENT)
                .json().getJsonArray("conversations").stream().map(o -> (JsonObject) o)
                .filter(x -> phone.equals(x.getString("lastAddress"))).findFirst().orElse(null), x -> x != null);
        assertThat(c.getJsonObject("contact").getBoolean("unidentified")).isTrue();
        String id = c.getString("id");

        // an agent can answer before knowing who it is: to the number it wrote from
        Http.Reply reply = gw.http.post("/v1/conversations/" + id + "/messages", AGENT, "{\"text\":\"Utochnite FIO\"}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
        gw.awaitStatus(reply.json().getString("id"), "delivered");

        assertThat(gw.http.post("/v1/conversations/" + id + "/merge", AGENT, "{\"contactId\":\"nobody\"}").errorCode())
                .isEqualTo("unknown_contact");
        contact(GatewayHarness.KEY, "debtor-merged", "+79260000001");
        JsonObject merged = gw.http.post("/v1/conversations/" + id + "/merge", AGENT, "{\"contactId\":\"debtor-merged\"}").json();
        assertThat(merged.getJsonObject("contact").getString("id")).isEqualTo("debtor-merged");
        assertThat(merged.getJsonObject("contact").getBoolean("unidentified")).isFalse();
        assertThat(gw.http.post("/v1/conversations/" + id + "/merge", AGENT, "{\"contactId\":\"debtor-merged\"}").errorCode())
                .isEqualTo("not_mergeable");

        mo(phone, "Иванов И.И.");
        await().atMost(Duration.ofSeconds(10)).until(() -> timeline(merged.getString("id")).size() == 4);
        assertThat(timeline(merged.getString("id"))).extracting(e -> e.getString("type"))
                .containsExactly("inbound", "outbound", "activity", "inbound");
    }

    @Test
    @DisplayName("merging an unknown sender into a contact that has a conversation joins the two timelines in order")
    void mergeJoinsExistingConversation() {
        String known = phone();
        String unknown = phone();
        contact(GatewayHarness.KEY, "debtor-join", known);
        mo(known, "первое");
        String target = awaitConversationOf("debtor-join").getString("id");
        mo(unknown, "второе, с другого номера");
        String stray = await().atMost(Duration.ofSeconds(10)).until(() -> gw.http.get("/v1/conversations?limit=100", AGENT)
                .json().getJsonArray("conversations").stream().map(o -> (JsonObject) o)
                .filter(x -> unknown.equals(x.getString("lastAddress"))).findFirst().orElse(null), x -> x != null).getString("id");
        gw.http.post("/v1/conversations/" + stray + "/labels", AGENT, "{\"add\":[\"wrong number\"]}");

        JsonObject joined = gw.http.post("/v1/conversations/" + stray + "/merge", AGENT, "{\"contactId\":\"debtor-join\"}").json();
        assertThat(joined.getString("id")).isEqualTo(target);
        assertThat(joined.getJsonArray("labels")).containsExactly("wrong number");
        assertThat(joined.getInteger("unread")).isEqualTo(2);
        assertThat(timeline(target)).extracting(e -> e.getString("text")).startsWith("первое", "второе, с другого номера");
        assertThat(conversation(stray).getString("id")).as("the old id answers the joined conversation").isEqualTo(target);
        assertThat(gw.http.get("/v1/conversations?limit=100", AGENT).json().getJsonArray("conversations").stream()
                .map(o -> ((JsonObject) o).getString("id"))).contains(target).doesNotContain(stray);

        mo(unknown, "третье");
        await().atMost(Duration.ofSeconds(10)).until(() -> timeline(target).stream().anyMatch(e -> "третье".equals(e.getString("text"))));
    }

    @Test
    @DisplayName("the list pages by last activity, newest first, each conversation once")
    void paging() {
        for (int i = 0; i < 3; i++) {
            String phone = phone();
            contact(GatewayHarness.KEY, "debtor-page-" + i, phone);
            mo(phone, "страница " + i);
            awaitConversationOf("debtor-page-" + i);
        }
        List<String> all = gw.http.get("/v1/conversations?limit=100", AGENT).json().getJsonArray("conversations").stream()
                .map(o -> ((JsonObject) o).getString("id")).toList();
        List<String> paged = new java.util.ArrayList<>();
        String cursor = null;
        do {
            JsonObject page = gw.http.get("/v1/conversations?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), AGENT).json();
            assertThat(page.getJsonArray("conversations").size()).isLessThanOrEqualTo(2);
            page.getJsonArray("conversations").forEach(o -> paged.add(((JsonObject) o).getString("id")));
            cursor = page.getString("next");
        } while (cursor != null);
        assertThat(paged).containsExactlyElementsOf(all);
        assertThat(all.get(0)).isEqualTo(awaitConversationOf("debtor-page-2").getString("id"));
        assertThat(gw.http.get("/v1/conversations?cursor=nonsense", AGENT).errorCode()).isEqualTo("invalid_query");
    }

    @Test
    @DisplayName("a reply that does not get through shows its failure and why in the timeline")
    void failedReply() {
        String phone = phone();
        contact(GatewayHarness.KEY, "debtor-failed", phone);
        mo(phone, "Ответьте");
        String id = awaitConversationOf("debtor-failed").getString("id");
        smsc.outcomeFor(phone.substring(1), ReceiptOutcome.UNDELIV);
        String reply = gw.http.post("/v1/conversations/" + id + "/messages", AGENT, "{\"text\":\"Otvet\"}").json().getString("id");
        gw.awaitStatus(reply, "failed");
        JsonObject entry = timeline(id).get(1);
        assertThat(entry.getString("id")).isEqualTo(reply);
        assertThat(entry.getString("status")).isEqualTo("failed");
        assertThat(entry.getJsonObject("error").getString("code")).isEqualTo("delivery_failed");
        assertThat(gw.http.post("/v1/conversations/" + id + "/messages", AGENT, "{\"text\":\"x\",\"channel\":\"nope\"}")
                .errorCode()).isEqualTo("unknown_channel");
        assertThat(gw.http.post("/v1/conversations/" + id + "/messages", AGENT, "{\"txt\":\"x\"}").errorCode())
                .isEqualTo("unknown_field");
    }

    @Test
    @DisplayName("a messenger message from a user bound to a contact joins that contact's conversation, across channels")
    void messengerUserBoundToContact() throws Exception {
        String phone = phone();
        contact(GatewayHarness.KEY, "debtor-bound", phone);
        mo(phone, "по смс");
        String id = awaitConversationOf("debtor-bound").getString("id");
        var redis = gw.gateway.redis().commands();
        var keys = gw.gateway.redis().keys();
        // what a deep-link binding leaves, and what the inbound store keeps for a Telegram message
        redis.sadd(keys.binding("tg", "700100"), "demo|debtor-bound").get(5, TimeUnit.SECONDS);
        String inboundId = "tg" + NEXT_PHONE.incrementAndGet();
        redis.hset(keys.inbound(inboundId), java.util.Map.of("k", "message", "c", "tg", "at",
                Long.toString(System.currentTimeMillis()), "fid", "700100", "tx", "а теперь в телеграме")).get(5, TimeUnit.SECONDS);
        redis.xadd(keys.inboundStream(), java.util.Map.of("id", inboundId, "k", "message")).get(5, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(10)).until(() -> timeline(id).size() == 2);
        JsonObject c = conversation(id);
        assertThat(c.getJsonArray("channels")).containsExactly("sms", "tg");
        assertThat(c.getString("lastChannel")).as("a reply goes where the debtor last wrote").isEqualTo("tg");
        assertThat(timeline(id)).extracting(e -> e.getString("channel")).containsExactly("sms", "tg");
    }

    @Test
    @DisplayName("a DTMF choice from a call appears in the contact's conversation as the key pressed")
    void dtmfChoice() throws Exception {
        String phone = phone();
        contact(GatewayHarness.KEY, "debtor-dtmf", phone);
        // what the inbound store keeps for a voice channel's menu choice
        var redis = gw.gateway.redis().commands();
        var keys = gw.gateway.redis().keys();
        String inboundId = "dtmf" + NEXT_PHONE.incrementAndGet();
        redis.hset(keys.inbound(inboundId), java.util.Map.of("k", "message", "c", "voice", "at",
                Long.toString(System.currentTimeMillis()), "fph", phone, "tx", "1", "attr", "{\"dtmf\":\"1\"}"))
                .get(5, TimeUnit.SECONDS);
        redis.xadd(keys.inboundStream(), java.util.Map.of("id", inboundId, "k", "message")).get(5, TimeUnit.SECONDS);

        String id = awaitConversationOf("debtor-dtmf").getString("id");
        JsonObject entry = timeline(id).get(0);
        assertThat(entry.getString("type")).isEqualTo("inbound");
        assertThat(entry.getString("channel")).isEqualTo("voice");
        assertThat(entry.getString("dtmf")).isEqualTo("1");
        assertThat(gw.http.get("/v1/conversations?channel=voice", AGENT).json().getJsonArray("conversations").stream()
                .map(o -> ((JsonObject) o).getString("id"))).containsExactly(id);
    }

    private static String conversationInRedis(String tenantId, String contactId) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> gw.gateway.redis().commands()
                .hget(gw.gateway.redis().keys().conversationByContact(tenantId), contactId).get(5, TimeUnit.SECONDS), x -> x != null);
    }

    @Test
    @DisplayName("a debtor who is a contact of two tenants opens a conversation in each")
    void debtorOfTwoTenants() {
        String phone = phone();
        contact(GatewayHarness.KEY, "shared-debtor", phone);
        contact(GatewayHarness.OTHER_KEY, "shared-debtor-other", phone);
        mo(phone, "У меня два долга");
        String ours = awaitConversationOf("shared-debtor").getString("id");
        String theirs = conversationInRedis("other", "shared-debtor-other");
        assertThat(theirs).isNotEqualTo(ours);
        assertThat(timeline(ours)).extracting(e -> e.getString("text")).containsExactly("У меня два долга");
    }

    @Test
    @DisplayName("another tenant's conversation is not found nor streamed, and a key without the agent role is refused")
    void isolationAndRoles() {
        String phone = phone();
        contact(GatewayHarness.OTHER_KEY, "other-debtor", phone);
        String otherConversation;
        try (SseReader events = new SseReader(gw.gateway.port(), AGENT)) {
            mo(phone, "Здравствуйте");
            otherConversation = conversationInRedis("other", "other-debtor");
            // an event of our own tenant after theirs shows the stream has caught up
            String ours = phone();
            contact(GatewayHarness.KEY, "debtor-isolation", ours);
            mo(ours, "Наше");
            events.await("message", e -> "Наше".equals(e.getJsonObject("entry").getString("text")));
            String theirs = otherConversation;
            assertThat(events.received).noneMatch(e -> theirs.equals(e.getString("conversationId")));
        }

        assertThat(gw.http.get("/v1/conversations/" + otherConversation, AGENT).errorCode()).isEqualTo("not_found");
        assertThat(gw.http.post("/v1/conversations/" + otherConversation + "/close", AGENT, null).errorCode()).isEqualTo("not_found");
        assertThat(gw.http.get("/v1/conversations?limit=100", AGENT).json().getJsonArray("conversations").stream()
                .map(o -> ((JsonObject) o).getString("id"))).doesNotContain(otherConversation);

        assertThat(gw.http.get("/v1/conversations", GatewayHarness.KEY).status()).isEqualTo(403);
        assertThat(gw.http.get("/v1/conversations/stream", GatewayHarness.KEY).status()).isEqualTo(403);
        assertThat(gw.http.post("/v1/conversations/" + otherConversation + "/messages", GatewayHarness.OTHER_KEY,
                "{\"text\":\"x\"}").status()).isEqualTo(403);
        assertThat(gw.http.get("/v1/conversations", GatewayHarness.ADMIN_KEY).status()).isEqualTo(200);
        assertThat(gw.http.get("/v1/conversations", null).status()).isEqualTo(401);
    }
}
