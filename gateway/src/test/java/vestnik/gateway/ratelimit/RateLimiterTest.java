package vestnik.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static vestnik.gateway.store.RedisFixture.await;

import io.vertx.core.Context;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vestnik.gateway.store.RedisFixture;
import vestnik.gateway.store.Scripts;

class RateLimiterTest {

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

    @Test
    @DisplayName("sends asking for tokens together are answered in one Redis call, each paced as if it had asked alone")
    void requestsTogether() throws Exception {
        RateLimiter limiter = new RateLimiter(fx.vertx, fx.redis, new Scripts(), fx.redis.keys(), "together", 100);
        long callsBefore = evalshaCalls();
        Context context = fx.vertx.getOrCreateContext();
        CompletableFuture<List<Long>> doneAt = new CompletableFuture<>();
        long start = System.nanoTime();
        context.runOnContext(v -> {
            // 100 a second with a burst of 10: the first ten at once, then one every 10 ms
            List<Future<Long>> each = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                each.add(limiter.acquire(1).map(x -> TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)));
            }
            Future.all(each).onSuccess(all -> doneAt.complete(each.stream().map(Future::result).toList()))
                    .onFailure(doneAt::completeExceptionally);
        });

        List<Long> at = doneAt.get(10, TimeUnit.SECONDS);
        assertThat(evalshaCalls() - callsBefore).isEqualTo(1);
        // every wait starts from the one answer, so the spacing is the bucket's, whatever the machine's load
        for (int i = 10; i < 30; i++) {
            assertThat(at.get(i) - at.get(9)).as("send %d", i).isGreaterThanOrEqualTo((i - 9) * 10L - 2);
        }
    }

    private static long evalshaCalls() {
        String info = await(fx.redis.call(c -> c.info("commandstats")));
        for (String line : info.split("\\r?\\n")) {
            if (line.startsWith("cmdstat_evalsha:")) {
                return Long.parseLong(line.substring(line.indexOf("calls=") + 6, line.indexOf(',')));
            }
        }
        return 0;
    }
}
