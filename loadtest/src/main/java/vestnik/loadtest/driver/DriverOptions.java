package vestnik.loadtest.driver;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.OptionalLong;

/** The driver's command line, resolved against the scenario's defaults. */
record DriverOptions(
        Scenario scenario,
        PushPlan plan,
        IntakeMode intake,
        int warmup,
        Path gatewayJar,
        URI gatewayUrl,
        String apiKey,
        OptionalLong gatewayPid,
        GatewayLaunch launch,
        int smscPort,
        Duration receiptDelay,
        Duration stallTimeout,
        Path resultsDir) {

    static final String USAGE = """
            Usage: java -jar loadtest/target/vestnik-loadtest.jar <scenario> [flags]
              scenarios: burst-100k | queue-1m | sustained
              --gateway-jar PATH       start this gateway jar (default gateway/target/vestnik-gateway.jar)
              --gateway-url URL        or push to a running gateway, with --api-key KEY [--gateway-pid PID]
                                       (its sms channel must point at --smsc-port, default 2775 then)
              --jobs N                 jobs to push (burst-100k 100000, queue-1m 1000000, sustained rate x duration)
              --concurrency N          requests in flight (default 64)
              --rate R[/s]             jobs per second (sustained default 1000; others: as fast as accepted)
              --duration D             sustained only: 10m (default), 60s, 1h, PT90S
              --warmup N               push N jobs end to end first, unmeasured, so the JIT has compiled the
                                       hot paths (burst and sustained only; default 0)
              --intake MODE            how jobs are handed over: single (POST /v1/messages, default), batch
                                       (POST /v1/messages:batch of 1,000 jobs, min(8, concurrency) in flight),
                                       campaign (one POST /v1/campaigns streaming every job as a CSV row)
              --smsc-port N            the SMSC simulator's port (default: any free one when the jar is started)
              --receipt-delay-ms N     SMSC: delay from submit_sm_resp to the receipt (default 0)
              --xmx SIZE               gateway heap limit when the jar is started (default 512m)
              --binds N --window N --max-rate N --pdu-threads N
                                       the sms channel the driver configures (default 2, 256, 100000, 32)
              --callbacks MODE         status callbacks of the launched gateway's tenant, POSTed signed to the
                                       driver's receiver (64 in flight): final (default: delivered, failed,
                                       expired, rejected, cancelled: one per message), all (every status
                                       change), none. The run then ends when every job's outcome came back
              --jfr                    record a JFR profile of the gateway and summarise its top frames
              --stall-timeout D        give up waiting for receipts after no progress this long (default 60s)
              --results DIR            where the JSON report goes (default loadtest/target/results)
            """;

    static DriverOptions parse(String[] args) {
        if (args.length == 0 || args[0].startsWith("-")) {
            throw new IllegalArgumentException("the first argument names the scenario: " + Scenario.labels());
        }
        Scenario scenario = Scenario.parse(args[0]);
        Integer jobs = null;
        int concurrency = 64;
        Double rate = null;
        Duration duration = null;
        IntakeMode intake = IntakeMode.SINGLE;
        int warmup = 0;
        Path jar = null;
        URI url = null;
        String apiKey = null;
        OptionalLong pid = OptionalLong.empty();
        Integer smscPort = null;
        Duration receiptDelay = Duration.ZERO;
        Duration stall = Duration.ofSeconds(60);
        Path results = Path.of("loadtest", "target", "results");
        String xmx = "512m";
        boolean jfr = false;
        CallbackMode callbacks = null;
        int binds = 2;
        int window = 256;
        int maxRate = 100_000;
        int pduThreads = 32;
        for (int i = 1; i < args.length; i++) {
            String flag = args[i];
            switch (flag) {
                case "--jobs" -> jobs = positive(flag, value(args, ++i, flag));
                case "--concurrency" -> concurrency = positive(flag, value(args, ++i, flag));
                case "--rate" -> rate = rate(value(args, ++i, flag));
                case "--duration" -> duration = duration(flag, value(args, ++i, flag));
                case "--warmup" -> warmup = number(flag, value(args, ++i, flag));
                case "--intake" -> intake = IntakeMode.parse(value(args, ++i, flag));
                case "--gateway-jar" -> jar = Path.of(value(args, ++i, flag));
                case "--gateway-url" -> url = URI.create(value(args, ++i, flag));
                case "--api-key" -> apiKey = value(args, ++i, flag);
                case "--gateway-pid" -> pid = OptionalLong.of(positive(flag, value(args, ++i, flag)));
                case "--smsc-port" -> smscPort = positive(flag, value(args, ++i, flag));
                case "--receipt-delay-ms" -> receiptDelay = Duration.ofMillis(number(flag, value(args, ++i, flag)));
                case "--stall-timeout" -> stall = duration(flag, value(args, ++i, flag));
                case "--results" -> results = Path.of(value(args, ++i, flag));
                case "--xmx" -> xmx = value(args, ++i, flag);
                case "--jfr" -> jfr = true;
                case "--callbacks" -> callbacks = CallbackMode.parse(value(args, ++i, flag));
                case "--binds" -> binds = positive(flag, value(args, ++i, flag));
                case "--window" -> window = positive(flag, value(args, ++i, flag));
                case "--max-rate" -> maxRate = positive(flag, value(args, ++i, flag));
                case "--pdu-threads" -> pduThreads = positive(flag, value(args, ++i, flag));
                default -> throw new IllegalArgumentException("unknown flag " + flag);
            }
        }
        if (url != null && jar != null) {
            throw new IllegalArgumentException("--gateway-jar and --gateway-url exclude each other");
        }
        if (url != null && apiKey == null) {
            throw new IllegalArgumentException("--gateway-url needs --api-key");
        }
        if (url == null && (apiKey != null || pid.isPresent())) {
            throw new IllegalArgumentException("--api-key and --gateway-pid go with --gateway-url");
        }
        if (duration != null && scenario != Scenario.SUSTAINED) {
            throw new IllegalArgumentException("--duration belongs to the sustained scenario; use --jobs");
        }
        if (warmup > 0 && !scenario.awaitReceipts) {
            throw new IllegalArgumentException("--warmup needs a scenario whose jobs drain (not " + scenario.label + ")");
        }
        if (url != null && callbacks != null && callbacks != CallbackMode.NONE) {
            throw new IllegalArgumentException("--callbacks configures a gateway the driver starts, not --gateway-url");
        }
        if (callbacks == null) {
            callbacks = url == null && scenario.awaitReceipts ? CallbackMode.FINAL : CallbackMode.NONE;
        }
        if (url == null && jar == null) {
            jar = Path.of("gateway", "target", "vestnik-gateway.jar");
        }
        double r = rate != null ? rate : scenario.defaultRate;
        int n;
        if (jobs != null) {
            n = jobs;
        } else if (scenario == Scenario.SUSTAINED) {
            Duration d = duration != null ? duration : scenario.defaultDuration;
            n = (int) Math.max(1, Math.round(r * d.toMillis() / 1000.0));
        } else {
            n = scenario.defaultJobs;
        }
        return new DriverOptions(scenario, new PushPlan(n, concurrency, r), intake, warmup, jar, url, apiKey, pid,
                new GatewayLaunch(jar, xmx, jfr, binds, window, maxRate, pduThreads, callbacks),
                smscPort != null ? smscPort : url != null ? 2775 : 0, receiptDelay, stall, results);
    }

    boolean launchesGateway() {
        return gatewayUrl == null;
    }

    /** {@code 10m}, {@code 90s}, {@code 1h}, {@code 500ms} or ISO-8601 ({@code PT90S}). */
    static Duration duration(String flag, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("pt")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> throw new IllegalArgumentException(flag + ": " + text + " is not a duration (10m, 90s, 1h)");
            };
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException(flag + ": " + text + " is not a duration (10m, 90s, 1h)");
        }
    }

    /** {@code 1000} or {@code 1000/s}. */
    static double rate(String text) {
        String t = text.trim();
        if (t.endsWith("/s")) {
            t = t.substring(0, t.length() - 2);
        }
        try {
            double r = Double.parseDouble(t);
            if (r <= 0) {
                throw new NumberFormatException();
            }
            return r;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--rate: " + text + " is not a positive rate (1000 or 1000/s)");
        }
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    private static int number(String flag, String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a number, not " + text);
        }
    }

    private static int positive(String flag, String text) {
        int n = number(flag, text);
        if (n <= 0) {
            throw new IllegalArgumentException(flag + " must be positive");
        }
        return n;
    }
}
