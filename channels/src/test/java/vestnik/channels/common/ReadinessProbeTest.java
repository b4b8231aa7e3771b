package vestnik.channels.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vestnik.channels.spi.ErrorClass;
import vestnik.channels.spi.FailureCodes;
import vestnik.channels.spi.SendResult;
import vestnik.channels.testing.Fixtures;

class ReadinessProbeTest {

    private static final Duration RECHECK = Duration.ofMillis(50);
    private static Vertx vertx;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        Fixtures.await(vertx.close());
    }

    /** Answers the provider's checks in turn with {@code outcomes} (null: the token works); the last one is repeated. */
    private static final class Provider {
        private final List<ErrorClass> outcomes;
        private final AtomicInteger calls = new AtomicInteger();

        Provider(ErrorClass... outcomes) {
            this.outcomes = Arrays.asList(outcomes);
        }

        Future<ErrorClass> check() {
            int call = calls.getAndIncrement();
            return Future.succeededFuture(outcomes.get(Math.min(call, outcomes.size() - 1)));
        }
    }

    private static Provider provider(ErrorClass... outcomes) {
        return new Provider(outcomes);
    }

    /** Holds through three recheck periods: what must not happen has had its chances. */
    private static void stillTrueFor(Callable<Boolean> condition) {
        await().during(RECHECK.multipliedBy(3)).atMost(RECHECK.multipliedBy(3).plusSeconds(2)).until(condition);
    }

    @Test
    @DisplayName("a token that works makes the channel ready at start, and nothing checks it again")
    void readyAtStart() {
        Provider provider = provider((ErrorClass) null);
        ReadinessProbe probe = new ReadinessProbe(vertx, provider::check, RECHECK);

        Fixtures.await(probe.start("refused"));

        assertThat(probe.isReady()).isTrue();
        stillTrueFor(() -> provider.calls.get() == 1);
        probe.stop();
    }

    @Test
    @DisplayName("a token the provider refuses fails the start with the channel's words")
    void refusedToken() {
        ReadinessProbe probe = new ReadinessProbe(vertx, provider(ErrorClass.PERMANENT_CONFIG)::check, RECHECK);

        assertThat(Fixtures.awaitFailure(probe.start("channels.tg: Telegram refused the bot token")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("channels.tg: Telegram refused the bot token");
        assertThat(probe.isReady()).isFalse();
    }

    @Test
    @DisplayName("an unreachable provider starts the channel not ready, checked again until a check passes")
    void recheckedUntilReachable() {
        Provider provider = provider(ErrorClass.TRANSIENT, ErrorClass.TRANSIENT, null);
        ReadinessProbe probe = new ReadinessProbe(vertx, provider::check, RECHECK);

        Fixtures.await(probe.start("refused"));
        assertThat(probe.isReady()).isFalse();

        await().atMost(Duration.ofSeconds(10)).until(probe::isReady);
        stillTrueFor(() -> provider.calls.get() == 3);
        probe.stop();
    }

    @Test
    @DisplayName("stopping ends the checks and leaves the channel not ready")
    void stopEndsChecks() {
        Provider provider = provider(ErrorClass.TRANSIENT);
        ReadinessProbe probe = new ReadinessProbe(vertx, provider::check, RECHECK);
        Fixtures.await(probe.start("refused"));
        await().atMost(Duration.ofSeconds(10)).until(() -> provider.calls.get() >= 2);

        probe.stop();
        int calls = provider.calls.get();

        // a check the timer had already begun may still finish; none may begin after
        stillTrueFor(() -> provider.calls.get() <= calls + 1);
        assertThat(probe.isReady()).isFalse();
    }

    @Test
    @DisplayName("an accepted send proves the token, a refused configuration disproves it, other failures tell nothing")
    void sendsKeepItCurrent() {
        ReadinessProbe probe = new ReadinessProbe(vertx, provider(ErrorClass.TRANSIENT)::check, RECHECK);

        probe.observe(SendResult.Accepted.of("1:2"));
        assertThat(probe.isReady()).isTrue();
        probe.observe(SendResult.Failed.of(ErrorClass.PERMANENT_RECIPIENT, FailureCodes.INVALID_RECIPIENT, "blocked"));
        probe.observe(SendResult.Failed.of(ErrorClass.TRANSIENT, FailureCodes.PROVIDER_UNAVAILABLE, "down"));
        assertThat(probe.isReady()).isTrue();
        probe.observe(SendResult.Failed.of(ErrorClass.PERMANENT_CONFIG, "unauthorized", "token revoked"));
        assertThat(probe.isReady()).isFalse();
    }
}
