package vestnik.channels.ari;

import vestnik.channels.common.TextLimits;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vestnik.channels.ari.AriClient.Originate;
import vestnik.channels.ari.CallerIdPool.CallerIdHealth;
import vestnik.channels.ari.CallerIdPool.Pick;
import vestnik.channels.ari.CallCommand.CheckChannel;
import vestnik.channels.ari.CallCommand.ContinueIn;
import vestnik.channels.ari.CallCommand.Emit;
import vestnik.channels.ari.CallCommand.Finish;
import vestnik.channels.ari.CallCommand.Hangup;
import vestnik.channels.ari.CallCommand.Play;
import vestnik.channels.ari.CallCommand.StartMenuTimer;
import vestnik.channels.ari.CallCommand.StopPlayback;
import vestnik.channels.common.JsonHttp;
import vestnik.channels.common.JsonHttp.Reply;
import vestnik.channels.common.Mask;
import vestnik.channels.spi.Channel;
import vestnik.channels.spi.ChannelType;
import vestnik.channels.spi.ContentProblem;
import vestnik.channels.spi.ErrorClass;
import vestnik.channels.spi.FailureCodes;
import vestnik.channels.spi.InboundEvent;
import vestnik.channels.spi.InboundEvent.CallOutcome;
import vestnik.channels.spi.InboundSink;
import vestnik.channels.spi.OutboundMessage;
import vestnik.channels.spi.SendResult;
import vestnik.channels.spi.SendResult.Failed;

/**
 * Robocalls through Asterisk ARI. {@link #send} originates a call into our Stasis application and returns
 * {@code Accepted(<ARI channel id>)} as soon as Asterisk took the originate; everything after that arrives
 * on the ARI event stream, where a {@link CallSession} per call plays the script, runs the key menu and,
 * when the channel is destroyed, hands a {@link CallOutcome} to the sink. Each key the menu maps is also
 * handed over at once as a message from the debtor ({@code dtmf}, {@code action} attributes).
 *
 * <p>We propose the ARI channel id ({@code channelId=vn-<uuid>}) instead of waiting for Asterisk's: a call
 * that fails at once can be destroyed before the originate's answer reaches us, and its events must find
 * their session. Asterisk adopts the proposed id and returns it, and that returned id is the provider id.
 *
 * <p>Limits: {@code maxChannels} calls at once on this instance (a send beyond it is
 * {@link ErrorClass#RATE_LIMITED} without a call); calls per second ({@link AriConfig#rate()}) are paced
 * by the gateway's limiter. A send while the event stream is down is refused as transient, because the
 * call's outcome could not be heard. After the stream comes back every open call is checked, and a call
 * whose channel vanished meanwhile ends as {@code failed} with no cause. Calls still up when this instance
 * stops (or restarts) are hung up, except those with an operator, and their outcomes are not reported.
 */
public final class AriChannel implements Channel {

    /** A spoken text longer than this is too long to listen to, and too long for a media URL. */
    public static final int MAX_TTS_TEXT = 1000;
    private static final Pattern E164 = Pattern.compile("\\+?[1-9]\\d{6,14}");
    private static final Duration GONE_CHECK = Duration.ofSeconds(1);
    private static final int SINK_ATTEMPTS = 5;
    private static final Logger log = LoggerFactory.getLogger(AriChannel.class);

    /** One call in progress: its session, and its commands and events kept in order. */
    private static final class CallHandle {
        final CallSession session;
        final AtomicBoolean released = new AtomicBoolean();
        Future<Void> commands = Future.succeededFuture();
        Future<Void> emits = Future.succeededFuture();
        long watchdog = -1;

        CallHandle(CallSession session) {
            this.session = session;
        }

        String callId() {
            return session.call().callId();
        }

        synchronized void then(Supplier<Future<Void>> step) {
            commands = commands.transform(ar -> step.get().recover(e -> Future.succeededFuture()));
        }

        synchronized void thenEmit(Supplier<Future<Void>> step) {
            emits = emits.transform(ar -> step.get().recover(e -> Future.succeededFuture()));
        }
    }

    private final String id;
    private final AriConfig config;
    private final Vertx vertx;
    private final Clock clock;
    private final AriClient client;
    private final AriEventSocket socket;
    private final CallerIdPool pool;
    private final IvrMetrics metrics;
    private final Map<String, CallHandle> calls = new ConcurrentHashMap<>();
    private final AtomicInteger linesInUse = new AtomicInteger();
    private volatile InboundSink sink;

    AriChannel(String id, AriConfig config, Vertx vertx, MeterRegistry registry, Clock clock) {
        this.id = id;
        this.config = config;
        this.vertx = vertx;
        this.clock = clock;
        this.client = new AriClient(new JsonHttp(vertx, config.requestTimeout(), config.maxChannels()),
                config.baseUrl(), config.username(), config.password());
        this.pool = new CallerIdPool(id, config.callerIds(), config.healthWindow(), config.minAnswerRate(),
                config.minSample());
        this.metrics = new IvrMetrics(registry, id, linesInUse, config.maxChannels(), pool);
        this.socket = new AriEventSocket(vertx, id, config, client.authHeader(), new AriEventSocket.Listener() {
            @Override
            public void onFrame(String frame) {
                onEvent(AriEvents.parse(frame, clock.instant()));
            }

            @Override
            public void onConnected(boolean again) {
                if (again) {
                    calls.values().forEach(h -> run(h, List.of(new CheckChannel())));
                }
            }

            @Override
            public void onDisconnected() {
                // isReady() follows the socket; calls are checked once it is back
            }
        });
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ChannelType type() {
        return ChannelType.ARI;
    }

    @Override
    public double ratePerSecond() {
        return config.rate();
    }

    public AriConfig config() {
        return config;
    }

    /** Connects the event stream; refused credentials fail the start, an unreachable Asterisk does not. */
    @Override
    public Future<Void> start(InboundSink sink) {
        this.sink = sink;
        return socket.start();
    }

    @Override
    public Future<SendResult> send(OutboundMessage message) {
        if (sink == null || !socket.isConnected()) {
            return Future.succeededFuture(Failed.of(ErrorClass.TRANSIENT, FailureCodes.PROVIDER_UNAVAILABLE,
                    "the ARI event stream is not connected, so the call's outcome could not be heard"));
        }
        String phone = message.to().phone();
        if (phone == null || !E164.matcher(phone).matches()) {
            return Future.succeededFuture(Failed.of(ErrorClass.PERMANENT_RECIPIENT, FailureCodes.INVALID_RECIPIENT,
                    "a robocall needs the contact's phone number in international form"));
        }
        CallScript script;
        try {
            script = CallScript.resolve(message.payload() instanceof IvrScript s ? s : null, message.text(), config);
        } catch (IllegalArgumentException e) {
            return Future.succeededFuture(Failed.of(ErrorClass.PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION,
                    e.getMessage()));
        }
        if (!reserveLine()) {
            return Future.succeededFuture(AriErrors.linesBusy(config.maxChannels()));
        }
        Pick pick = pool.pick(message.sender());
        String callId = "vn-" + UUID.randomUUID();
        CallHandle handle = new CallHandle(new CallSession(
                new CallSession.Call(id, callId, phone, pick.callerId(), clock.instant()),
                script, config.amd(), config.operator()));
        calls.put(callId, handle);
        long every = config.maxCallDuration().toMillis();
        handle.watchdog = vertx.setPeriodic(every, every, t -> run(handle, handle.session.onWatchdog()));

        Map<String, String> variables = new LinkedHashMap<>();
        if (config.callerName() != null) {
            variables.put("CALLERID(name)", config.callerName());
        }
        variables.put("GW_MESSAGE_ID", message.messageId());
        Originate originate = new Originate(config.endpointFor(phone), config.app(), pick.callerId(),
                (int) config.ringTimeout().toSeconds(), callId, variables);
        return client.originate(originate).map(reply -> {
            String providerId = reply.ok() && reply.json() != null ? reply.json().path("id").asText(null) : null;
            if (callId.equals(providerId)) {
                log.debug("channel {}: message {} calling {} from {} as {}", id, message.messageId(),
                        Mask.phone(phone), CallerIdPool.mask(pick.callerId()), callId);
                return (SendResult) SendResult.Accepted.of(providerId);
            }
            release(handle);
            if (providerId != null) {
                client.hangup(providerId);
                return Failed.of(ErrorClass.PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION,
                        "Asterisk did not adopt the proposed channelId (ARI needs Asterisk 12.2 or later)");
            }
            Failed failed = AriErrors.classify(reply.status(), reply.json());
            log.debug("channel {}: originate for message {} refused: {} {}", id, message.messageId(),
                    failed.providerCode(), failed.code());
            return failed;
        }).otherwise(e -> {
            // Asterisk may have started the call and its answer got lost: stop it, or a retry would ring twice
            release(handle);
            client.hangup(callId);
            return AriErrors.unreachable(e);
        });
    }

    private boolean reserveLine() {
        while (true) {
            int used = linesInUse.get();
            if (used >= config.maxChannels()) {
                return false;
            }
            if (linesInUse.compareAndSet(used, used + 1)) {
                return true;
            }
        }
    }

    /** Frees the call's line and forgets it; true only the first time. */
    private boolean release(CallHandle h) {
        if (!h.released.compareAndSet(false, true)) {
            return false;
        }
        calls.remove(h.callId(), h);
        vertx.cancelTimer(h.watchdog);
        linesInUse.decrementAndGet();
        return true;
    }

    private void onEvent(AriEvent event) {
        if (event instanceof AriEvent.ApplicationReplaced) {
            log.error("channel {}: another connection took the ARI application '{}'; every gateway instance needs "
                    + "its own app name. Taking it back in {}", id, config.app(), config.reconnectMax());
            socket.reconnectAfter(config.reconnectMax());
            return;
        }
        String callId = callIdOf(event);
        CallHandle h = callId == null ? null : calls.get(callId);
        if (h == null) {
            return;
        }
        run(h, h.session.on(event));
    }

    private static String callIdOf(AriEvent e) {
        if (e instanceof AriEvent.StasisStart s) {
            return s.channelId();
        } else if (e instanceof AriEvent.StasisEnd s) {
            return s.channelId();
        } else if (e instanceof AriEvent.ChannelVarset v) {
            return v.channelId();
        } else if (e instanceof AriEvent.DtmfReceived d) {
            return d.channelId();
        } else if (e instanceof AriEvent.PlaybackFinished p) {
            return p.channelId();
        } else if (e instanceof AriEvent.HangupRequest h) {
            return h.channelId();
        } else if (e instanceof AriEvent.ChannelDestroyed d) {
            return d.channelId();
        }
        return null;
    }

    private void run(CallHandle h, List<CallCommand> commands) {
        for (CallCommand c : commands) {
            if (c instanceof Emit e) {
                h.thenEmit(() -> deliver(e.event(), 1));
            } else if (c instanceof Finish f) {
                finished(h, f.outcome());
            } else if (c instanceof StartMenuTimer t) {
                vertx.setTimer(Math.max(1, t.after().toMillis()), x -> run(h, h.session.onMenuTimeout(t.round())));
            } else {
                h.then(() -> execute(h, c));
            }
        }
    }

    private Future<Void> execute(CallHandle h, CallCommand c) {
        String callId = h.callId();
        if (h.session.isDone()) {
            return Future.succeededFuture();
        }
        if (c instanceof Play p) {
            return client.play(callId, p.playbackId(), p.media(), p.language())
                    .map(r -> afterCommand(h, r, "play", true));
        } else if (c instanceof StopPlayback s) {
            return client.stopPlayback(s.playbackId()).mapEmpty();
        } else if (c instanceof Hangup) {
            return client.hangup(callId).map(r -> afterCommand(h, r, "hangup", false));
        } else if (c instanceof ContinueIn ci) {
            return client.continueIn(callId, ci.dialplan()).map(r -> afterCommand(h, r, "continue", true));
        } else if (c instanceof CheckChannel) {
            return client.channel(callId).map(r -> {
                if (r.status() == 404) {
                    run(h, h.session.onChannelGone(clock.instant()));
                }
                return (Void) null;
            });
        }
        return Future.succeededFuture();
    }

    /**
     * A 404 means the channel is gone: its ChannelDestroyed is normally on its way, and a check a moment
     * later ends the call if it is not. Any other refusal of play or continue leaves a caller in silence,
     * so the call is hung up.
     */
    private Void afterCommand(CallHandle h, Reply r, String what, boolean hangUpOnRefusal) {
        if (r.ok()) {
            return null;
        }
        if (r.status() == 404) {
            vertx.setTimer(GONE_CHECK.toMillis(), t -> run(h, List.of(new CheckChannel())));
            return null;
        }
        log.warn("channel {}: ARI refused {} on call {}: HTTP {}", id, what, h.callId(), r.status());
        if (hangUpOnRefusal) {
            h.then(() -> client.hangup(h.callId()).mapEmpty());
        }
        return null;
    }

    private void finished(CallHandle h, CallOutcome outcome) {
        if (!release(h)) {
            return;
        }
        pool.record(outcome.callerId(), outcome.result());
        metrics.finished(outcome.result());
        log.info("channel {}: call {} to {} ended {} (cause {}, talk {}s, {} key(s), amd {})", id, outcome.providerId(),
                Mask.phone(h.session.call().phone()), outcome.result().wireName(), outcome.q850Cause(),
                outcome.talkTime().toSeconds(), outcome.dtmfChoices().size(), outcome.amdStatus());
        h.thenEmit(() -> deliver(outcome, 1));
    }

    /** Hands an event to the sink, trying again a few times: an outcome lost here is lost for good. */
    private Future<Void> deliver(InboundEvent event, int attempt) {
        InboundSink target = sink;
        if (target == null) {
            return Future.succeededFuture();
        }
        return target.accept(event).recover(e -> {
            if (attempt >= SINK_ATTEMPTS) {
                log.error("channel {}: could not store {} after {} attempts: {}", id, event.dedupKey(), attempt,
                        e.getMessage());
                return Future.succeededFuture();
            }
            Promise<Void> later = Promise.promise();
            vertx.setTimer(200L << attempt, t -> deliver(event, attempt + 1).onComplete(later));
            return later.future();
        });
    }

    @Override
    public Optional<ContentProblem> checkContent(String text) {
        // the length limit is the TTS service's: recorded sounds take any text as their label
        int max = config.ttsUrlTemplate() != null ? MAX_TTS_TEXT : Integer.MAX_VALUE;
        return TextLimits.check(text, max, "a robocall needs a text", "a spoken message");
    }

    /** Ready while the ARI event stream is connected. */
    @Override
    public boolean isReady() {
        return socket.isConnected();
    }

    /**
     * At most as many sends at once as there are lines. A send ends when the call is placed, not when it ends, so
     * the dispatcher may still offer a job while every line is busy: {@link #send} then answers {@code ari_lines_busy}
     * (rate-limited, retried after 2 s, no attempt used) and no more than {@code maxChannels} calls are ever up.
     */
    @Override
    public int maxInFlight() {
        return config.maxChannels();
    }

    /** Calls up or being set up on this instance. */
    public int linesInUse() {
        return linesInUse.get();
    }

    /** Every caller id of the pool with its answer rate and whether it is in rotation. */
    public List<CallerIdHealth> callerIds() {
        return pool.health();
    }

    /** Puts a caller id back into rotation with a fresh history; false when it is not in the pool. */
    public boolean reinstateCallerId(String callerId) {
        return pool.reinstate(callerId);
    }

    @Override
    public Future<Void> stop() {
        List<Future<Void>> hangups = new ArrayList<>();
        for (CallHandle h : List.copyOf(calls.values())) {
            vertx.cancelTimer(h.watchdog);
            if (h.session.state() != CallSession.State.TRANSFERRED && !h.session.isDone()) {
                hangups.add(client.hangup(h.callId()).<Void>mapEmpty().recover(e -> Future.succeededFuture()));
            }
        }
        return socket.stop()
                .compose(v -> Future.all(hangups))
                .compose(v -> client.close());
    }
}
