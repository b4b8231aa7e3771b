package vestnik.gateway.store;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * The redis-server 6.2 binary shipped in the embedded-redis jar, run as a child process on a free
 * loopback port with AOF persistence in the data folder, so {@code java -jar} needs nothing else.
 *
 * <p>If the JVM was killed ({@code kill -9}), its redis child lives on and still owns the data folder;
 * a second server on the same AOF would corrupt it. So the pid is kept in the folder, and a server left
 * behind is asked to stop (SIGTERM makes Redis flush the AOF) before a new one starts. Nothing acked by
 * the old server is lost: it was never killed, only orphaned.
 */
public final class EmbeddedRedis implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);
    private static final String PID_FILE = "redis.pid";

    private final RedisServer server;
    private final int port;
    private final Path dataDir;

    private EmbeddedRedis(RedisServer server, int port, Path dataDir) {
        this.server = server;
        this.port = port;
        this.dataDir = dataDir;
    }

    public static EmbeddedRedis start(Path dataDir, String appendfsync) throws IOException {
        Files.createDirectories(dataDir);
        stopLeftover(dataDir);
        int port = freePort();
        RedisServer server = RedisServer.newRedisServer()
                .port(port)
                .setting("bind 127.0.0.1")
                .setting("protected-mode yes")
                .setting("dir " + dataDir.toAbsolutePath())
                .setting("appendonly yes")
                .setting("appendfilename \"vestnik.aof\"")
                .setting("appendfsync " + appendfsync)
                .setting("aof-use-rdb-preamble yes")
                .setting("save \"\"")
                .setting("pidfile " + dataDir.resolve(PID_FILE).toAbsolutePath())
                .setting("maxmemory-policy noeviction")
                // a message hash holds a text of ~100 bytes (Cyrillic doubles it): keep it in the compact
                // encoding, which stores a queued job in about a third of the memory
                .setting("hash-max-ziplist-value 256")
                .onShutdownForceStop(true)
                .build();
        server.start();
        waitForPort(port, Duration.ofSeconds(20));
        log.info("embedded Redis 6.2 listening on 127.0.0.1:{} with AOF ({}) in {}", port, appendfsync, dataDir);
        return new EmbeddedRedis(server, port, dataDir);
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            log.warn("embedded Redis did not stop cleanly: {}", e.getMessage());
        }
        try {
            Files.deleteIfExists(dataDir.resolve(PID_FILE));
        } catch (IOException ignored) {
            // a stale pid file is checked against the live process on the next start
        }
    }

    private static void stopLeftover(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return;
        }
        String content = Files.readString(pidFile, StandardCharsets.US_ASCII).trim();
        Files.deleteIfExists(pidFile);
        long pid;
        try {
            pid = Long.parseLong(content);
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive() || !isRedis(handle.get())) {
            return;
        }
        log.warn("a redis-server (pid {}) from a previous run still holds {}; stopping it before starting anew", pid, dataDir);
        handle.get().destroy();
        Instant deadline = Instant.now().plusSeconds(30);
        while (handle.get().isAlive() && Instant.now().isBefore(deadline)) {
            sleep(50);
        }
        if (handle.get().isAlive()) {
            throw new IOException("redis-server pid " + pid + " did not stop within 30 s; stop it by hand");
        }
    }

    private static boolean isRedis(ProcessHandle handle) {
        return handle.info().command().map(c -> c.contains("redis-server")).orElse(true);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void waitForPort(int port, Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                sleep(50);
            }
        }
        throw new IOException("embedded Redis did not open port " + port + " within " + timeout.toSeconds() + " s");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
