package vestnik.gateway;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vestnik.channels.ChannelRegistry;
import vestnik.gateway.config.ConfigException;
import vestnik.gateway.config.ConfigReader;
import vestnik.gateway.config.GatewayConfig;

/** {@code java -jar vestnik-gateway.jar [--config FILE]}. */
public final class Main {

    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path configFile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--config", "-c" -> {
                    if (i + 1 >= args.length) {
                        fail("--config needs a file name");
                    }
                    configFile = Path.of(args[++i]);
                }
                case "--help", "-h" -> {
                    System.out.println("usage: java -jar vestnik-gateway.jar [--config FILE]");
                    System.out.println("without --config: port 8080, embedded Redis in ./data, demo tenant, no channels");
                    return;
                }
                default -> fail("unknown argument '" + args[i] + "' (try --help)");
            }
        }
        GatewayConfig config;
        try {
            config = ConfigReader.load(configFile, System.getenv());
        } catch (ConfigException e) {
            fail("configuration error: " + e.getMessage());
            return;
        }
        if (configFile == null) {
            log.warn("no --config given: running the built-in demo configuration (tenant 'demo', key 'demo-upstream-key'); "
                    + "do not expose it");
        }
        Vertx vertx = Vertx.vertx();
        Gateway gateway = new Gateway(config, Clock.systemUTC(), ChannelRegistry.builtIn());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("shutting down");
            vertx.close().onComplete(ar -> stopped.countDown());
            try {
                stopped.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "vestnik-shutdown"));
        vertx.deployVerticle(gateway).onFailure(e -> {
            log.error("the gateway could not start: {}", e.getMessage(), e);
            // exit from a plain thread: the shutdown hook waits for Vert.x, which an event loop cannot
            vertx.close().onComplete(ar -> new Thread(() -> System.exit(1), "vestnik-exit").start());
        });
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
