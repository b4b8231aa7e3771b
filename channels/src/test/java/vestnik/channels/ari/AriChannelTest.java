package vestnik.channels.ari;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vestnik.channels.spi.CallResult;
import vestnik.channels.spi.ErrorClass;
import vestnik.channels.spi.FailureCodes;
import vestnik.channels.spi.InboundEvent.CallOutcome;
import vestnik.channels.spi.InboundEvent.InboundMessage;
import vestnik.channels.spi.OutboundMessage;
import vestnik.channels.spi.Recipient;
import vestnik.channels.spi.SendResult;
import vestnik.channels.spi.SendResult.Accepted;
import vestnik.channels.spi.SendResult.Failed;
import vestnik.channels.testing.Fixtures;
import vestnik.loadtest.ari.AriFrames;
import vestnik.loadtest.ari.FakeAri;
import vestnik.loadtest.ari.FakeAri.Request;

/** The channel against a fake Asterisk on loopback: ARI REST calls asserted, events sent over its WebSocket. */
class AriChannelTest {

    private static final String DEBTOR = "+79161234567";
    private static final String FIRST = "74951234567";
    private static final String SECOND = "74951234568";
    private static final String THIRD = "74951234569";
    private static Vertx vertx;
    private FakeAri ari;
    private RecordingSink sink;
    private SimpleMeterRegistry meters;
    private AriChannel channel;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        Fixtures.await(vertx.close());
    }

    @BeforeEach
    void start() {
        ari = new FakeAri(vertx, "gw", "secret").start();
        sink = new RecordingSink();
        meters = new SimpleMeterRegistry();
        channel = channel("secret");
        Fixtures.await(channel.start(sink));
    }

    @AfterEach
    void stop() {
        Fixtures.await(channel.stop());
        ari.stop();
    }

    private AriChannel channel(String password) {
        return (AriChannel) new AriChannelFactory().create("ivr", Fixtures.parse("""
                { "type": "ari", "baseUrl": "%s", "username": "gw", "password": "%s", "app": "ivr-gw",
                  "endpoint": "PJSIP/{phone}@trunk", "callerIds": ["%s", "%s", "%s"], "callerName": "ООО Демо",
                  "maxChannels": 2, "ringTimeout": "30s", "amd": {"context": "amd-then-ari"},
                  "operator": {"context": "operators", "extension": "s"},
                  "ttsUrlTemplate": "sound:https://tts.local/say?text={text}",
                  "menu": {"1": "OPERATOR", "2": "PAID", "3": "REPEAT"}, "menuTimeout": "200ms",
                  "goodbye": ["sound:vestnik/thanks"], "healthWindow": 4, "minSample": 2, "minAnswerRate": 0.5,
                  "requestTimeout": "2s", "reconnectMin": "50ms", "reconnectMax": "200ms" }"""
                .formatted(ari.baseUrl(), password, FIRST, SECOND, THIRD)), vertx, meters);
    }

    private static OutboundMessage message(String id, String text) {
        return new OutboundMessage(id, "t-1", Recipient.phone(DEBTOR), text, null, null, null, 1, null);
    }

    /** Sends, answers the originate, and returns the call's id. */
    private String call(String messageId) {
        var result = channel.send(message(messageId, "Здравствуйте! Оплатите долг 1 500 руб."));
        Request originate = ari.nextOriginate();
        SendResult r = Fixtures.await(result);
        assertThat(r).isInstanceOf(Accepted.class);
        assertThat(((Accepted) r).providerId()).isEqualTo(originate.param("channelId"));
        return originate.param("channelId");
    }

    private double counter(String outcome) {
        var c = meters.find("vestnik_ivr_calls").tag("outcome", outcome).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    @DisplayName("a person who presses 2 ends as answered_human with choices [2] and an inbox message action=PAID, every ARI request on the wire")
    void humanPaid() {
        assertThat(ari.lastEventsUri()).isEqualTo("/ari/events?app=ivr-gw&subscribeAll=false");
        var sent = channel.send(message("m-1", "Здравствуйте, Иван! Долг 1 500 руб."));

        Request originate = ari.next();
        assertThat(originate.method()).isEqualTo(HttpMethod.POST);
        assertThat(originate.path()).isEqualTo("/ari/channels");
        assertThat(originate.authorization()).isEqualTo("Basic Z3c6c2VjcmV0");
        assertThat(originate.param("endpoint")).isEqualTo("PJSIP/79161234567@trunk");
        assertThat(originate.param("app")).isEqualTo("ivr-gw");
        assertThat(originate.param("callerId")).isEqualTo(FIRST);
        assertThat(originate.param("timeout")).isEqualTo("30");
        String call = originate.param("channelId");
        assertThat(call).startsWith("vn-");
        assertThat(Fixtures.parse(originate.body())).isEqualTo(Fixtures.parse(
                "{\"variables\":{\"CALLERID(name)\":\"ООО Демо\",\"GW_MESSAGE_ID\":\"m-1\"}}"));
        assertThat(Fixtures.await(sent)).isEqualTo(Accepted.of(call));
        assertThat(channel.linesInUse()).isEqualTo(1);

        ari.emit(AriFrames.stasisStart(call));
        Request detect = ari.next();
        assertThat(detect.path()).isEqualTo("/ari/channels/" + call + "/continue");
        assertThat(detect.params().names()).containsExactlyInAnyOrder("context", "extension", "priority");
        assertThat(List.of(detect.param("context"), detect.param("extension"), detect.param("priority")))
                .containsExactly("amd-then-ari", "s", "1");

        ari.emit(AriFrames.varset(call, "AMDSTATUS", "HUMAN"));
        ari.emit(AriFrames.varset(call, "AMDCAUSE", "HUMAN-300-1500"));
        ari.emit(AriFrames.stasisStart(call, "amd=HUMAN"));
        Request play = ari.next();
        assertThat(play.path()).isEqualTo("/ari/channels/" + call + "/play");
        assertThat(play.param("media")).isEqualTo("sound:https://tts.local/say?text="
                + "%D0%97%D0%B4%D1%80%D0%B0%D0%B2%D1%81%D1%82%D0%B2%D1%83%D0%B9%D1%82%D0%B5%2C%20"
                + "%D0%98%D0%B2%D0%B0%D0%BD%21%20%D0%94%D0%BE%D0%BB%D0%B3%201%20500%20%D1%80%D1%83%D0%B1.");
        assertThat(play.param("lang")).isEqualTo("ru");
        assertThat(play.param("playbackId")).isEqualTo("pb-" + call + "-1");

        ari.emit(AriFrames.dtmf(call, "2"));
        InboundMessage paid = sink.await(InboundMessage.class, call);
        assertThat(paid.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of("dtmf", "2", "action", "PAID"));
        assertThat(paid.inReplyToProviderId()).isEqualTo(call);
        assertThat(paid.from().phone()).isEqualTo(DEBTOR);
        assertThat(paid.text()).isEqualTo("Я оплатил(а)");
        Request stop = ari.next();
        assertThat(stop.method()).isEqualTo(HttpMethod.DELETE);
        assertThat(stop.path()).isEqualTo("/ari/playbacks/pb-" + call + "-1");
        Request goodbye = ari.next();
        assertThat(goodbye.param("media")).isEqualTo("sound:vestnik/thanks");
        assertThat(goodbye.param("playbackId")).isEqualTo("pb-" + call + "-2");

        ari.emit(AriFrames.playbackFinished(call, "pb-" + call + "-1"));
        ari.emit(AriFrames.playbackFinished(call, "pb-" + call + "-2"));
        Request hangup = ari.next();
        assertThat(hangup.method()).isEqualTo(HttpMethod.DELETE);
        assertThat(hangup.path()).isEqualTo("/ari/channels/" + call);
        assertThat(hangup.param("reason")).isEqualTo("normal");

        ari.emit(AriFrames.hangupRequest(call, 16));
        ari.emit(AriFrames.destroyed(call));
        CallOutcome outcome = sink.await(CallOutcome.class, call);
        assertThat(outcome.result()).isEqualTo(CallResult.ANSWERED_HUMAN);
        assertThat(outcome.providerId()).isEqualTo(call);
        assertThat(outcome.channelId()).isEqualTo("ivr");
        assertThat(outcome.q850Cause()).isEqualTo(16);
        assertThat(outcome.causeText()).isEqualTo("Normal Clearing");
        assertThat(outcome.dtmfChoices()).containsExactly("2");
        assertThat(outcome.talkTime()).isEqualTo(Duration.ofMillis(12_561));
        assertThat(outcome.amdStatus()).isEqualTo("HUMAN");
        assertThat(outcome.amdCause()).isEqualTo("HUMAN-300-1500");
        assertThat(outcome.callerId()).isEqualTo(FIRST);
        assertThat(outcome.dedupKey()).isEqualTo("call:" + call);
        assertThat(sink.events()).last().isEqualTo(outcome);
        assertThat(channel.linesInUse()).isZero();
        assertThat(counter("answered_human")).isEqualTo(1);
        assertThat(ari.pending()).isEmpty();
    }

    @Test
    @DisplayName("an answering machine is hung up at once and counted apart from people")
    void answeringMachine() {
        String call = call("m-2");
        ari.emit(AriFrames.stasisStart(call));
        assertThat(ari.next().path()).endsWith("/continue");
        ari.emit(Fixtures.text("ari-event-channelvarset-amd.json").replace(AriFrames.FIXTURE_CHANNEL, call));
        ari.emit(AriFrames.stasisStart(call, "amd=MACHINE"));
        Request hangup = ari.next();
        assertThat(hangup.method()).isEqualTo(HttpMethod.DELETE);
        assertThat(hangup.path()).isEqualTo("/ari/channels/" + call);

        ari.emit(AriFrames.destroyed(call));
        CallOutcome outcome = sink.await(CallOutcome.class, call);
        assertThat(outcome.result()).isEqualTo(CallResult.ANSWERING_MACHINE);
        assertThat(outcome.amdStatus()).isEqualTo("MACHINE");
        assertThat(outcome.dtmfChoices()).isEmpty();
        assertThat(sink.all(InboundMessage.class)).isEmpty();
        assertThat(counter("answering_machine")).isEqualTo(1);
        assertThat(counter("answered_human")).isZero();
    }

    @ParameterizedTest(name = "cause {0} -> {2}")
    @CsvSource({
        "19, 'User alerting, no answer', NO_ANSWER",
        "17, User busy, BUSY",
        "21, Call Rejected, REJECTED",
        "38, Network out of order, FAILED",
        "1, Unallocated (unassigned) number, FAILED",
    })
    @DisplayName("a call destroyed before it was answered ends by its Q.850 cause, with no talk time")
    void unanswered(int cause, String text, CallResult expected) {
        String call = call("m-3");
        ari.emit(AriFrames.destroyedUnanswered(call, cause, text));

        CallOutcome outcome = sink.await(CallOutcome.class, call);
        assertThat(outcome.result()).isEqualTo(expected);
        assertThat(outcome.q850Cause()).isEqualTo(cause);
        assertThat(outcome.causeText()).isEqualTo(text);
        assertThat(outcome.talkTime()).isZero();
        assertThat(outcome.amdStatus()).isNull();
        assertThat(counter(expected.wireName())).isEqualTo(1);
        assertThat(channel.linesInUse()).isZero();
    }

    @Test
    @DisplayName("the fixture's no-answer event (cause 19) ends the call as no_answer")
    void noAnswerFixture() {
        String call = call("m-4");
        ari.emit(Fixtures.text("ari-event-channeldestroyed-noanswer.json").replace(AriFrames.FIXTURE_CHANNEL, call));

        assertThat(sink.await(CallOutcome.class, call).result()).isEqualTo(CallResult.NO_ANSWER);
    }

    @Test
    @DisplayName("key 1 hands the call to the operators' dialplan; it still ends as answered_human with the choice")
    void operator() {
        String call = call("m-5");
        ari.emit(AriFrames.stasisStart(call, "amd=NOTSURE"));
        assertThat(ari.next().path()).endsWith("/play");
        ari.emit(AriFrames.dtmf(call, "1"));
        assertThat(ari.next().path()).isEqualTo("/ari/playbacks/pb-" + call + "-1");
        Request transfer = ari.next();
        assertThat(transfer.path()).isEqualTo("/ari/channels/" + call + "/continue");
        assertThat(transfer.param("context")).isEqualTo("operators");

        ari.emit(AriFrames.destroyed(call));
        CallOutcome outcome = sink.await(CallOutcome.class, call);
        assertThat(outcome.result()).isEqualTo(CallResult.ANSWERED_HUMAN);
        assertThat(outcome.amdStatus()).isEqualTo("NOTSURE");
        assertThat(outcome.dtmfChoices()).containsExactly("1");
        assertThat(sink.all(InboundMessage.class)).singleElement()
                .satisfies(m -> assertThat(m.attributes()).containsEntry("action", "OPERATOR"));
    }

    @Test
    @DisplayName("with no key after the message the robot waits menuTimeout, then hangs up")
    void menuTimeout() {
        String call = call("m-6");
        ari.emit(AriFrames.stasisStart(call, "amd=HUMAN"));
        assertThat(ari.next().path()).endsWith("/play");
        ari.emit(AriFrames.playbackFinished(call, "pb-" + call + "-1"));

        Request hangup = ari.next();
        assertThat(hangup.method()).isEqualTo(HttpMethod.DELETE);
        assertThat(hangup.path()).isEqualTo("/ari/channels/" + call);
    }

    @Test
    @DisplayName("caller ids rotate, and a number under the answer-rate floor leaves the rotation and its gauge drops to 0")
    void callerIdRotationAndHealth() {
        // FIRST: two unanswered calls (0 of 2 < 0.5 once minSample 2 is reached); SECOND and THIRD answered
        String[] expected = {FIRST, SECOND, THIRD, FIRST, SECOND, THIRD, SECOND, THIRD};
        boolean[] answer = {false, true, true, false, true, true, true, true};
        for (int i = 0; i < expected.length; i++) {
            var sent = channel.send(message("m-r" + i, "Напоминание"));
            Request originate = ari.nextOriginate();
            assertThat(originate.param("callerId")).as("call %d", i + 1).isEqualTo(expected[i]);
            String call = originate.param("channelId");
            Fixtures.await(sent);
            if (answer[i]) {
                ari.emit(AriFrames.stasisStart(call, "amd=HUMAN"));
                ari.emit(AriFrames.destroyed(call));
            } else {
                ari.emit(AriFrames.destroyedUnanswered(call, 19, "User alerting, no answer"));
            }
            sink.await(CallOutcome.class, call);
        }

        assertThat(channel.callerIds()).extracting(h -> h.masked() + "=" + h.healthy())
                .containsExactly("***4567=false", "***4568=true", "***4569=true");
        assertThat(meters.get("vestnik_ivr_callerid_healthy").tag("callerId", "***4567").gauge().value()).isZero();
        assertThat(meters.get("vestnik_ivr_callerid_healthy").tag("callerId", "***4568").gauge().value()).isEqualTo(1);

        assertThat(channel.reinstateCallerId(FIRST)).isTrue();
        channel.send(message("m-r9", "Напоминание"));
        assertThat(ari.nextOriginate().param("callerId")).isEqualTo(FIRST);
    }

    @Test
    @DisplayName("with every line in use a send is rate-limited without a call, and a line comes free when a call ends")
    void maxChannels() {
        String first = call("m-7");
        call("m-8");
        assertThat(meters.get("vestnik_ivr_channels_in_use").gauge().value()).isEqualTo(2);

        SendResult third = Fixtures.await(channel.send(message("m-9", "Напоминание")));

        assertThat(third).isInstanceOfSatisfying(Failed.class, f -> {
            assertThat(f.errorClass()).isEqualTo(ErrorClass.RATE_LIMITED);
            assertThat(f.code()).isEqualTo("ari_lines_busy");
            assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(2));
        });
        assertThat(ari.pending()).isEmpty();

        ari.emit(AriFrames.destroyedUnanswered(first, 17, "User busy"));
        sink.await(CallOutcome.class, first);
        call("m-10");
    }

    @Test
    @DisplayName("a dropped event stream reconnects; a call that ended meanwhile is found gone and reported failed")
    void reconnect() {
        String lost = call("m-11");
        ari.refuseConnections(true);
        ari.forget(lost);
        ari.dropEventStreams();
        await().atMost(Duration.ofSeconds(5)).until(() -> !channel.isReady());

        SendResult whileDown = Fixtures.await(channel.send(message("m-12", "Напоминание")));
        assertThat(whileDown).isInstanceOfSatisfying(Failed.class, f -> {
            assertThat(f.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
            assertThat(f.code()).isEqualTo(FailureCodes.PROVIDER_UNAVAILABLE);
        });

        ari.refuseConnections(false);
        await().atMost(Duration.ofSeconds(5)).until(channel::isReady);
        assertThat(ari.connections()).isEqualTo(2);
        Request check = ari.next(HttpMethod.GET, p -> p.equals("/ari/channels/" + lost));
        assertThat(check.authorization()).isEqualTo("Basic Z3c6c2VjcmV0");
        CallOutcome outcome = sink.await(CallOutcome.class, lost);
        assertThat(outcome.result()).isEqualTo(CallResult.FAILED);
        assertThat(outcome.q850Cause()).isNull();

        String next = call("m-13");
        ari.emit(AriFrames.destroyedUnanswered(next, 17, "User busy"));
        assertThat(sink.await(CallOutcome.class, next).result()).isEqualTo(CallResult.BUSY);
    }

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource({
        "400, PERMANENT_CONFIG, bad_configuration",
        "500, TRANSIENT, provider_error",
    })
    @DisplayName("a refused originate is a typed failure and frees its line")
    void originateRefused(int status, ErrorClass errorClass, String code) {
        ari.originateAnswers(status, "{\"message\":\"Invalid endpoint PJSIP/79161234567@trunk\"}");

        SendResult result = Fixtures.await(channel.send(message("m-14", "Напоминание")));

        assertThat(result).isInstanceOfSatisfying(Failed.class, f -> {
            assertThat(f.errorClass()).isEqualTo(errorClass);
            assertThat(f.code()).isEqualTo(code);
            assertThat(f.providerCode()).isEqualTo(String.valueOf(status));
            assertThat(f.message()).doesNotContain("79161234567");
        });
        assertThat(channel.linesInUse()).isZero();
    }

    @Test
    @DisplayName("a phone that is not a number fails invalid_recipient without any call")
    void invalidRecipient() {
        SendResult result = Fixtures.await(channel.send(new OutboundMessage("m-15", "t-1",
                new Recipient(null, "a@b.ru", null, null), "Напоминание", null, null, null, 1, null)));

        assertThat(result).isInstanceOfSatisfying(Failed.class,
                f -> assertThat(f.code()).isEqualTo(FailureCodes.INVALID_RECIPIENT));
        assertThat(ari.pending()).isEmpty();
    }

    @Test
    @DisplayName("a message's own script plays its media with its menu instead of the spoken text")
    void scriptedMessage() {
        IvrScript script = new IvrScript(List.of("sound:vestnik/debt-intro", "number:1500"),
                Map.of("9", MenuAction.CALLBACK), 1, List.of());
        var sent = channel.send(new OutboundMessage("m-16", "t-1", Recipient.phone(DEBTOR), "Напоминание", null,
                script, null, 1, null));
        String call = ari.nextOriginate().param("channelId");
        Fixtures.await(sent);
        ari.emit(AriFrames.stasisStart(call, "amd=HUMAN"));
        assertThat(ari.next().param("media")).isEqualTo("sound:vestnik/debt-intro,number:1500");

        ari.emit(AriFrames.dtmf(call, "2"));
        ari.emit(AriFrames.dtmf(call, "9"));
        assertThat(ari.next().path()).startsWith("/ari/playbacks/");
        assertThat(ari.next().path()).isEqualTo("/ari/channels/" + call);
        ari.emit(AriFrames.destroyed(call));

        CallOutcome outcome = sink.await(CallOutcome.class, call);
        assertThat(outcome.dtmfChoices()).containsExactly("2", "9");
        assertThat(sink.all(InboundMessage.class)).singleElement()
                .satisfies(m -> assertThat(m.attributes()).containsEntry("action", "CALLBACK"));
    }

    @Test
    @DisplayName("when another connection takes the application the stream is taken back after reconnectMax")
    void applicationReplaced() {
        ari.emit("{\"type\":\"ApplicationReplaced\",\"application\":\"ivr-gw\",\"timestamp\":\"2025-01-15T14:32:00.000+0300\"}");

        await().atMost(Duration.ofSeconds(5)).until(() -> ari.connections() == 2 && channel.isReady());
    }

    @Test
    @DisplayName("ARI credentials that Asterisk refuses fail the start")
    void badCredentials() {
        AriChannel wrong = channel("wrong");
        Throwable failure = Fixtures.awaitFailure(wrong.start(new RecordingSink()));

        assertThat(failure).hasMessageContaining("refused the ARI credentials");
        assertThat(wrong.isReady()).isFalse();
        Fixtures.await(wrong.stop());
    }
}
