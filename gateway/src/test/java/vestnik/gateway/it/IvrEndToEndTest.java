package vestnik.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vestnik.channels.ari.AriChannel;
import vestnik.loadtest.ari.AriFrames;
import vestnik.loadtest.ari.FakeAri;
import vestnik.loadtest.ari.FakeAri.Request;
import vestnik.loadtest.smsc.SimulatedSmsc;

/**
 * Robocalls through the whole gateway: a job posted over HTTP becomes an originate at a fake Asterisk on
 * loopback, the call's events (sent over the fake's ARI WebSocket) become the message's status, and a key
 * pressed in the menu becomes a message from the debtor in the contact's conversation.
 */
class IvrEndToEndTest {

    private static final int LINES = 2;
    private static final String CALLER_ID = "74951234567";
    private static final String SCRIPT_MEDIA = "sound:vestnik/debt-reminder";
    private static final AtomicInteger NEXT_PHONE = new AtomicInteger();

    @TempDir
    static Path dir;
    static Vertx vertx;
    static FakeAri ari;
    static SimulatedSmsc smsc;
    static GatewayHarness gw;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        ari = new FakeAri(vertx, "gw", "secret").start();
        smsc = SimulatedSmsc.builder().port(0).credentials("gw", "secret").start();
        gw = GatewayHarness.start(dir, smsc, """
                  ivr:
                    type: ari
                    baseUrl: %s
                    username: gw
                    password: secret
                    app: ivr-gw
                    endpoint: "PJSIP/{phone}@trunk"
                    callerIds: ["%s"]
                    callerName: "ООО Демо"
                    rate: 100
                    maxChannels: %d
                    ringTimeout: 30s
                    amd: {context: amd-then-ari}
                    operator: {context: operators, extension: s}
                    ttsUrlTemplate: "sound:https://tts.local/say?text={text}"
                    menu: {"1": OPERATOR, "2": PAID, "3": REPEAT}
                    menuTimeout: 300ms
                    goodbye: ["sound:vestnik/thanks"]
                    reconnectMin: 50ms
                    reconnectMax: 200ms
                """.formatted(ari.baseUrl(), CALLER_ID, LINES));
    }

    @AfterAll
    static void stop() throws Exception {
        if (gw != null) {
            gw.close();
        }
        if (smsc != null) {
            smsc.close();
        }
        if (ari != null) {
            ari.stop();
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** The calls of a test are placed now: their events carry today's times, spaced as in the fixtures. */
    private Instant callStart;

    @BeforeEach
    void forgetEarlierRequests() {
        ari.pending();
        callStart = Instant.now();
    }

    private void emit(String frame) {
        ari.emit(AriFrames.movedTo(frame, callStart));
    }

    /** Every test ends its calls; the next one starts with all lines free. */
    @AfterEach
    void linesFree() {
        AriChannel channel = (AriChannel) gw.gateway.channels().get("ivr");
        await().atMost(Duration.ofSeconds(5)).until(() -> channel.linesInUse() == 0 && ari.callsUp() == 0);
    }

    private static String phone() {
        return "+7916555" + String.format("%04d", NEXT_PHONE.incrementAndGet());
    }

    private static JsonObject script() {
        return new JsonObject()
                .put("media", new JsonArray().add(SCRIPT_MEDIA))
                .put("menu", new JsonObject().put("1", "OPERATOR").put("2", "PAID"))
                .put("maxPlays", 1)
                .put("goodbye", new JsonArray().add("sound:vestnik/thanks"));
    }

    private static String post(JsonObject to, String text, JsonObject ivr) {
        JsonObject job = new JsonObject().put("channel", "ivr").put("to", to).put("text", text);
        if (ivr != null) {
            job.put("ivr", ivr);
        }
        Http.Reply r = gw.post(job);
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        return r.json().getString("id");
    }

    private static String call(String phone, JsonObject ivr) {
        return post(new JsonObject().put("phone", phone), "Здравствуйте! Напоминаем о долге 1 500 руб.", ivr);
    }

    /** The originate of one message: to the trunk, from the pool's caller id, with our message's id on the call. */
    private static String originated(String messageId, String phone) {
        Request originate = ari.nextOriginate();
        assertThat(originate.authorization()).isEqualTo("Basic Z3c6c2VjcmV0");
        assertThat(originate.param("endpoint")).isEqualTo("PJSIP/" + phone.substring(1) + "@trunk");
        assertThat(originate.param("app")).isEqualTo("ivr-gw");
        assertThat(originate.param("callerId")).isEqualTo(CALLER_ID);
        assertThat(originate.param("timeout")).isEqualTo("30");
        assertThat(new JsonObject(originate.body())).isEqualTo(new JsonObject().put("variables", new JsonObject()
                .put("CALLERID(name)", "ООО Демо").put("GW_MESSAGE_ID", messageId)));
        String call = originate.param("channelId");
        assertThat(call).startsWith("vn-");
        return call;
    }

    /** The call is answered: lent to the AMD dialplan, then back in Stasis with the detector's verdict. */
    private void answered(String call, String amd) {
        emit(AriFrames.stasisStart(call));
        Request detect = next(HttpMethod.POST, "/ari/channels/" + call + "/continue");
        assertThat(detect.param("context")).isEqualTo("amd-then-ari");
        emit(AriFrames.varset(call, "AMDSTATUS", amd));
        emit(AriFrames.stasisStart(call, "amd=" + amd));
    }

    private static Request next(HttpMethod method, String path) {
        return ari.next(method, path::equals);
    }

    private static List<String> history(JsonObject message) {
        return message.getJsonArray("events").stream().map(o -> ((JsonObject) o).getString("status")).toList();
    }

    private static String lastDetail(JsonObject message) {
        JsonArray events = message.getJsonArray("events");
        return events.getJsonObject(events.size() - 1).getString("detail");
    }

    @Test
    @DisplayName("a person who answers and hears the script out makes the call's message delivered, with the call's id as provider id")
    void personAnswers() {
        String phone = phone();
        String id = call(phone, script());
        String call = originated(id, phone);

        answered(call, "HUMAN");
        Request play = next(HttpMethod.POST, "/ari/channels/" + call + "/play");
        assertThat(play.param("media")).isEqualTo(SCRIPT_MEDIA);
        assertThat(play.param("lang")).isEqualTo("ru");
        emit(AriFrames.playbackFinished(call, play.param("playbackId")));
        // no key within the menu's wait: the robot hangs up
        next(HttpMethod.DELETE, "/ari/channels/" + call);
        emit(AriFrames.destroyed(call));

        JsonObject m = gw.awaitStatus(id, "delivered");
        assertThat(m.getJsonArray("providerIds")).containsExactly(call);
        assertThat(history(m)).containsSubsequence("queued", "sending", "sent", "delivered");
        assertThat(lastDetail(m)).isEqualTo("answered_human cause=16 (Normal Clearing) talk=12.561s amd=HUMAN");
        assertThat(m.containsKey("error")).isFalse();
    }

    @Test
    @DisplayName("an answering machine is hung up on at once and fails the message: delivery_failed, answering_machine in the detail")
    void answeringMachine() {
        String phone = phone();
        String id = call(phone, null);
        String call = originated(id, phone);

        answered(call, "MACHINE");
        // no machineMessage configured: nothing is played to the machine
        Request hangup = ari.next();
        assertThat(hangup.method()).isEqualTo(HttpMethod.DELETE);
        assertThat(hangup.path()).isEqualTo("/ari/channels/" + call);
        emit(AriFrames.destroyed(call));

        JsonObject m = gw.awaitStatus(id, "failed");
        JsonObject error = m.getJsonObject("error");
        assertThat(error.getString("code")).isEqualTo("delivery_failed");
        assertThat(error.getString("providerCode")).isEqualTo("16");
        assertThat(error.getString("message"))
                .isEqualTo("answering_machine cause=16 (Normal Clearing) talk=12.561s amd=MACHINE");
        assertThat(history(m)).containsSubsequence("sent", "failed");
        assertThat(ari.pending()).noneMatch(r -> r.path().endsWith("/play"));
    }

    @Test
    @DisplayName("a call nobody answers (Q.850 cause 19) fails the message with the cause as provider code and no_answer in the detail")
    void noAnswer() {
        String phone = phone();
        String id = call(phone, null);
        String call = originated(id, phone);

        emit(AriFrames.destroyedUnanswered(call, 19, "User alerting, no answer"));

        JsonObject m = gw.awaitStatus(id, "failed");
        JsonObject error = m.getJsonObject("error");
        assertThat(error.getString("code")).isEqualTo("delivery_failed");
        assertThat(error.getString("providerCode")).isEqualTo("19");
        assertThat(error.getString("message")).isEqualTo("no_answer cause=19 (User alerting, no answer)");
        assertThat(lastDetail(m)).isEqualTo("no_answer cause=19 (User alerting, no answer)");
        assertThat(ari.pending()).isEmpty();
    }

    @Test
    @DisplayName("a debtor who presses 2 (\"I have paid\") hears goodbye, the call is delivered with dtmf=2, and the choice is in the contact's conversation")
    void paidChoiceReachesTheInbox() {
        String phone = phone();
        String contact = "debtor-ivr-paid-" + NEXT_PHONE.get();
        putContact(contact, phone);
        String id = post(new JsonObject().put("contactId", contact), "Напоминаем о долге", script());
        String call = originated(id, phone);

        answered(call, "HUMAN");
        Request play = next(HttpMethod.POST, "/ari/channels/" + call + "/play");
        emit(AriFrames.dtmf(call, "2"));
        // the script stops at once and the goodbye plays
        next(HttpMethod.DELETE, "/ari/playbacks/" + play.param("playbackId"));
        Request goodbye = next(HttpMethod.POST, "/ari/channels/" + call + "/play");
        assertThat(goodbye.param("media")).isEqualTo("sound:vestnik/thanks");
        emit(AriFrames.playbackFinished(call, goodbye.param("playbackId")));
        next(HttpMethod.DELETE, "/ari/channels/" + call);
        emit(AriFrames.destroyed(call));

        JsonObject m = gw.awaitStatus(id, "delivered");
        assertThat(lastDetail(m)).isEqualTo("answered_human cause=16 (Normal Clearing) talk=12.561s dtmf=2 amd=HUMAN");

        JsonObject conversation = awaitConversation(contact);
        JsonObject choice = inbound(conversation);
        assertThat(choice.getString("channel")).isEqualTo("ivr");
        assertThat(choice.getString("text")).isEqualTo("Я оплатил(а)");
        assertThat(choice.getString("dtmf")).isEqualTo("2");
        assertThat(choice.getString("from")).isEqualTo(phone);
        assertThat(conversation.getString("lastChannel")).isEqualTo("ivr");

        // the agent answers in text: the composer never offers the robocall channel, and a reply naming no channel goes by SMS
        assertThat(conversation.getJsonArray("replyChannels")).containsExactly(
                new JsonObject().put("channel", "sms").put("type", "smpp"));
        Http.Reply reply = gw.http.post("/v1/conversations/" + conversation.getString("id") + "/messages",
                GatewayHarness.AGENT_KEY, new JsonObject().put("text", "Спасибо, проверим платёж").encode());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
        assertThat(reply.json().getString("channel")).isEqualTo("sms");
        await().atMost(Duration.ofSeconds(5)).until(() -> smsc.submits().stream()
                .anyMatch(sm -> sm.destinationAddr().equals(phone.substring(1))));
        assertThat(ari.pending()).noneMatch(r -> r.path().equals("/ari/channels"));
    }

    @Test
    @DisplayName("a debtor who presses 1 (\"connect me\") is handed to the operators' dialplan, and the choice is in the contact's conversation")
    void operatorChoiceReachesTheInbox() {
        String phone = phone();
        String contact = "debtor-ivr-operator-" + NEXT_PHONE.get();
        putContact(contact, phone);
        String id = post(new JsonObject().put("contactId", contact), "Напоминаем о долге", script());
        String call = originated(id, phone);

        answered(call, "HUMAN");
        next(HttpMethod.POST, "/ari/channels/" + call + "/play");
        emit(AriFrames.dtmf(call, "1"));
        Request transfer = next(HttpMethod.POST, "/ari/channels/" + call + "/continue");
        assertThat(List.of(transfer.param("context"), transfer.param("extension"), transfer.param("priority")))
                .containsExactly("operators", "s", "1");

        JsonObject choice = inbound(awaitConversation(contact));
        assertThat(choice.getString("text")).isEqualTo("Соединить с оператором");
        assertThat(choice.getString("dtmf")).isEqualTo("1");
        assertThat(choice.getString("from")).isEqualTo(phone);

        // the operator and the debtor finish the call
        emit(AriFrames.destroyed(call));
        JsonObject m = gw.awaitStatus(id, "delivered");
        assertThat(lastDetail(m)).contains("dtmf=1");
        assertThat(ari.pending()).noneMatch(r -> r.method() == HttpMethod.DELETE && r.path().equals("/ari/channels/" + call));
    }

    @Test
    @DisplayName("with maxChannels 2, four jobs never have more than two calls up at the ARI: the others wait as ari_lines_busy and go when lines free")
    void linesBound() {
        List<String> phones = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < LINES + 2; i++) {
            phones.add(phone());
            ids.add(call(phones.get(i), null));
        }
        List<String> first = List.of(ari.nextOriginate().param("channelId"), ari.nextOriginate().param("channelId"));
        assertThat(ari.callsUp()).isEqualTo(LINES);

        // the two left over were refused by the channel without a call, and wait without using an attempt
        List<String> waiting = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(
                () -> ids.stream().filter(id -> gw.message(id).getJsonArray("events").stream()
                        .anyMatch(e -> String.valueOf(((JsonObject) e).getString("detail")).contains("ari_lines_busy")))
                        .toList(),
                l -> l.size() == 2);
        assertThat(ari.pending()).noneMatch(r -> r.path().equals("/ari/channels"));
        assertThat(waiting).allSatisfy(id -> assertThat(gw.message(id).getInteger("attempts")).isLessThanOrEqualTo(1));

        first.forEach(call -> emit(AriFrames.destroyedUnanswered(call, 19, "User alerting, no answer")));
        List<String> second = List.of(ari.nextOriginate().param("channelId"), ari.nextOriginate().param("channelId"));
        assertThat(second).doesNotContainAnyElementsOf(first);
        second.forEach(call -> emit(AriFrames.destroyedUnanswered(call, 19, "User alerting, no answer")));

        ids.forEach(id -> gw.awaitStatus(id, "failed"));
        assertThat(ari.mostCallsUp()).isEqualTo(LINES);
        assertThat(ids).allSatisfy(id -> assertThat(gw.message(id).getJsonObject("error").getString("providerCode"))
                .isEqualTo("19"));
    }

    private static void putContact(String id, String phone) {
        Http.Reply r = gw.http.put("/v1/contacts/" + id, GatewayHarness.KEY,
                new JsonObject().put("phones", new JsonArray().add(phone)).encode());
        assertThat(r.status()).as(r.toString()).isIn(200, 201);
    }

    /** The contact's conversation as an agent sees it, once the debtor's choice is threaded into it. */
    private static JsonObject awaitConversation(String contactId) {
        String conversation = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() ->
                gw.http.get("/v1/conversations?limit=100", GatewayHarness.AGENT_KEY).json().getJsonArray("conversations")
                        .stream().map(o -> (JsonObject) o)
                        .filter(c -> contactId.equals(c.getJsonObject("contact").getString("id")))
                        .map(c -> c.getString("id")).findFirst().orElse(null), c -> c != null);
        Http.Reply r = gw.http.get("/v1/conversations/" + conversation, GatewayHarness.AGENT_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    /** The debtor's one message in the conversation's timeline. */
    private static JsonObject inbound(JsonObject conversation) {
        List<JsonObject> inbound = conversation.getJsonArray("timeline").stream().map(o -> (JsonObject) o)
                .filter(e -> "inbound".equals(e.getString("type"))).toList();
        assertThat(inbound).as(conversation.encode()).hasSize(1);
        return inbound.get(0);
    }
}
