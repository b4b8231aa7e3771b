package vestnik.loadtest.driver;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import vestnik.loadtest.smsc.SimulatedSmsc;

/**
 * Runs one load scenario against a gateway and reports it: starts the SMSC simulator in this JVM (recording off,
 * every submit and receipt timed per job through {@link JobTimeline}), starts the gateway jar on a fresh embedded
 * Redis or targets a running one, pushes the jobs, waits for every receipt, and writes a table to stdout and a
 * JSON file under the results folder.
 *
 * <pre>
 * java -jar loadtest/target/vestnik-loadtest.jar burst-100k --jobs 20000
 * java -jar loadtest/target/vestnik-loadtest.jar queue-1m --jobs 200000
 * java -jar loadtest/target/vestnik-loadtest.jar sustained --rate 1000 --duration 60s
 * </pre>
 */
public final class LoadDriver {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    /** How long a queue-only run lets the gateway settle before the final memory reading. */
    private static final Duration SETTLE = Duration.ofSeconds(3);

    private final DriverOptions options;
    private CallbackReceiver receiver;

    LoadDriver(DriverOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(DriverOptions.USAGE);
            return;
        }
        DriverOptions options;
        try {
            options = DriverOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(DriverOptions.USAGE);
            System.exit(2);
            return;
        }
        RunReport report = new LoadDriver(options).run();
        boolean callbacksDone = report.callbacks() == null || report.callbacks().complete();
        System.exit((report.smsc().complete() && callbacksDone) || !options.scenario().awaitReceipts ? 0 : 1);
    }

    RunReport run() throws Exception {
        LocalDateTime started = LocalDateTime.now();
        String runName = options.scenario().label + "-" + STAMP.format(started);
        PushPlan plan = options.plan();
        JobTimeline timeline = new JobTimeline(plan.jobs());
        RunReport report;
        Optional<Path> jfr = Optional.empty();
        try (SimulatedSmsc smsc = SimulatedSmsc.builder().port(options.smscPort()).recording(false)
                .acceptBinds(options.scenario().smscAcceptsBinds).receiptDelay(options.receiptDelay())
                .receiptThreads(64).start();
                CallbackReceiver callbacks = new CallbackReceiver()) {
            receiver = callbacks;
            GatewayUnderTest gateway = options.launchesGateway()
                    ? LaunchedGateway.start(options.launch(), smsc.port(), callbacks.url(), options.resultsDir(), runName)
                    : new RemoteGateway(options.gatewayUrl(), options.apiKey(), options.gatewayPid());
            try {
                System.out.printf("%s: %d jobs; gateway %s; SMSC simulator on port %d%s%n",
                        options.scenario().label, plan.jobs(), gateway.description(), smsc.port(),
                        options.scenario().smscAcceptsBinds ? "" : " refusing binds");
                GatewayHttp http = new GatewayHttp(gateway.baseUrl());
                http.awaitReady(options.scenario().smscAcceptsBinds, READY_TIMEOUT,
                        gateway instanceof LaunchedGateway l ? l : null);
                if (options.warmup() > 0) {
                    warmUp(smsc, gateway);
                }
                smsc.observer(timeline);
                report = measure(gateway, http, timeline, started);
                if (gateway instanceof LaunchedGateway l) {
                    jfr = l.jfrFile();
                }
            } finally {
                gateway.close();
            }
        }
        if (jfr.isPresent() && Files.exists(jfr.get())) {
            report = report.withProfile(JfrSummary.read(jfr.get()));
        }
        System.out.print(report.table());
        Path json = write(report, runName);
        System.out.println("report: " + json + jfr.map(f -> "   profile: " + f).orElse(""));
        return report;
    }

    private RunReport measure(GatewayUnderTest gateway, GatewayHttp http, JobTimeline timeline,
            LocalDateTime started) throws Exception {
        PushPlan plan = options.plan();
        Vertx vertx = Vertx.vertx();
        String runId = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        CpuMeter cpu = new CpuMeter(gateway.pid(), gateway.redisPid());
        try (ResourceSampler sampler = new ResourceSampler(http, gateway.pid(), gateway.redisPid());
                Intake intake = intake(vertx, gateway, runId);
                Progress progress = new Progress(timeline, sampler)) {
            ResourceSampler.Sample baseline = sampler.sample();
            Map<String, Long> callsBefore = sampler.redisCommandCalls();
            sampler.start();
            CpuMeter.Reading before = cpu.read();
            timeline.externalIdPrefix(SinglePosts.externalIdPrefix(runId));
            receiver.observe(timeline);
            IntakeResult result = intake.push(plan, timeline).toCompletionStage().toCompletableFuture().get();
            boolean complete = options.scenario().awaitReceipts && awaitReceipts(timeline, result.accepted());
            boolean callbacksComplete = complete && awaitsCallbacks() && awaitCallbacks(timeline, result.accepted());
            if (!options.scenario().awaitReceipts) {
                TimeUnit.MILLISECONDS.sleep(SETTLE.toMillis());
            }
            CpuMeter.Reading after = cpu.read();
            ResourceSampler.Sample end = sampler.sample();
            Map<String, Long> redisCalls = grown(sampler.redisCommandCalls(), callsBefore);
            Map<String, Double> counters = http.metrics().map(LoadDriver::counters).orElse(Map.of());
            long start = result.startNanos();
            RunReport.Smsc smsc = new RunReport.Smsc(timeline.sentCount(), timeline.resubmits(),
                    seconds(timeline.firstSentNanos(), timeline.lastSentNanos()), timeline.deliveredCount(),
                    seconds(start, timeline.lastDeliveredNanos()), complete);
            return new RunReport(options.scenario().label, started.toString(), gateway.description(),
                    Runtime.getRuntime().availableProcessors(), plan, result, smsc, timeline.intakeLatency(),
                    timeline.acceptedToSent(), timeline.acceptedToDelivered(), after.since(before), baseline,
                    sampler.peak(), end, redisCalls, counters, null,
                    awaitsCallbacks() ? new RunReport.Callbacks(options.launch().callbacks().label(),
                            timeline.callbackCount(), timeline.finalCallbackCount(), timeline.callbacksByStatus(),
                            receiver.badSignatures(), timeline.foreignCallbacks(),
                            seconds(start, timeline.lastFinalCallbackNanos()), callbacksComplete) : null,
                    awaitsCallbacks() ? timeline.acceptedToFinalCallback() : null, options.intake());
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Pushes the warm-up jobs end to end and waits for their receipts, so that the measured run starts with the
     * gateway's hot paths compiled; they go to the same phones as the first measured jobs, hence the wait.
     */
    private void warmUp(SimulatedSmsc smsc, GatewayUnderTest gateway) throws Exception {
        int n = options.warmup();
        JobTimeline warm = new JobTimeline(n);
        smsc.observer(warm);
        Vertx vertx = Vertx.vertx();
        String runId = "w" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        try (Intake intake = intake(vertx, gateway, runId)) {
            long t0 = System.nanoTime();
            warm.externalIdPrefix(SinglePosts.externalIdPrefix(runId));
            receiver.observe(warm);
            IntakeResult r = intake.push(new PushPlan(n, options.plan().concurrency(), 0), warm)
                    .toCompletionStage().toCompletableFuture().get();
            if (!awaitReceipts(warm, r.accepted()) || (awaitsCallbacks() && !awaitCallbacks(warm, r.accepted()))) {
                throw new IllegalStateException("the warm-up did not complete; see the gateway's log");
            }
            System.out.printf("warm-up: %d jobs end to end in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private Intake intake(Vertx vertx, GatewayUnderTest gateway, String runId) {
        return switch (options.intake()) {
            case SINGLE -> new SinglePosts(vertx, gateway.baseUrl(), gateway.apiKey(), options.plan().concurrency(),
                    runId);
            case BATCH -> new BatchPosts(vertx, gateway.baseUrl(), gateway.apiKey(),
                    Math.max(1, Math.min(8, options.plan().concurrency())), runId);
            case CAMPAIGN -> new CampaignUpload(vertx, gateway.baseUrl(), gateway.apiKey(), runId);
        };
    }

    /**
     * Whether the run waits for callbacks: the launched gateway sends them, and the jobs carry the driver's
     * {@code externalId}s (a campaign's rows do not, so its callbacks cannot be told apart).
     */
    private boolean awaitsCallbacks() {
        return options.launchesGateway() && options.launch().callbacks() != CallbackMode.NONE
                && options.intake() != IntakeMode.CAMPAIGN && options.scenario().awaitReceipts;
    }

    /** Waits until every accepted job's outcome came back by callback; false if progress stalls first. */
    private boolean awaitCallbacks(JobTimeline timeline, long accepted) throws InterruptedException {
        long lastProgress = System.nanoTime();
        long seen = -1;
        while (timeline.finalCallbackCount() < accepted) {
            long now = timeline.callbackCount();
            if (now != seen) {
                seen = now;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > options.stallTimeout().toNanos()) {
                System.out.printf("no progress for %d s: %d of %d outcomes came back by callback%n",
                        options.stallTimeout().toSeconds(), timeline.finalCallbackCount(), accepted);
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return true;
    }

    /** Waits until every accepted job's receipt was acknowledged; false if progress stalls first. */
    private boolean awaitReceipts(JobTimeline timeline, long accepted) throws InterruptedException {
        long lastProgress = System.nanoTime();
        long seen = -1;
        while (timeline.deliveredCount() < accepted) {
            long now = timeline.sentCount() + timeline.deliveredCount();
            if (now != seen) {
                seen = now;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > options.stallTimeout().toNanos()) {
                System.out.printf("no progress for %d s: %d of %d receipts came back%n",
                        options.stallTimeout().toSeconds(), timeline.deliveredCount(), accepted);
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return true;
    }

    /** The gateway's own view at the end: queue depth, due set, retries, and its accepted/sent/delivered counts. */
    static Map<String, Double> counters(String metrics) {
        Map<String, Double> c = new LinkedHashMap<>();
        for (String name : new String[] {"vestnik_messages_accepted_total", "vestnik_messages_sent_total",
                "vestnik_messages_delivered_total", "vestnik_messages_failed_total", "vestnik_send_retries_total",
                "vestnik_queue_depth", "vestnik_due_messages"}) {
            double v = PrometheusText.sum(metrics, name, Map.of());
            if (!Double.isNaN(v)) {
                c.put(name, v);
            }
        }
        return c;
    }

    /** Calls per command made during the run, most frequent first. */
    static Map<String, Long> grown(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> d = new LinkedHashMap<>();
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> d.put(e.getKey(), e.getValue()));
        return d;
    }

    private Path write(RunReport report, String runName) throws IOException {
        Files.createDirectories(options.resultsDir());
        Path file = options.resultsDir().resolve(runName + ".json");
        Files.writeString(file, report.toJson().encodePrettily());
        return file;
    }

    private static double seconds(long fromNanos, long toNanos) {
        return fromNanos == 0 || toNanos == 0 ? 0 : (toNanos - fromNanos) / 1e9;
    }

    /** A line every five seconds, so a long run shows it is moving. */
    private static final class Progress implements AutoCloseable {
        private final Thread thread;

        Progress(JobTimeline timeline, ResourceSampler sampler) {
            long start = System.nanoTime();
            thread = new Thread(() -> {
                try {
                    while (true) {
                        TimeUnit.SECONDS.sleep(5);
                        ResourceSampler.Sample s = sampler.latest();
                        System.out.printf("  %4d s: sent %d, delivered %d, outcome callbacks %d; heap %s MiB, "
                                        + "Redis %s MiB%n",
                                (System.nanoTime() - start) / 1_000_000_000L, timeline.sentCount(),
                                timeline.deliveredCount(), timeline.finalCallbackCount(), s.heapUsed() < 0 ? "?" : s.heapUsed() >> 20,
                                s.redisUsedMemory() < 0 ? "?" : s.redisUsedMemory() >> 20);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "progress");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() {
            thread.interrupt();
        }
    }
}
