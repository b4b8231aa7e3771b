package vestnik.loadtest.driver;

import java.net.URI;
import java.util.OptionalLong;

/** The gateway a run pushes to: its address and key, and, when known, the processes to measure. */
interface GatewayUnderTest extends AutoCloseable {

    URI baseUrl();

    String apiKey();

    /** The gateway JVM's pid, when the driver knows it (it launched the jar, or was told {@code --gateway-pid}). */
    OptionalLong pid();

    /** The embedded redis-server's pid, when there is one the driver can find. */
    OptionalLong redisPid();

    /** What it is, for the report: the jar and its heap limit, or the URL. */
    String description();

    /** Stops what the driver started; a gateway it was only pointed at is left running. */
    @Override
    void close();

    /** The embedded Redis is the gateway JVM's child; its pid file names it, else the child's command line does. */
    static OptionalLong childRedis(long gatewayPid) {
        return ProcessHandle.of(gatewayPid).stream()
                .flatMap(ProcessHandle::descendants)
                .filter(p -> p.info().command().map(c -> c.contains("redis-server")).orElse(false))
                .mapToLong(ProcessHandle::pid)
                .findFirst();
    }
}
