package vestnik.channels.ari;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vestnik.channels.ari.AriEvent.ChannelDestroyed;
import vestnik.channels.ari.AriEvent.ChannelVarset;
import vestnik.channels.ari.AriEvent.DtmfReceived;
import vestnik.channels.ari.AriEvent.HangupRequest;
import vestnik.channels.ari.AriEvent.PlaybackFinished;
import vestnik.channels.ari.AriEvent.StasisStart;
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
import vestnik.channels.spi.Sender;

/**
 * One robocall, from originate to the end of its channel, as a state machine driven by ARI events. Pure:
 * it answers each event with the {@link CallCommand}s to carry out, and the channel does the I/O.
 *
 * <pre>
 * RINGING --StasisStart--> (amd configured, verdict unknown) DETECTING --continue--> AMD() in the dialplan
 *    |                                                          |
 *    |                               StasisStart(amd=...) / ChannelVarset AMDSTATUS
 *    v                                                          v
 *  PLAYING <------------------ human / NOTSURE ----------- (verdict)  -- MACHINE --> CLOSING (message or hang up)
 *    |  PlaybackFinished --> MENU_WAIT --menu timeout--> CLOSING (hang up)
 *    |  key: REPEAT --> PLAYING again (up to maxPlays); PAID/CALLBACK/OPT_OUT --> CLOSING (goodbye, hang up)
 *    |  key: OPERATOR --> TRANSFERRED (the operators' dialplan has the call)
 *  any --ChannelDestroyed--> DONE (the outcome)
 * </pre>
 * Keys are heard only while the robot has the call (PLAYING, MENU_WAIT); every key heard is recorded in the
 * outcome, and each key the menu maps becomes a message from the debtor (attributes {@code dtmf},
 * {@code action}) that names the call as the message it answers.
 */
final class CallSession {

    enum State { RINGING, DETECTING, PLAYING, MENU_WAIT, CLOSING, TRANSFERRED, DONE }

    /** Who and what one call is about; {@code callId} is the ARI channel id, the provider id of the message. */
    record Call(String channelKey, String callId, String phone, String callerId, Instant originatedAt) {
    }

    private final Call call;
    private final CallScript script;
    private final Dialplan amd;
    private final Dialplan operator;

    private State state = State.RINGING;
    private Instant answeredAt;
    private String amdStatus;
    private String amdCause;
    private Integer hangupRequestCause;
    private int plays;
    private int playbacks;
    private int menuRound;
    private String currentPlayback;
    private boolean hungUpByWatchdog;
    private final List<String> choices = new ArrayList<>();

    CallSession(Call call, CallScript script, Dialplan amd, Dialplan operator) {
        this.call = call;
        this.script = script;
        this.amd = amd;
        this.operator = operator;
    }

    Call call() {
        return call;
    }

    State state() {
        return state;
    }

    boolean isDone() {
        return state == State.DONE;
    }

    synchronized List<CallCommand> on(AriEvent event) {
        if (state == State.DONE) {
            return List.of();
        }
        List<CallCommand> out = new ArrayList<>();
        if (event instanceof StasisStart s) {
            onStasisStart(s, out);
        } else if (event instanceof ChannelVarset v) {
            onVarset(v, out);
        } else if (event instanceof DtmfReceived d) {
            onDtmf(d, out);
        } else if (event instanceof PlaybackFinished p) {
            onPlaybackFinished(p, out);
        } else if (event instanceof HangupRequest h) {
            if (h.cause() != null && h.cause() > 0) {
                hangupRequestCause = h.cause();
            }
        } else if (event instanceof ChannelDestroyed d) {
            Integer cause = d.cause() > 0 ? d.cause() : hangupRequestCause;
            finish(cause, d.causeText() != null ? d.causeText() : HangupCauses.of(cause).text(), d.at(), out);
        }
        // StasisEnd (a hangup or our own continue) and the rest change nothing here
        return out;
    }

    /** The menu wait of {@code round} ran out without a key. */
    synchronized List<CallCommand> onMenuTimeout(int round) {
        if (state != State.MENU_WAIT || round != menuRound) {
            return List.of();
        }
        state = State.CLOSING;
        return List.of(new Hangup());
    }

    /**
     * The call has been up for the channel's maximum. A call with the operators is theirs, so it is only
     * checked; a call still with the robot (or the detector) is hung up, and checked the next time.
     */
    synchronized List<CallCommand> onWatchdog() {
        if (state == State.DONE) {
            return List.of();
        }
        if (state == State.TRANSFERRED || hungUpByWatchdog) {
            return List.of(new CallCommand.CheckChannel());
        }
        hungUpByWatchdog = true;
        state = State.CLOSING;
        return List.of(new Hangup());
    }

    /** Asterisk no longer knows the channel but its end never reached us (the event stream was down). */
    synchronized List<CallCommand> onChannelGone(Instant now) {
        if (state == State.DONE) {
            return List.of();
        }
        List<CallCommand> out = new ArrayList<>();
        finish(hangupRequestCause, "the call ended while its events were not received", now, out);
        return out;
    }

    private void onStasisStart(StasisStart s, List<CallCommand> out) {
        if (answeredAt == null) {
            answeredAt = s.at();
        }
        for (String arg : s.args()) {
            if (arg.startsWith(AmdStatus.STASIS_ARG_PREFIX)) {
                String v = AmdStatus.normalise(arg.substring(AmdStatus.STASIS_ARG_PREFIX.length()));
                if (v != null) {
                    amdStatus = v;
                }
            }
        }
        if (state == State.RINGING && amd != null && amdStatus == null) {
            // the detector is dialplan (AMD()), not ARI: lend it the call; it comes back through Stasis(app,amd=...)
            state = State.DETECTING;
            out.add(new ContinueIn(amd));
            return;
        }
        if (state == State.RINGING || state == State.DETECTING) {
            afterVerdict(out);
        }
        // back in Stasis from the operators' dialplan: theirs to finish, nothing for the robot to do
    }

    private void onVarset(ChannelVarset v, List<CallCommand> out) {
        String name = v.variable();
        if (AmdStatus.STATUS_VARIABLE.equalsIgnoreCase(name)) {
            amdStatus = AmdStatus.normalise(v.value());
        } else if (AmdStatus.CAUSE_VARIABLE.equalsIgnoreCase(name)) {
            amdCause = blankToNull(v.value());
        } else if (AmdStatus.COMBINED_VARIABLE.equalsIgnoreCase(name)) {
            String value = v.value() == null ? "" : v.value();
            int colon = value.indexOf(':');
            String status = AmdStatus.normalise(colon < 0 ? value : value.substring(0, colon));
            if (status != null) {
                amdStatus = status;
            }
            if (colon >= 0 && amdCause == null) {
                amdCause = blankToNull(value.substring(colon + 1));
            }
        } else {
            return;
        }
        // a verdict that arrives while the robot already speaks (AMD run before Stasis, events late) still counts
        if (AmdStatus.isMachine(amdStatus) && (state == State.PLAYING || state == State.MENU_WAIT)) {
            stopCurrent(out);
            machine(out);
        }
    }

    private void afterVerdict(List<CallCommand> out) {
        if (AmdStatus.isMachine(amdStatus)) {
            machine(out);
        } else {
            playScript(out);
        }
    }

    private void machine(List<CallCommand> out) {
        state = State.CLOSING;
        if (script.machineMessage().isEmpty()) {
            out.add(new Hangup());
        } else {
            out.add(play(script.machineMessage()));
        }
    }

    private void playScript(List<CallCommand> out) {
        plays++;
        state = State.PLAYING;
        out.add(play(script.media()));
    }

    private Play play(List<String> media) {
        playbacks++;
        currentPlayback = "pb-" + call.callId() + "-" + playbacks;
        return new Play(currentPlayback, media, script.language());
    }

    private void stopCurrent(List<CallCommand> out) {
        if (currentPlayback != null && state == State.PLAYING) {
            out.add(new StopPlayback(currentPlayback));
        }
        currentPlayback = null;
    }

    private void onDtmf(DtmfReceived d, List<CallCommand> out) {
        if (state != State.PLAYING && state != State.MENU_WAIT) {
            return;
        }
        choices.add(d.digit());
        MenuAction action = script.menu().get(d.digit());
        if (action == null) {
            return;
        }
        out.add(new Emit(new InboundMessage(call.channelKey(), call.callId() + ":dtmf:" + choices.size(),
                Sender.phone(call.phone()), call.callerId(), action.inboxText(), d.at(), call.callId(), null,
                Map.of("dtmf", d.digit(), "action", action.name()))));
        switch (action) {
            case REPEAT -> {
                if (plays < script.maxPlays()) {
                    stopCurrent(out);
                    menuRound++;
                    playScript(out);
                }
            }
            case OPERATOR -> {
                stopCurrent(out);
                state = State.TRANSFERRED;
                out.add(new ContinueIn(operator));
            }
            case PAID, CALLBACK, OPT_OUT -> {
                if (action == MenuAction.OPT_OUT) {
                    out.add(new Emit(new OptOut(call.channelKey(), Sender.phone(call.phone()), "ivr_menu", d.at())));
                }
                stopCurrent(out);
                state = State.CLOSING;
                if (script.goodbye().isEmpty()) {
                    out.add(new Hangup());
                } else {
                    out.add(play(script.goodbye()));
                }
            }
        }
    }

    private void onPlaybackFinished(PlaybackFinished p, List<CallCommand> out) {
        if (!p.playbackId().equals(currentPlayback)) {
            // one we stopped for a REPEAT or a choice
            return;
        }
        currentPlayback = null;
        if (state == State.PLAYING) {
            state = State.MENU_WAIT;
            menuRound++;
            out.add(new StartMenuTimer(menuRound, script.menuTimeout()));
        } else if (state == State.CLOSING) {
            out.add(new Hangup());
        }
    }

    private void finish(Integer cause, String causeText, Instant at, List<CallCommand> out) {
        state = State.DONE;
        boolean answered = answeredAt != null;
        CallResult result = HangupCauses.result(cause, answered, amdStatus);
        Duration talk = answered && at != null && at.isAfter(answeredAt) ? Duration.between(answeredAt, at) : Duration.ZERO;
        out.add(new Finish(new CallOutcome(call.channelKey(), call.callId(), result, cause, causeText, talk,
                choices, amdStatus, amdCause, call.callerId(), at)));
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }
}
