package vestnik.gateway.users;

import static org.assertj.core.api.Assertions.assertThat;
import static vestnik.gateway.store.RedisFixture.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vestnik.gateway.config.Role;
import vestnik.gateway.store.RedisFixture;

class SessionsTest {

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-24T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TempDir
    static Path dir;
    static RedisFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new RedisFixture(dir);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static User user() {
        Instant t = Instant.parse("2026-11-24T09:00:00Z");
        return new User("u_" + System.nanoTime(), "demo", "agent" + System.nanoTime(), "Агент", Set.of(Role.AGENT), false,
                "$2b$04$x", 1, t, t);
    }

    @Test
    @DisplayName("a session is found by its cookie value, stores only the value's hash, and ends on close")
    void openFindClose() {
        Sessions sessions = new Sessions(fx.redis, Duration.ofHours(8), Duration.ofHours(24), new MovableClock());
        Sessions.Opened opened = await(sessions.open(user()));

        assertThat(await(sessions.find(opened.token()))).contains(opened.session());
        assertThat(await(fx.redis.<java.util.List<String>>call(c -> c.keys("*" + opened.token() + "*")))).isEmpty();
        assertThat(opened.toString()).doesNotContain(opened.token());
        await(sessions.close(opened.token()));
        assertThat(await(sessions.find(opened.token()))).isEmpty();
        assertThat(await(sessions.find("too-short"))).isEmpty();
    }

    @Test
    @DisplayName("a session in use still ends at its maximum age; the idle expiry is never set past it")
    void maximumAge() {
        MovableClock clock = new MovableClock();
        Sessions sessions = new Sessions(fx.redis, Duration.ofHours(8), Duration.ofHours(24), clock);
        Sessions.Opened opened = await(sessions.open(user()));
        String key = fx.redis.keys().session(vestnik.gateway.config.ApiKey.hash(opened.token()));

        clock.now = clock.now.plus(Duration.ofHours(20));
        assertThat(await(sessions.find(opened.token()))).isPresent();
        long ttl = await(fx.redis.<Long>call(c -> c.pttl(key)));
        assertThat(ttl).isLessThanOrEqualTo(Duration.ofHours(4).toMillis()).isGreaterThan(Duration.ofHours(3).toMillis());

        clock.now = clock.now.plus(Duration.ofHours(4));
        assertThat(await(sessions.find(opened.token()))).isEmpty();
    }

    @Test
    @DisplayName("the login throttle counts failures per login name, case-insensitively, and forgets them on success")
    void throttle() {
        LoginThrottle throttle = new LoginThrottle(fx.redis, 3, Duration.ofMinutes(15), new MovableClock());
        for (int i = 0; i < 3; i++) {
            assertThat(await(throttle.blocked("Ivanova"))).isFalse();
            await(throttle.failed(i % 2 == 0 ? "ivanova" : "IVANOVA"));
        }
        assertThat(await(throttle.blocked("ivanova"))).isTrue();
        assertThat(await(throttle.blocked("petrova"))).isFalse();
        await(throttle.succeeded("ivanova"));
        assertThat(await(throttle.blocked("ivanova"))).isFalse();
    }
}
