package vestnik.loadtest.driver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every figure of one run, as a table for the terminal and as JSON for the results folder, with the issue's
 * targets checked where the run measured them.
 */
record RunReport(
        String scenario,
        String startedAt,
        String gateway,
        int cores,
        PushPlan plan,
        IntakeResult intake,
        Smsc smsc,
        LatencySummary intakeLatency,
        LatencySummary acceptedToSent,
        LatencySummary acceptedToDelivered,
        CpuMeter.Usage cpu,
        ResourceSampler.Sample baseline,
        ResourceSampler.Sample peak,
        ResourceSampler.Sample end,
        Map<String, Long> redisCalls,
        Map<String, Double> gatewayMetrics,
        JfrSummary profile,
        Callbacks callbacks,
        LatencySummary acceptedToCallback,
        IntakeMode intakeMode) {

    private static final double MIB = 1024.0 * 1024.0;

    /** What the SMSC saw: first and last submit, receipts acknowledged, and whether every accepted job came back. */
    record Smsc(long submitted, long resubmits, double submitSeconds, long receipts, double secondsToLastReceipt,
            boolean complete) {

        double submitPerSecond() {
            return submitSeconds > 0 ? submitted / submitSeconds : 0;
        }

        /** Receipts per second over the whole run, from the first request to the last receipt. */
        double endToEndPerSecond() {
            return secondsToLastReceipt > 0 ? receipts / secondsToLastReceipt : 0;
        }
    }

    /**
     * What the driver's callback receiver heard: every POST (signature checked), and the jobs whose outcome came
     * back; with callbacks on, the end-to-end rate runs to the last outcome's callback, as an upstream sees it.
     */
    record Callbacks(String mode, long received, long outcomes, Map<String, Long> byStatus, long badSignatures,
            long foreign, double secondsToLastOutcome, boolean complete) {

        double endToEndPerSecond() {
            return secondsToLastOutcome > 0 ? outcomes / secondsToLastOutcome : 0;
        }

        JsonObject toJson() {
            JsonObject s = new JsonObject();
            byStatus.forEach(s::put);
            return new JsonObject().put("mode", mode).put("received", received).put("outcomes", outcomes)
                    .put("byStatus", s).put("badSignatures", badSignatures).put("foreign", foreign)
                    .put("secondsToLastOutcome", IntakeResult.round(secondsToLastOutcome))
                    .put("endToEndPerSecond", IntakeResult.round(endToEndPerSecond())).put("complete", complete);
        }
    }

    RunReport withProfile(JfrSummary summary) {
        return new RunReport(scenario, startedAt, gateway, cores, plan, intake, smsc, intakeLatency, acceptedToSent,
                acceptedToDelivered, cpu, baseline, peak, end, redisCalls, gatewayMetrics, summary, callbacks,
                acceptedToCallback, intakeMode);
    }

    /** Messages per second end to end: to the last outcome callback when the run had callbacks, else the last receipt. */
    double endToEndPerSecond() {
        return callbacks != null ? callbacks.endToEndPerSecond() : smsc.endToEndPerSecond();
    }

    /** Gateway plus Redis CPU per message the run moved (delivered end to end, or accepted when nothing drains). */
    double cpuPerMessageMs() {
        long messages = smsc.receipts() > 0 ? smsc.receipts() : intake.accepted();
        return cpu.perMessageMs(messages);
    }

    /** Growth of Redis's used_memory over the run, per accepted job: what one queued job costs. */
    double redisBytesPerJob() {
        if (end.redisUsedMemory() < 0 || baseline.redisUsedMemory() < 0 || intake.accepted() == 0) {
            return Double.NaN;
        }
        return (double) (end.redisUsedMemory() - baseline.redisUsedMemory()) / intake.accepted();
    }

    /** The targets this run can speak to, each with the figure and met or missed. */
    List<String> verdicts() {
        List<String> v = new ArrayList<>();
        if (smsc.receipts() > 0 && !plan.paced()) {
            String how = callbacks != null ? " to the last outcome callback" : " to the last receipt (no callbacks)";
            if (intakeMode == IntakeMode.BATCH) {
                v.add(verdict("end to end >= 6,000 SMS/s with batch intake," + how, endToEndPerSecond(), 6000, true,
                        "%.0f/s"));
            } else {
                v.add(verdict("end to end >= 3,000 SMS/s (" + intakeMode.label() + " intake, " + plan.concurrency()
                        + " in flight)," + how, endToEndPerSecond(), 3000, true, "%.0f/s"));
            }
        }
        double cpuMs = cpuPerMessageMs();
        if (!Double.isNaN(cpuMs) && smsc.receipts() > 0) {
            v.add(verdict("CPU per message (gateway + Redis) <= 0.3 ms", cpuMs, 0.3, false, "%.3f ms"));
        }
        if (plan.paced() && intakeLatency.count() > 0 && plan.ratePerSecond() <= 1000) {
            v.add(verdict("p99 intake latency < 50 ms at " + (long) plan.ratePerSecond() + " jobs/s",
                    intakeLatency.p99Ms(), 50, false, "%.1f ms"));
        } else if (plan.paced() && intakeLatency.count() > 0) {
            v.add(String.format("INFO    p99 intake latency at %d jobs/s: %.1f ms (the target of 50 ms is set at "
                    + "1,000 jobs/s)", (long) plan.ratePerSecond(), intakeLatency.p99Ms()));
        }
        double perJob = redisBytesPerJob();
        if (!smsc.complete() && smsc.receipts() == 0 && !Double.isNaN(perJob)) {
            String how = intake.accepted() >= 1_000_000 ? "measured" : "extrapolated from " + intake.accepted();
            v.add(verdict("1M queued jobs in < 1.5 GiB of Redis (" + how + ")", perJob * 1_000_000 / MIB / 1024, 1.5,
                    false, "%.2f GiB"));
        }
        if (peak.heapUsed() >= 0) {
            v.add(verdict("gateway heap < 512 MiB throughout (peak sampled)", peak.heapUsed() / MIB, 512, false,
                    "%.0f MiB"));
        }
        return v;
    }

    private static String verdict(String target, double value, double limit, boolean atLeast, String format) {
        boolean met = atLeast ? value >= limit : value < limit;
        String figure = String.format(format, value);
        if (met) {
            return "MET     " + target + ": " + figure;
        }
        double by = atLeast ? (limit - value) / limit : (value - limit) / limit;
        return String.format("MISSED  %s: %s (%.0f %% %s)", target, figure, by * 100, atLeast ? "short" : "over");
    }

    String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%n== %s, %s, %d cores ==%n", scenario, startedAt, cores));
        sb.append(String.format("gateway           %s%n", gateway));
        sb.append(String.format("plan              %d jobs, %d in flight, %s%n", plan.jobs(), plan.concurrency(),
                plan.paced() ? String.format("%.0f jobs/s", plan.ratePerSecond()) : "as fast as accepted"));
        sb.append(String.format("intake            %d accepted in %.2f s = %.0f jobs/s; refused %s; no answer %d%n",
                intake.accepted(), intake.seconds(), intake.acceptedPerSecond(),
                intake.otherStatuses().isEmpty() ? "0" : intake.otherStatuses(), intake.transportErrors()));
        sb.append(String.format("SMSC              %d submitted in %.2f s = %.0f submit_sm/s; %d submitted again%n",
                smsc.submitted(), smsc.submitSeconds(), smsc.submitPerSecond(), smsc.resubmits()));
        sb.append(String.format("receipts          %d acknowledged; last one %.2f s after the first request "
                + "= %.0f SMS/s end to end%s%n", smsc.receipts(), smsc.secondsToLastReceipt(),
                smsc.endToEndPerSecond(), smsc.complete() ? "" : "  (INCOMPLETE)"));
        if (callbacks != null) {
            sb.append(String.format("callbacks (%s)   %d POSTs received %s, %d bad signatures; %d jobs' outcome came "
                    + "back, the last %.2f s after the first request = %.0f SMS/s end to end%s%n", callbacks.mode(),
                    callbacks.received(), callbacks.byStatus(), callbacks.badSignatures(), callbacks.outcomes(),
                    callbacks.secondsToLastOutcome(), callbacks.endToEndPerSecond(),
                    callbacks.complete() ? "" : "  (INCOMPLETE)"));
        }
        sb.append("latency (ms)         count      p50      p95      p99      max\n");
        sb.append(latencyRow("  intake HTTP", intakeLatency));
        sb.append(latencyRow("  202 -> sent", acceptedToSent));
        sb.append(latencyRow("  202 -> delivered", acceptedToDelivered));
        if (acceptedToCallback != null) {
            sb.append(latencyRow("  202 -> outcome callback", acceptedToCallback));
        }
        sb.append(String.format("CPU               gateway %s, Redis %s, driver+SMSC %s, everything else %s; "
                + "machine %.0f %% busy%n", ms(cpu.gatewayMs()), ms(cpu.redisMs()), ms(cpu.driverMs()),
                ms(cpu.othersMs()), cpu.machineBusyShare() * 100));
        sb.append(String.format("CPU per message   %.3f ms (gateway + Redis)%n", cpuPerMessageMs()));
        sb.append(threadRow("  gateway threads", cpu.gatewayThreads()));
        sb.append(threadRow("  driver threads", cpu.driverThreads()));
        sb.append(String.format("gateway heap      peak %s, end %s;  RSS peak: gateway %s, Redis %s%n",
                mib(peak.heapUsed()), mib(end.heapUsed()), mib(peak.gatewayRss()), mib(peak.redisRss())));
        sb.append(String.format("Redis used_memory before %s, end %s, peak %s; %.0f bytes per accepted job%n",
                mib(baseline.redisUsedMemory()), mib(end.redisUsedMemory()), mib(peak.redisUsedMemory()),
                redisBytesPerJob()));
        if (!redisCalls.isEmpty()) {
            long messages = smsc.receipts() > 0 ? smsc.receipts() : intake.accepted();
            long total = redisCalls.values().stream().mapToLong(Long::longValue).sum();
            sb.append(String.format("Redis calls       %.1f per message:", messages > 0 ? (double) total / messages : 0));
            redisCalls.entrySet().stream().limit(8).forEach(e -> sb.append(String.format(" %s %.2f;", e.getKey(),
                    messages > 0 ? (double) e.getValue() / messages : 0)));
            sb.append('\n');
        }
        if (!gatewayMetrics.isEmpty()) {
            sb.append("gateway metrics   ");
            gatewayMetrics.forEach((k, val) -> sb.append(k).append('=').append(String.format("%.0f", val)).append("  "));
            sb.append('\n');
        }
        if (profile != null) {
            sb.append(profile.table());
        }
        sb.append("targets of issue 10:\n");
        verdicts().forEach(line -> sb.append("  ").append(line).append('\n'));
        return sb.toString();
    }

    JsonObject toJson() {
        JsonObject metrics = new JsonObject();
        gatewayMetrics.forEach(metrics::put);
        JsonObject json = new JsonObject()
                .put("scenario", scenario).put("startedAt", startedAt).put("gateway", gateway).put("cores", cores)
                .put("plan", new JsonObject().put("jobs", plan.jobs()).put("concurrency", plan.concurrency())
                        .put("ratePerSecond", plan.ratePerSecond()))
                .put("intake", intake.toJson())
                .put("smsc", new JsonObject().put("submitted", smsc.submitted()).put("resubmits", smsc.resubmits())
                        .put("submitPerSecond", IntakeResult.round(smsc.submitPerSecond()))
                        .put("receipts", smsc.receipts())
                        .put("secondsToLastReceipt", IntakeResult.round(smsc.secondsToLastReceipt()))
                        .put("endToEndPerSecond", IntakeResult.round(smsc.endToEndPerSecond()))
                        .put("complete", smsc.complete()))
                .put("latency", new JsonObject().put("intakeHttp", intakeLatency.toJson())
                        .put("acceptedToSent", acceptedToSent.toJson())
                        .put("acceptedToDelivered", acceptedToDelivered.toJson())
                        .put("acceptedToOutcomeCallback", acceptedToCallback == null ? null : acceptedToCallback.toJson()))
                .put("callbacks", callbacks == null ? null : callbacks.toJson())
                .put("cpu", new JsonObject().put("gatewayMs", cpu.gatewayMs()).put("redisMs", cpu.redisMs())
                        .put("driverAndSmscMs", cpu.driverMs())
                        .put("everythingElseMs", cpu.othersMs())
                        .put("machineBusyShare", IntakeResult.round(cpu.machineBusyShare()))
                        .put("perMessageMs", finite(cpuPerMessageMs()))
                        .put("gatewayThreadsMs", threads(cpu.gatewayThreads()))
                        .put("driverThreadsMs", threads(cpu.driverThreads())))
                .put("memory", new JsonObject().put("baseline", sample(baseline)).put("peak", sample(peak))
                        .put("end", sample(end)).put("redisBytesPerAcceptedJob", finite(redisBytesPerJob())))
                .put("redisCalls", threads(redisCalls))
                .put("gatewayMetrics", metrics)
                .put("verdicts", new JsonArray(verdicts()));
        if (profile != null) {
            json.put("profile", profile.toJson());
        }
        return json;
    }

    private static String threadRow(String title, Map<String, Long> groups) {
        if (groups.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(String.format("%-18s", title));
        groups.entrySet().stream().limit(8).forEach(e -> sb.append(String.format(" %s %.2f s;", e.getKey(),
                e.getValue() / 1000.0)));
        return sb.append('\n').toString();
    }

    private static JsonObject threads(Map<String, Long> groups) {
        JsonObject j = new JsonObject();
        groups.forEach(j::put);
        return j;
    }

    private static JsonObject sample(ResourceSampler.Sample s) {
        return new JsonObject().put("heapUsedBytes", s.heapUsed()).put("gatewayRssBytes", s.gatewayRss())
                .put("redisRssBytes", s.redisRss()).put("redisUsedMemoryBytes", s.redisUsedMemory());
    }

    private static Double finite(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : Math.round(v * 1000) / 1000.0;
    }

    private static String latencyRow(String name, LatencySummary s) {
        return String.format("%-18s %9d %8.1f %8.1f %8.1f %8.1f%n", name, s.count(), s.p50Ms(), s.p95Ms(), s.p99Ms(),
                s.maxMs());
    }

    private static String ms(long v) {
        return v < 0 ? "n/a" : String.format("%.2f s", v / 1000.0);
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "n/a" : String.format("%.0f MiB", bytes / MIB);
    }
}
