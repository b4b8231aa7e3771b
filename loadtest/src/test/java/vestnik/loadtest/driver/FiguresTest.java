package vestnik.loadtest.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The pure pieces the report's figures come from: job phones, percentiles, metrics text, /proc and INFO. */
class FiguresTest {

    @Test
    @DisplayName("a job's phone names the job, with or without '+', and phones of other senders name none")
    void destinations() {
        assertThat(Destinations.phone(0)).isEqualTo("+79160000000");
        assertThat(Destinations.phone(1_234_567)).isEqualTo("+79161234567");
        assertThat(Destinations.job("79161234567")).isEqualTo(1_234_567);
        assertThat(Destinations.job("+79160000042")).isEqualTo(42);
        assertThat(Destinations.job("79261234567")).isEqualTo(-1);
        assertThat(Destinations.job("7916123456")).isEqualTo(-1);
        assertThat(Destinations.job(null)).isEqualTo(-1);
    }

    @Test
    @DisplayName("percentiles of 1..1000 ms are 500, 950 and 990 ms, within the histogram's three digits")
    void percentiles() {
        Histogram h = LatencySummary.newHistogram();
        for (int ms = 1000; ms >= 1; ms--) {
            LatencySummary.recordNanos(h, ms * 1_000_000L);
        }
        LatencySummary s = LatencySummary.of(h);

        assertThat(s.count()).isEqualTo(1000);
        assertThat(s.p50Ms()).isCloseTo(500, within(0.5));
        assertThat(s.p95Ms()).isCloseTo(950, within(1.0));
        assertThat(s.p99Ms()).isCloseTo(990, within(1.0));
        assertThat(s.maxMs()).isCloseTo(1000, within(1.0));
    }

    @Test
    @DisplayName("a 202 that arrives after the SMSC already saw the submit counts as zero latency, not negative")
    void raceCountsAsZero() {
        Histogram h = LatencySummary.newHistogram();
        LatencySummary.recordNanos(h, -3_000_000);

        assertThat(LatencySummary.of(h).maxMs()).isZero();
        assertThat(LatencySummary.of(LatencySummary.newHistogram())).isEqualTo(LatencySummary.NONE);
    }

    @Test
    @DisplayName("the heap in use is the sum of the heap pools of jvm_memory_used_bytes, non-heap left out")
    void heapFromMetrics() {
        String metrics = """
                # HELP jvm_memory_used_bytes The amount of used memory
                # TYPE jvm_memory_used_bytes gauge
                jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.048576E7
                jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 2.097152E7
                jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 5.0E7
                jvm_memory_used_bytes_other{area="heap"} 99
                vestnik_queue_depth{channel="sms"} 183.0
                """;

        assertThat(PrometheusText.sum(metrics, "jvm_memory_used_bytes", Map.of("area", "heap")))
                .isEqualTo(3.145728E7);
        assertThat(PrometheusText.sum(metrics, "vestnik_queue_depth", Map.of())).isEqualTo(183.0);
        assertThat(PrometheusText.sum(metrics, "vestnik_due_messages", Map.of())).isNaN();
    }

    @Test
    @DisplayName("/proc: CPU ticks survive a process name with spaces and parentheses; RSS, Redis port, thread groups")
    void procFs() {
        String stat = "4242 (C2 Compiler) x) S 1 4242 4242 0 -1 4194560 812 0 0 0 1534 266 0 0 20 0 35 0 1234 "
                + "4000000000 80000 18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 17 1 0 0 0 0 0";
        assertThat(ProcFs.cpuTicks(stat)).isEqualTo(1534 + 266);
        assertThat(ProcFs.rssBytes("Name:\tjava\nVmRSS:\t  123456 kB\nThreads:\t40\n")).hasValue(123456L * 1024);
        assertThat(ProcFs.redisPort("redis-server 127.0.0.1:41217\0\0")).hasValue(41217);
        assertThat(ProcFs.redisPort("/tmp/redis-server\0/tmp/x.conf\0--port\0" + "6390\0".replace('\0', ' ')))
                .hasValue(6390);
        assertThat(ProcFs.threadGroup("vert.x-eventloo")).isEqualTo("vert.x-eventloo");
        assertThat(ProcFs.threadGroup("GC Thread#1")).isEqualTo("GC Thread");
        assertThat(ProcFs.threadGroup("smsc-receipt-12")).isEqualTo("smsc-receipt");
        assertThat(ProcFs.machineJiffies("cpu  100 0 50 800 50 0 0 0 0 0\ncpu0 1 2 3\n")).containsExactly(150, 1000);
    }

    @Test
    @DisplayName("this JVM's own CPU time and threads can be read from /proc, as the gateway's are")
    void procOfSelf() {
        long pid = ProcessHandle.current().pid();

        assertThat(ProcFs.cpuMillis(pid)).isPresent();
        assertThat(ProcFs.rssBytes(pid).orElseThrow()).isPositive();
        assertThat(ProcFs.threadGroupCpuMillis(pid)).isNotEmpty();
    }

    @Test
    @DisplayName("Redis's used_memory is read from an INFO memory reply")
    void redisInfo() {
        String info = "# Memory\r\nused_memory:1048576\r\nused_memory_human:1.00M\r\nused_memory_rss:2000000\r\n";

        assertThat(RedisProbe.usedMemory(info)).hasValue(1_048_576);
        assertThat(RedisProbe.usedMemory("# Memory\r\n")).isEmpty();
    }

    @Test
    @DisplayName("Redis calls per command come from INFO commandstats, and a run counts only what it added")
    void redisCommandStats() {
        String before = "# Commandstats\r\ncmdstat_evalsha:calls=10,usec=500,usec_per_call=50.00\r\n"
                + "cmdstat_ping:calls=3,usec=3,usec_per_call=1.00\r\n";
        String after = "# Commandstats\r\ncmdstat_evalsha:calls=310,usec=9000,usec_per_call=29.03\r\n"
                + "cmdstat_ping:calls=3,usec=3,usec_per_call=1.00\r\ncmdstat_xreadgroup:calls=40,usec=80\r\n";

        assertThat(RedisProbe.commandCalls(before)).containsEntry("evalsha", 10L).containsEntry("ping", 3L);
        assertThat(LoadDriver.grown(RedisProbe.commandCalls(after), RedisProbe.commandCalls(before)))
                .containsExactly(Map.entry("evalsha", 300L), Map.entry("xreadgroup", 40L));
    }

    @Test
    @DisplayName("CPU per message counts gateway and Redis; what the machine spent beyond the three processes is 'everything else'")
    void cpuShares() {
        CpuMeter.Reading before = new CpuMeter.Reading(1_000, 200, 500, 10_000, 40_000, Map.of("vert.x-eventloo", 100L),
                Map.of());
        CpuMeter.Reading after = new CpuMeter.Reading(4_000, 1_200, 1_500, 10_700, 40_800,
                Map.of("vert.x-eventloo", 1_100L, "lettuce-nioEven", 900L), Map.of());

        CpuMeter.Usage used = after.since(before);

        assertThat(used.perMessageMs(10_000)).isEqualTo(0.4);
        assertThat(used.machineBusyMs()).isEqualTo(7_000);
        assertThat(used.othersMs()).isEqualTo(7_000 - 3_000 - 1_000 - 1_000);
        assertThat(used.machineBusyShare()).isEqualTo(700.0 / 800);
        assertThat(used.gatewayThreads()).containsExactly(Map.entry("vert.x-eventloo", 1_000L),
                Map.entry("lettuce-nioEven", 900L));
    }
}
