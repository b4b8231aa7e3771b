package vestnik.gateway.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vestnik.gateway.store.RedisFixture.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vestnik.gateway.policy.PolicyConfigException;
import vestnik.gateway.policy.TenantPolicy;
import vestnik.gateway.store.RedisFixture;

/** R-EV-3: the ledger keeps a tenant's records for its retention, then deletes them. */
class InteractionLedgerRetentionTest {

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

    private static InteractionLedger.Entry entry(Instant at) {
        return new InteractionLedger.Entry(at, "12:00", "Europe/Moscow", "CONTACT", "allowed", null, "m1", "sms", "");
    }

    @Test
    @DisplayName("records older than the retention are cut as new ones come, and a debtor's ledger expires its retention after the newest")
    void expiresAndTrims() {
        String key = fx.redis.keys().ledger("demo", "c:retained");
        long now = System.currentTimeMillis();
        // two records "written" 600 and 500 days ago (stream ids are their time), one 10 days ago
        for (long daysAgo : new long[] {600, 500, 10}) {
            String id = (now - Duration.ofDays(daysAgo).toMillis()) + "-0";
            await(fx.redis.<String>call(c -> c.xadd(key, new io.lettuce.core.XAddArgs().id(id),
                    java.util.Map.of("d", "allowed"))));
        }
        InteractionLedger ledger = new InteractionLedger(fx.redis, t -> Duration.ofDays(548), Clock.systemUTC());
        await(ledger.append("demo", "c:retained", entry(Instant.now())));

        assertThat(await(fx.redis.<Long>call(c -> c.xlen(key)))).isEqualTo(3);
        String oldest = await(fx.redis.<java.util.List<io.lettuce.core.StreamMessage<String, String>>>call(c ->
                c.xrange(key, io.lettuce.core.Range.create("-", "+")))).get(0).getId();
        assertThat(Long.parseLong(oldest.substring(0, oldest.indexOf('-')))).isEqualTo(now - Duration.ofDays(500).toMillis());
        long ttl = await(fx.redis.<Long>call(c -> c.pttl(key)));
        assertThat(ttl).isGreaterThan(Duration.ofDays(547).toMillis()).isLessThanOrEqualTo(Duration.ofDays(548).toMillis());
    }

    @Test
    @DisplayName("ledgerRetention is 3 years unless set, and may not be shorter than 1.5 years")
    void config() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(TenantPolicy.LEGAL.ledgerRetention()).isEqualTo(Duration.ofDays(1095));
        assertThat(TenantPolicy.fromJson(json.readTree("{\"ledgerRetention\":\"P1825D\"}")).ledgerRetention())
                .isEqualTo(Duration.ofDays(1825));
        assertThatThrownBy(() -> TenantPolicy.fromJson(json.readTree("{\"ledgerRetention\":\"P365D\"}")))
                .isInstanceOf(PolicyConfigException.class).hasMessageContaining("548 days");
        assertThatThrownBy(() -> TenantPolicy.fromJson(json.readTree("{\"ledgerRetention\":\"3 years\"}")))
                .isInstanceOf(PolicyConfigException.class).hasMessageContaining("ISO-8601");
    }
}
