package vestnik.loadtest.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What Linux's /proc tells about a process: CPU time spent (utime + stime), resident memory, and the port a
 * redis-server serves (Redis rewrites its command line to {@code redis-server 127.0.0.1:PORT}).
 */
final class ProcFs {

    /** USER_HZ: the unit of utime and stime; 100 on every Linux the project runs on. */
    static final long TICKS_PER_SECOND = 100;
    private static final Pattern LISTEN = Pattern.compile(":(\\d{2,5})\\b");
    private static final Pattern PORT_FLAG = Pattern.compile("--port\\s+(\\d{2,5})");

    private ProcFs() {
    }

    /** CPU time of the process, user plus system, in milliseconds; empty when it is gone. */
    static OptionalLong cpuMillis(long pid) {
        return read(Path.of("/proc", Long.toString(pid), "stat"))
                .map(s -> OptionalLong.of(cpuTicks(s) * 1000 / TICKS_PER_SECOND)).orElse(OptionalLong.empty());
    }

    /** Resident set size in bytes; empty when the process is gone. */
    static OptionalLong rssBytes(long pid) {
        return read(Path.of("/proc", Long.toString(pid), "status")).map(ProcFs::rssBytes).orElse(OptionalLong.empty());
    }

    /** The TCP port a redis-server process listens on, read from its command line. */
    static OptionalInt redisPort(long pid) {
        return read(Path.of("/proc", Long.toString(pid), "cmdline")).map(ProcFs::redisPort).orElse(OptionalInt.empty());
    }

    /**
     * CPU milliseconds of every thread of a process, summed by thread group: the thread's name (at most 15
     * characters in /proc) with trailing digits and separators dropped, e.g. {@code vert.x-eventloo}.
     */
    static Map<String, Long> threadGroupCpuMillis(long pid) {
        Map<String, Long> groups = new TreeMap<>();
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (Stream<Path> list = Files.list(tasks)) {
            list.forEach(task -> read(task.resolve("stat")).ifPresent(stat -> groups.merge(
                    threadGroup(stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))),
                    cpuTicks(stat) * 1000 / TICKS_PER_SECOND, Long::sum)));
        } catch (IOException | UncheckedIOException e) {
            // the process ended: no threads to report
        }
        return groups;
    }

    static String threadGroup(String name) {
        String g = name.replaceAll("[-#_ ]*\\d+$", "").replaceAll("[-#_ ]+$", "");
        return g.isEmpty() ? name : g;
    }

    /** utime + stime (fields 14 and 15) of a /proc/PID/stat line; the name in parentheses may hold spaces. */
    static long cpuTicks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // f[0] is field 3 (state), so field n is f[n - 3]
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    static OptionalLong rssBytes(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring(6).trim().split("\\s+");
                return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
            }
        }
        return OptionalLong.empty();
    }

    static OptionalInt redisPort(String cmdline) {
        String line = cmdline.replace('\0', ' ').trim();
        Matcher flag = PORT_FLAG.matcher(line);
        if (flag.find()) {
            return OptionalInt.of(Integer.parseInt(flag.group(1)));
        }
        Matcher listen = LISTEN.matcher(line);
        return listen.find() ? OptionalInt.of(Integer.parseInt(listen.group(1))) : OptionalInt.empty();
    }

    /** Busy and total jiffies of the whole machine from /proc/stat's first line, for its load during a run. */
    static long[] machineJiffies() {
        return read(Path.of("/proc/stat")).map(ProcFs::machineJiffies).orElse(new long[] {0, 0});
    }

    static long[] machineJiffies(String procStat) {
        String[] f = procStat.substring(0, procStat.indexOf('\n')).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < f.length && i <= 8; i++) {
            total += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
        return new long[] {total - idle, total};
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
