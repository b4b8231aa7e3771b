package vestnik.channels.ari;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vestnik.channels.ari.AriEvent.ChannelDestroyed;
import vestnik.channels.ari.AriEvent.ChannelVarset;
import vestnik.channels.ari.AriEvent.DtmfReceived;
import vestnik.channels.ari.AriEvent.HangupRequest;
import vestnik.channels.ari.AriEvent.PlaybackFinished;
import vestnik.channels.ari.AriEvent.StasisStart;
import vestnik.channels.ari.CallCommand.CheckChannel;
import vestnik.channels.ari.CallCommand.ContinueIn;
import vestnik.channels.ari.CallCommand.Emit;
import vestnik.channels.ari.CallCommand.Finish;
import vestnik.channels.ari.CallCommand.Hangup;
import vestnik.channels.ari.CallCommand.Play;
import vestnik.channels.ari.CallCommand.StartMenuTimer;
import vestnik.channels.ari.CallCommand.StopPlayback;
import vestnik.channels.spi.CallResult;
import vestnik.channels.spi.InboundEvent.CallOutcome;
import vestnik.channels.spi.InboundEvent.InboundMessage;
import vestnik.channels.spi.InboundEvent.OptOut;

/** The call state machine alone: events in, commands out, no I/O. */
class CallSessionTest {

    private static final String CALL = "vn-1";
    private static final Instant T0 = Instant.parse("2025-01-15T11:32:00Z");
    private static final Dialplan AMD = new Dialplan("amd-then-ari", "s", 1);
    private static final Dialplan OPERATORS = new Dialplan("operators", "s", 1);
    private static final List<String> MEDIA = List.of("sound:vestnik/debt");
    private static final Map<String, MenuAction> MENU = Map.of("1", MenuAction.OPERATOR, "2", MenuAction.PAID,
            "3", MenuAction.REPEAT, "9", MenuAction.OPT_OUT);

    private static CallSession session(Dialplan amd, List<String> goodbye, List<String> machineMessage) {
        return new CallSession(new CallSession.Call("ivr", CALL, "+79161234567", "74951234567", T0),
                new CallScript(MEDIA, MENU, 2, goodbye, machineMessage, "ru", Duration.ofSeconds(5)), amd, OPERATORS);
    }

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    private static StasisStart answered(int second, String... args) {
        return new StasisStart(CALL, List.of(args), "Up", at(second));
    }

    private static DtmfReceived key(String digit, int second) {
        return new DtmfReceived(CALL, digit, 100, at(second));
    }

    private static ChannelDestroyed destroyed(int cause, int second) {
        return new ChannelDestroyed(CALL, cause, HangupCauses.of(cause).text(), "Up", at(second));
    }

    private static CallOutcome outcome(List<CallCommand> commands) {
        assertThat(commands).last().isInstanceOf(Finish.class);
        return ((Finish) commands.get(commands.size() - 1)).outcome();
    }

    @Test
    @DisplayName("without a detector an answered call plays the script at once")
    void playsOnAnswer() {
        CallSession s = session(null, List.of(), List.of());

        assertThat(s.on(answered(7))).containsExactly(new Play("pb-vn-1-1", MEDIA, "ru"));
        assertThat(s.state()).isEqualTo(CallSession.State.PLAYING);
    }

    @Test
    @DisplayName("with a detector the call is lent to the AMD dialplan and plays when it comes back with HUMAN")
    void detectorFirst() {
        CallSession s = session(AMD, List.of(), List.of());

        assertThat(s.on(answered(7))).containsExactly(new ContinueIn(AMD));
        assertThat(s.on(key("5", 8))).as("keys go to the dialplan while it detects").isEmpty();
        assertThat(s.on(new ChannelVarset(CALL, "AMDSTATUS", "HUMAN", at(9)))).isEmpty();
        assertThat(s.on(answered(9, "amd=HUMAN"))).containsExactly(new Play("pb-vn-1-1", MEDIA, "ru"));

        CallOutcome o = outcome(s.on(destroyed(16, 20)));
        assertThat(o.result()).isEqualTo(CallResult.ANSWERED_HUMAN);
        assertThat(o.talkTime()).as("from the first answer").isEqualTo(Duration.ofSeconds(13));
        assertThat(o.dtmfChoices()).isEmpty();
    }

    @Test
    @DisplayName("a call that comes back from the detector without any verdict still plays, once")
    void detectorWithoutVerdict() {
        CallSession s = session(AMD, List.of(), List.of());
        s.on(answered(7));

        assertThat(s.on(answered(9))).containsExactly(new Play("pb-vn-1-1", MEDIA, "ru"));
    }

    @Test
    @DisplayName("REPEAT stops the playback and plays again until maxPlays; later REPEATs are only recorded")
    void repeat() {
        CallSession s = session(null, List.of(), List.of());
        s.on(answered(7));

        List<CallCommand> first = s.on(key("3", 10));
        assertThat(first).hasSize(3);
        assertThat(first.get(0)).isInstanceOfSatisfying(Emit.class, e -> assertThat(((InboundMessage) e.event())
                .attributes()).containsEntry("action", "REPEAT").containsEntry("dtmf", "3"));
        assertThat(first.subList(1, 3)).containsExactly(new StopPlayback("pb-vn-1-1"), new Play("pb-vn-1-2", MEDIA, "ru"));
        assertThat(s.on(new PlaybackFinished("pb-vn-1-1", CALL, "done", at(10)))).as("the stopped one").isEmpty();

        List<CallCommand> second = s.on(key("3", 12));
        assertThat(second).singleElement().isInstanceOf(Emit.class);
        assertThat(outcome(s.on(destroyed(16, 15))).dtmfChoices()).containsExactly("3", "3");
    }

    @Test
    @DisplayName("after the script the robot waits for a key, then hangs up; a stale timer does nothing")
    void menuTimeout() {
        CallSession s = session(null, List.of(), List.of());
        s.on(answered(7));

        assertThat(s.on(new PlaybackFinished("pb-vn-1-1", CALL, "done", at(20))))
                .containsExactly(new StartMenuTimer(1, Duration.ofSeconds(5)));
        assertThat(s.onMenuTimeout(0)).isEmpty();
        assertThat(s.onMenuTimeout(1)).containsExactly(new Hangup());
        assertThat(s.state()).isEqualTo(CallSession.State.CLOSING);
    }

    @Test
    @DisplayName("a key in the menu wait is heard, and REPEAT there plays again with the timer cancelled")
    void keyDuringMenuWait() {
        CallSession s = session(null, List.of(), List.of());
        s.on(answered(7));
        s.on(new PlaybackFinished("pb-vn-1-1", CALL, "done", at(20)));

        List<CallCommand> again = s.on(key("3", 21));
        assertThat(again).last().isEqualTo(new Play("pb-vn-1-2", MEDIA, "ru"));
        assertThat(again).noneMatch(StopPlayback.class::isInstance);
        assertThat(s.onMenuTimeout(1)).isEmpty();
    }

    @Test
    @DisplayName("PAID: a debtor message for the inbox, the goodbye, then the hangup when it finishes")
    void paidWithGoodbye() {
        CallSession s = session(null, List.of("sound:vestnik/thanks"), List.of());
        s.on(answered(7));

        List<CallCommand> paid = s.on(key("2", 11));
        InboundMessage m = (InboundMessage) ((Emit) paid.get(0)).event();
        assertThat(m.providerMessageId()).isEqualTo("vn-1:dtmf:1");
        assertThat(m.inReplyToProviderId()).isEqualTo(CALL);
        assertThat(m.from().phone()).isEqualTo("+79161234567");
        assertThat(m.to()).isEqualTo("74951234567");
        assertThat(m.text()).isEqualTo("Я оплатил(а)");
        assertThat(m.attributes()).isEqualTo(Map.of("dtmf", "2", "action", "PAID"));
        assertThat(paid.subList(1, 3)).containsExactly(new StopPlayback("pb-vn-1-1"),
                new Play("pb-vn-1-2", List.of("sound:vestnik/thanks"), "ru"));
        assertThat(s.on(key("3", 12))).as("no menu once closing").isEmpty();
        assertThat(s.on(new PlaybackFinished("pb-vn-1-2", CALL, "done", at(14)))).containsExactly(new Hangup());

        CallOutcome o = outcome(s.on(destroyed(16, 15)));
        assertThat(o.dtmfChoices()).containsExactly("2");
        assertThat(o.talkTime()).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    @DisplayName("OPT_OUT also records an opt-out of the channel for the debtor's phone")
    void optOut() {
        CallSession s = session(null, List.of(), List.of());
        s.on(answered(7));

        List<CallCommand> out = s.on(key("9", 11));

        assertThat(out).filteredOn(Emit.class::isInstance).extracting(c -> ((Emit) c).event())
                .hasAtLeastOneElementOfType(OptOut.class)
                .anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(OptOut.class,
                        o -> assertThat(o.who().phone()).isEqualTo("+79161234567")));
        assertThat(out).last().isEqualTo(new Hangup());
    }

    @Test
    @DisplayName("OPERATOR continues the call into the operators' dialplan, and the watchdog then only checks it")
    void operator() {
        CallSession s = session(null, List.of(), List.of());
        s.on(answered(7));

        assertThat(s.on(key("1", 9))).endsWith(new StopPlayback("pb-vn-1-1"), new ContinueIn(OPERATORS));
        assertThat(s.state()).isEqualTo(CallSession.State.TRANSFERRED);
        assertThat(s.on(key("2", 30))).as("the operators' IVR, not ours").isEmpty();
        assertThat(s.onWatchdog()).containsExactly(new CheckChannel());
        assertThat(outcome(s.on(destroyed(16, 300))).result()).isEqualTo(CallResult.ANSWERED_HUMAN);
    }

    @Test
    @DisplayName("a MACHINE verdict that arrives while the script plays stops it and leaves the machine message")
    void lateMachineVerdict() {
        CallSession s = session(null, List.of(), List.of("sound:vestnik/please-call-back"));
        s.on(answered(7));

        assertThat(s.on(new ChannelVarset(CALL, "GW_AMD", "MACHINE:INITIALSILENCE-2500-2500", at(9))))
                .containsExactly(new StopPlayback("pb-vn-1-1"),
                        new Play("pb-vn-1-2", List.of("sound:vestnik/please-call-back"), "ru"));
        assertThat(s.on(new PlaybackFinished("pb-vn-1-2", CALL, "done", at(15)))).containsExactly(new Hangup());

        CallOutcome o = outcome(s.on(destroyed(16, 16)));
        assertThat(o.result()).isEqualTo(CallResult.ANSWERING_MACHINE);
        assertThat(o.amdStatus()).isEqualTo("MACHINE");
        assertThat(o.amdCause()).isEqualTo("INITIALSILENCE-2500-2500");
    }

    @Test
    @DisplayName("the watchdog hangs up a call the robot still has, and checks it the next time")
    void watchdog() {
        CallSession s = session(null, List.of(), List.of());
        s.on(answered(7));

        assertThat(s.onWatchdog()).containsExactly(new Hangup());
        assertThat(s.onWatchdog()).containsExactly(new CheckChannel());
    }

    @Test
    @DisplayName("a channel found gone ends the call without a cause: answered as a person, unanswered as failed")
    void gone() {
        CallSession answered = session(null, List.of(), List.of());
        answered.on(answered(7));
        assertThat(outcome(answered.onChannelGone(at(30))).result()).isEqualTo(CallResult.ANSWERED_HUMAN);

        CallSession ringing = session(null, List.of(), List.of());
        CallOutcome o = outcome(ringing.onChannelGone(at(30)));
        assertThat(o.result()).isEqualTo(CallResult.FAILED);
        assertThat(o.q850Cause()).isNull();
        assertThat(o.talkTime()).isZero();
    }

    @Test
    @DisplayName("a destroy without a cause takes the hangup request's; nothing happens after the end")
    void causeFromHangupRequestAndDone() {
        CallSession s = session(null, List.of(), List.of());
        s.on(new HangupRequest(CALL, 17, false, at(5)));

        CallOutcome o = outcome(s.on(new ChannelDestroyed(CALL, 0, null, "Down", at(6))));
        assertThat(o.result()).isEqualTo(CallResult.BUSY);
        assertThat(o.q850Cause()).isEqualTo(17);
        assertThat(o.causeText()).isEqualTo("User busy");
        assertThat(s.isDone()).isTrue();
        assertThat(s.on(destroyed(16, 7))).isEmpty();
        assertThat(s.onWatchdog()).isEmpty();
        assertThat(s.onChannelGone(at(8))).isEmpty();
    }
}
