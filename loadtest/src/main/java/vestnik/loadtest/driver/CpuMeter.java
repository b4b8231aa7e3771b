package vestnik.loadtest.driver;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * CPU time spent between two readings by the gateway JVM (also by thread group, to show where it goes), its
 * redis-server, this driver's JVM (which also runs the SMSC simulator) and the machine as a whole.
 */
final class CpuMeter {

    private final OptionalLong gatewayPid;
    private final OptionalLong redisPid;
    private final long selfPid = ProcessHandle.current().pid();

    CpuMeter(OptionalLong gatewayPid, OptionalLong redisPid) {
        this.gatewayPid = gatewayPid;
        this.redisPid = redisPid;
    }

    Reading read() {
        long[] machine = ProcFs.machineJiffies();
        return new Reading(millis(gatewayPid), millis(redisPid), ProcFs.cpuMillis(selfPid).orElse(-1),
                machine[0], machine[1],
                gatewayPid.isPresent() ? ProcFs.threadGroupCpuMillis(gatewayPid.getAsLong()) : Map.of(),
                ProcFs.threadGroupCpuMillis(selfPid));
    }

    private static long millis(OptionalLong pid) {
        return pid.isPresent() ? ProcFs.cpuMillis(pid.getAsLong()).orElse(-1) : -1;
    }

    /** CPU milliseconds (-1 where unknown), machine jiffies (busy and total), and CPU by thread group. */
    record Reading(long gatewayMs, long redisMs, long driverMs, long machineBusy, long machineTotal,
            Map<String, Long> gatewayThreads, Map<String, Long> driverThreads) {

        Usage since(Reading before) {
            long total = machineTotal - before.machineTotal;
            return new Usage(delta(gatewayMs, before.gatewayMs), delta(redisMs, before.redisMs),
                    delta(driverMs, before.driverMs),
                    total > 0 ? (double) (machineBusy - before.machineBusy) / total : Double.NaN,
                    (machineBusy - before.machineBusy) * 1000 / ProcFs.TICKS_PER_SECOND,
                    grown(gatewayThreads, before.gatewayThreads), grown(driverThreads, before.driverThreads));
        }

        private static long delta(long after, long before) {
            return after < 0 || before < 0 ? -1 : after - before;
        }

        /** Per group, what was spent in between, largest first; threads born in between count from zero. */
        private static Map<String, Long> grown(Map<String, Long> after, Map<String, Long> before) {
            Map<String, Long> d = new LinkedHashMap<>();
            after.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                    .filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> d.put(e.getKey(), e.getValue()));
            return d;
        }
    }

    /**
     * CPU milliseconds spent in an interval (-1 where unknown), the machine's busy share of it (0..1), and the
     * gateway's and the driver's CPU by thread group, largest first.
     */
    record Usage(long gatewayMs, long redisMs, long driverMs, double machineBusyShare, long machineBusyMs,
            Map<String, Long> gatewayThreads, Map<String, Long> driverThreads) {

        /**
         * CPU the rest of the machine took meanwhile (other processes, the kernel's softirq work): on a shared
         * machine this says how much the figures were disturbed.
         */
        long othersMs() {
            if (gatewayMs < 0 || redisMs < 0 || driverMs < 0) {
                return -1;
            }
            return Math.max(0, machineBusyMs - gatewayMs - redisMs - driverMs);
        }

        /** Gateway plus Redis, per message, in milliseconds; NaN when either is unknown. */
        double perMessageMs(long messages) {
            if (gatewayMs < 0 || redisMs < 0 || messages <= 0) {
                return Double.NaN;
            }
            return (double) (gatewayMs + redisMs) / messages;
        }
    }
}
