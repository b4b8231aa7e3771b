package vestnik.channels.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A provider's HTTP API on loopback (WireMock) and the Vert.x the channel under test runs on, for one test
 * class: registered as {@code @RegisterExtension static final ProviderPeer telegram = new ProviderPeer();}
 * it starts before the first test, forgets its stubs and requests after each test (after the test's own
 * {@code @AfterEach} has stopped the channel), and stops after the last.
 */
public final class ProviderPeer extends WireMockServer implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    private Vertx vertx;

    public ProviderPeer() {
        super(WireMockConfiguration.options().dynamicPort());
    }

    public Vertx vertx() {
        return vertx;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
        vertx = Vertx.vertx();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        resetAll();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
        Fixtures.await(vertx.close());
    }
}
