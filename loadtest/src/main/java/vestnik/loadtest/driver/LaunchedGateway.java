package vestnik.loadtest.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The gateway jar as a child process on a fresh embedded Redis in a temporary folder, stopped (SIGTERM, so a JFR
 * recording is written) and cleaned up at the end. Its log goes beside the results.
 */
final class LaunchedGateway implements GatewayUnderTest {

    static final String API_KEY = "loadtest-upstream-key";

    private final Process process;
    private final Path dir;
    private final URI baseUrl;
    private final GatewayLaunch launch;
    private final Optional<Path> jfrFile;

    private LaunchedGateway(Process process, Path dir, URI baseUrl, GatewayLaunch launch, Optional<Path> jfrFile) {
        this.process = process;
        this.dir = dir;
        this.baseUrl = baseUrl;
        this.launch = launch;
        this.jfrFile = jfrFile;
    }

    static LaunchedGateway start(GatewayLaunch launch, int smscPort, String callbackUrl, Path resultsDir, String runName)
            throws IOException {
        if (!Files.isRegularFile(launch.jar())) {
            throw new IOException("no gateway jar at " + launch.jar() + " (build it: mvn -q -DskipTests package)");
        }
        Path dir = Files.createTempDirectory("vestnik-loadtest-");
        int port = freePort();
        Path config = dir.resolve("vestnik.yaml");
        Files.writeString(config, launch.configYaml(dir.resolve("data"), port, API_KEY, smscPort, callbackUrl),
                StandardCharsets.UTF_8);
        Files.createDirectories(resultsDir);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + launch.xmx()));
        Optional<Path> jfrFile = Optional.empty();
        if (launch.jfr()) {
            Path file = resultsDir.resolve(runName + ".jfr").toAbsolutePath();
            command.add("-XX:StartFlightRecording=filename=" + file + ",settings=profile,dumponexit=true");
            jfrFile = Optional.of(file);
        }
        command.addAll(List.of("-jar", launch.jar().toAbsolutePath().toString(), "--config", config.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(resultsDir.resolve(runName + "-gateway.log").toFile());
        // a VESTNIK_* variable in the driver's environment would silently override the file
        pb.environment().keySet().removeIf(k -> k.startsWith("VESTNIK_"));
        Process process = pb.start();
        return new LaunchedGateway(process, dir, URI.create("http://127.0.0.1:" + port), launch, jfrFile);
    }

    @Override
    public URI baseUrl() {
        return baseUrl;
    }

    @Override
    public String apiKey() {
        return API_KEY;
    }

    @Override
    public OptionalLong pid() {
        return OptionalLong.of(process.pid());
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public OptionalLong redisPid() {
        Path pidFile = dir.resolve("data").resolve("redis.pid");
        try {
            if (Files.exists(pidFile)) {
                return OptionalLong.of(Long.parseLong(Files.readString(pidFile).trim()));
            }
        } catch (IOException | NumberFormatException e) {
            // fall back to the process tree
        }
        return GatewayUnderTest.childRedis(process.pid());
    }

    Optional<Path> jfrFile() {
        return jfrFile;
    }

    @Override
    public String description() {
        return launch.jar() + " -Xmx" + launch.xmx() + ", sms: " + launch.binds() + " bind(s) x window "
                + launch.window() + ", maxRate " + launch.maxRate();
    }

    @Override
    public void close() {
        OptionalLong redis = redisPid();
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // the gateway stops its Redis; if it could not, the child must not outlive the run
        redis.ifPresent(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy));
        deleteTree(dir);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + root, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
