package vestnik.loadtest.driver;

import java.util.OptionalLong;

/**
 * CPU time spent between two readings by the gateway JVM, its redis-server, this driver's JVM (which also runs
 * the SMSC simulator) and the machine as a whole.
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
                machine[0], machine[1]);
    }

    private static long millis(OptionalLong pid) {
        return pid.isPresent() ? ProcFs.cpuMillis(pid.getAsLong()).orElse(-1) : -1;
    }

    /** CPU milliseconds (-1 where unknown) and machine jiffies, busy and total. */
    record Reading(long gatewayMs, long redisMs, long driverMs, long machineBusy, long machineTotal) {

        Usage since(Reading before) {
            long total = machineTotal - before.machineTotal;
            return new Usage(delta(gatewayMs, before.gatewayMs), delta(redisMs, before.redisMs),
                    delta(driverMs, before.driverMs),
                    total > 0 ? (double) (machineBusy - before.machineBusy) / total : Double.NaN);
        }

        private static long delta(long after, long before) {
            return after < 0 || before < 0 ? -1 : after - before;
        }
    }

    /** CPU milliseconds spent in an interval (-1 where unknown) and the machine's busy share of it (0..1). */
    record Usage(long gatewayMs, long redisMs, long driverMs, double machineBusyShare) {

        /** Gateway plus Redis, per message, in milliseconds; NaN when either is unknown. */
        double perMessageMs(long messages) {
            if (gatewayMs < 0 || redisMs < 0 || messages <= 0) {
                return Double.NaN;
            }
            return (double) (gatewayMs + redisMs) / messages;
        }
    }
}
