package vestnik.loadtest.driver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JFR recording says the gateway's CPU went: the hottest top frames of {@code jdk.ExecutionSample}, the
 * same grouped by package, and the garbage collector's pauses.
 */
record JfrSummary(long samples, List<Share> topFrames, List<Share> topPackages, List<Share> topOwnFrames, long gcCount, Duration gcPauseTotal,
        Duration gcPauseLongest) {

    private static final int TOP = 15;

    record Share(String name, long samples, double percent) {
        JsonObject toJson() {
            return new JsonObject().put("name", name).put("samples", samples).put("percent", percent);
        }
    }

    static JfrSummary read(Path recording) throws IOException {
        Map<String, Long> frames = new HashMap<>();
        Map<String, Long> packages = new HashMap<>();
        Map<String, Long> own = new HashMap<>();
        long samples = 0;
        long gcCount = 0;
        Duration gcTotal = Duration.ZERO;
        Duration gcLongest = Duration.ZERO;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                String type = e.getEventType().getName();
                if (type.equals("jdk.ExecutionSample")) {
                    RecordedStackTrace stack = e.getStackTrace();
                    if (stack == null || stack.getFrames().isEmpty()) {
                        continue;
                    }
                    RecordedFrame top = stack.getFrames().get(0);
                    String cls = top.getMethod().getType().getName();
                    samples++;
                    frames.merge(cls + "." + top.getMethod().getName(), 1L, Long::sum);
                    packages.merge(packageGroup(cls), 1L, Long::sum);
                    own.merge(firstOwnFrame(stack), 1L, Long::sum);
                } else if (type.equals("jdk.GarbageCollection")) {
                    gcCount++;
                    Duration pause = e.getDuration("sumOfPauses");
                    gcTotal = gcTotal.plus(pause);
                    if (pause.compareTo(gcLongest) > 0) {
                        gcLongest = pause;
                    }
                }
            }
        }
        return new JfrSummary(samples, top(frames, samples), top(packages, samples), top(own, samples), gcCount, gcTotal, gcLongest);
    }

    /** The innermost frame of the gateway's own code ({@code vestnik.*}): which of its steps the sample is under. */
    static String firstOwnFrame(RecordedStackTrace stack) {
        for (RecordedFrame f : stack.getFrames()) {
            String cls = f.getMethod().getType().getName();
            if (cls.startsWith("vestnik.")) {
                return cls.substring(cls.lastIndexOf('.') + 1) + "." + f.getMethod().getName();
            }
        }
        return "(outside vestnik code: I/O, Redis client, JSON, Vert.x)";
    }

    /** The first three parts of a class's package ({@code io.netty.channel}, {@code vestnik.gateway.store}). */
    static String packageGroup(String className) {
        String[] parts = className.split("\\.");
        int keep = Math.min(3, Math.max(1, parts.length - 1));
        return String.join(".", java.util.Arrays.copyOf(parts, keep));
    }

    private static List<Share> top(Map<String, Long> counts, long total) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(TOP)
                .map(e -> new Share(e.getKey(), e.getValue(), Math.round(e.getValue() * 1000.0 / total) / 10.0))
                .toList();
    }

    JsonObject toJson() {
        return new JsonObject().put("executionSamples", samples)
                .put("topFrames", new JsonArray(topFrames.stream().map(Share::toJson).toList()))
                .put("topPackages", new JsonArray(topPackages.stream().map(Share::toJson).toList()))
                .put("topOwnFrames", new JsonArray(topOwnFrames.stream().map(Share::toJson).toList()))
                .put("gcCount", gcCount).put("gcPauseTotalMs", gcPauseTotal.toMillis())
                .put("gcPauseLongestMs", gcPauseLongest.toMillis());
    }

    String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("profile (JFR)     %d execution samples; GC: %d collections, %d ms paused in all, "
                + "longest %d ms%n", samples, gcCount, gcPauseTotal.toMillis(), gcPauseLongest.toMillis()));
        sb.append("  top packages:\n");
        topPackages.forEach(s -> sb.append(String.format("    %5.1f %%  %s%n", s.percent(), s.name())));
        sb.append("  innermost vestnik frame:\n");
        topOwnFrames.forEach(s -> sb.append(String.format("    %5.1f %%  %s%n", s.percent(), s.name())));
        sb.append("  top frames:\n");
        topFrames.forEach(s -> sb.append(String.format("    %5.1f %%  %s%n", s.percent(), s.name())));
        return sb.toString();
    }
}
