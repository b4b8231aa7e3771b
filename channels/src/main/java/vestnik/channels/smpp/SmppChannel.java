package vestnik.channels.smpp;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vestnik.channels.spi.Channel;
import vestnik.channels.spi.ChannelType;
import vestnik.channels.spi.ContentProblem;
import vestnik.channels.spi.ErrorClass;
import vestnik.channels.spi.FailureCodes;
import vestnik.channels.spi.InboundSink;
import vestnik.channels.spi.OutboundMessage;
import vestnik.channels.spi.SendResult;
import vestnik.templates.sms.SmsSegmenter;
import vestnik.templates.sms.SmsSplit;

/**
 * SMS over SMPP v3.4 through one SMSC account: {@code binds} bind_transceiver sessions, each with its own window
 * of {@code window} unanswered submit_sm. jSMPP is synchronous, so sends run on a dedicated pool of
 * {@code binds x window} threads and complete their futures back on the caller's Vert.x context; receipts and MO
 * messages arrive on jSMPP's threads and are acknowledged only after the gateway stored them
 * ({@link SmppReceiver}).
 *
 * <p>The channel never throttles by sleeping: {@link SmppConfig#maxRate()} is enforced by the gateway's Redis
 * limiter across instances, and {@link #maxInFlight()} tells the dispatcher how many sends may be outstanding.
 * While no bind is up a send fails at once as TRANSIENT / provider_unavailable and the gateway re-queues it.
 * How concatenated messages are kept all-or-nothing is described on {@link SmppSubmitter}.
 */
public final class SmppChannel implements Channel {

    private static final Logger log = LoggerFactory.getLogger(SmppChannel.class);

    private final String id;
    private final SmppConfig config;
    private final Vertx vertx;
    private final MeterRegistry metrics;
    private final SubmitSmMapper mapper;
    private final AtomicInteger reference = new AtomicInteger(ThreadLocalRandom.current().nextInt(256));
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile BindPool binds = new BindPool(List.of());
    private volatile ThreadPoolExecutor submitPool;
    private volatile SmppSubmitter submitter;

    public SmppChannel(String id, SmppConfig config, Vertx vertx, MeterRegistry metrics) {
        this.id = id;
        this.config = config;
        this.vertx = vertx;
        this.metrics = metrics;
        this.mapper = SubmitSmMapper.of(config);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ChannelType type() {
        return ChannelType.SMPP;
    }

    @Override
    public double ratePerSecond() {
        return config.maxRate();
    }

    public SmppConfig config() {
        return config;
    }

    /** submit_sm per second for the whole channel, for the gateway's rate limiter. */
    public int maxRate() {
        return config.maxRate();
    }

    /**
     * Starts every bind and completes when the first one is up, or after {@code bindTimeout} when none is: the
     * channel then keeps re-binding in the background and {@link #isReady()} tells when it can send. It does not
     * fail for an unreachable SMSC or refused credentials, so that one bad account cannot stop the gateway.
     */
    @Override
    public Future<Void> start(InboundSink sink) {
        if (!started.compareAndSet(false, true)) {
            return Future.failedFuture(new IllegalStateException("channel " + id + " already started"));
        }
        Context context = vertx.getOrCreateContext();
        Promise<Void> ready = Promise.promise();
        SmppReceiver receiver = new SmppReceiver(id, context, sink, config.inboundStoreTimeout());
        List<SmppConnection> connections = new ArrayList<>();
        for (int i = 1; i <= config.binds(); i++) {
            connections.add(new SmppConnection(id + "#" + i, config, receiver,
                    c -> context.runOnContext(v -> ready.tryComplete())));
        }
        binds = new BindPool(connections);
        submitPool = newSubmitPool();
        Timer submitTimer = Timer.builder("vestnik_smpp_submit")
                .description("latency of one submit_sm until its submit_sm_resp")
                .tag("channel", id)
                .register(metrics);
        submitter = new SmppSubmitter(binds, config, submitTimer);
        Gauge.builder("vestnik_smpp_window_in_use", this, c -> c.binds.windowInUse())
                .description("submit_sm sent and not yet answered, over all binds")
                .tag("channel", id)
                .register(metrics);
        Gauge.builder("vestnik_smpp_binds_bound", this, c -> c.binds.boundCount())
                .description("binds currently up")
                .tag("channel", id)
                .register(metrics);
        connections.forEach(SmppConnection::start);
        long timer = vertx.setTimer(config.bindTimeout().toMillis(), t -> {
            if (ready.tryComplete()) {
                log.warn("channel {}: no SMPP bind to {}:{} yet; sends fail until one is up", id, config.host(),
                        config.port());
            }
        });
        return ready.future().onComplete(ar -> vertx.cancelTimer(timer));
    }

    @Override
    public Future<SendResult> send(OutboundMessage message) {
        Optional<SendResult.Failed> refusal = refuse(message);
        if (refusal.isPresent()) {
            return Future.succeededFuture(refusal.get());
        }
        if (!binds.anyBound()) {
            return Future.succeededFuture(SendResult.Failed.of(ErrorClass.TRANSIENT,
                    FailureCodes.PROVIDER_UNAVAILABLE, "no SMPP bind is up"));
        }
        SmsSplit split = SmsSegmenter.split(message.text());
        List<SubmitSmFields> parts = mapper.map(message.sender(), message.to().phone(), split,
                reference.getAndIncrement() & 0xFF, SubmitSmMapper.validityPeriod(message.expiresAt(), Instant.now()));
        Context context = vertx.getOrCreateContext();
        Promise<SendResult> promise = Promise.promise();
        try {
            submitPool.execute(() -> {
                SendResult result = submitOrFail(parts);
                context.runOnContext(v -> promise.complete(result));
            });
        } catch (RejectedExecutionException e) {
            return Future.succeededFuture(SendResult.Failed.of(ErrorClass.TRANSIENT,
                    FailureCodes.PROVIDER_UNAVAILABLE, "channel " + id + " is stopped"));
        }
        return promise.future();
    }

    @Override
    public boolean isReady() {
        return binds.anyBound();
    }

    /** Unbinds every session cleanly and stops the submit threads. */
    @Override
    public Future<Void> stop() {
        BindPool current = binds;
        ThreadPoolExecutor pool = submitPool;
        return vertx.executeBlocking(() -> {
            current.connections().parallelStream().forEach(SmppConnection::stop);
            if (pool != null) {
                pool.shutdown();
            }
            return null;
        }, false);
    }

    @Override
    public int segments(String text) {
        return SmsSegmenter.split(text == null ? "" : text).partCount();
    }

    @Override
    public Optional<ContentProblem> checkContent(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.of(new ContentProblem(FailureCodes.TEXT_EMPTY, "the SMS text is empty"));
        }
        SmsSplit split = SmsSegmenter.split(text);
        if (split.partCount() > config.maxParts()) {
            return Optional.of(new ContentProblem(FailureCodes.TEXT_TOO_LONG, String.format(
                    "the text needs %d SMS parts (%s, %d characters per part); this channel sends at most %d",
                    split.partCount(), split.encoding(), split.charsPerPart(), config.maxParts())));
        }
        return Optional.empty();
    }

    @Override
    public int maxInFlight() {
        return config.maxInFlight();
    }

    private Optional<SendResult.Failed> refuse(OutboundMessage message) {
        Optional<ContentProblem> problem = checkContent(message.text());
        if (problem.isPresent()) {
            // the content has to be fixed before any retry can succeed
            return Optional.of(SendResult.Failed.of(ErrorClass.PERMANENT_CONFIG, problem.get().code(),
                    problem.get().message()));
        }
        String phone = message.to().phone();
        if (phone == null || !SubmitSmMapper.isNumericAddress(phone.trim())
                || SubmitSmMapper.withoutPlus(phone.trim()).length() > 20) {
            return Optional.of(SendResult.Failed.of(ErrorClass.PERMANENT_RECIPIENT, FailureCodes.INVALID_RECIPIENT,
                    "the recipient has no phone number SMS can be sent to"));
        }
        if (message.expiresAt() != null && message.expiresAt().isBefore(Instant.now())) {
            // sending after the expiry could break the contact window the expiry stands for
            return Optional.of(SendResult.Failed.of(ErrorClass.PERMANENT_CONFIG, "smpp_expired",
                    "the message expired before it was submitted"));
        }
        return Optional.empty();
    }

    private SendResult submitOrFail(List<SubmitSmFields> parts) {
        try {
            return submitter.submitAll(parts);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.Failed.of(ErrorClass.TRANSIENT, FailureCodes.PROVIDER_UNAVAILABLE,
                    "channel " + id + " stopped during the send");
        } catch (RuntimeException e) {
            log.error("channel {}: send failed unexpectedly", id, e);
            return SendResult.Failed.of(ErrorClass.TRANSIENT, FailureCodes.PROVIDER_ERROR, e.toString());
        }
    }

    private ThreadPoolExecutor newSubmitPool() {
        int size = config.maxInFlight();
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "smpp-" + id + "-submit-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
