package vestnik.gateway.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static vestnik.gateway.store.RedisFixture.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vestnik.channels.spi.ChannelType;
import vestnik.channels.spi.Recipient;
import vestnik.gateway.contacts.Contact;
import vestnik.gateway.contacts.ContactRepository;
import vestnik.gateway.store.MessageRecord;
import vestnik.gateway.store.RedisFixture;
import vestnik.gateway.store.Scripts;

/** Calls count toward the caps only when answered: the gate's slots of an unanswered call go back. */
class PolicyGateCallsTest {

    /** Wednesday 25 November 2026, 15:30 in Moscow. */
    private static final Instant NOW = Instant.parse("2026-11-25T12:30:00Z");
    private static final String PHONE = "+79160000020";

    @TempDir
    Path dir;
    RedisFixture fx;
    PolicyGate gate;

    @BeforeEach
    void start() throws Exception {
        fx = new RedisFixture(dir);
        Scripts scripts = new Scripts();
        ContactRepository contacts = new ContactRepository(fx.redis, scripts);
        await(contacts.put("demo", new Contact("ct-1", List.of(PHONE), List.of(), null, "Europe/Moscow", null,
                List.of(), NOW, Map.of())));
        gate = new PolicyGate(fx.redis, scripts, contacts, new ReferenceData(fx.vertx, fx.redis), Map.of(),
                new InteractionLedger(fx.redis), new Suppressions(fx.redis));
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    @DisplayName("an unanswered call gives its day slot back, so the day's one answered call can still be made; once only")
    void unansweredCallGivesItsSlotBack() {
        MessageRecord first = call("m-1");
        PolicyGate.Verdict v1 = await(gate.check(first, ChannelType.ARI, to(), NOW));
        assertThat(v1).isInstanceOf(PolicyGate.Verdict.Pass.class);
        PolicyGate.Slots slots = ((PolicyGate.Verdict.Pass) v1).slots();
        assertThat(slots.unanswered()).hasSize(3).noneMatch(k -> k.contains("call-attempt"));
        await(gate.awaitAnswer(first.id(), slots));

        Instant later = NOW.plus(Duration.ofHours(3));
        PolicyGate.Verdict capped = await(gate.check(call("m-2"), ChannelType.ARI, to(), later));
        assertThat(capped).isInstanceOf(PolicyGate.Verdict.Wait.class);
        assertThat(((PolicyGate.Verdict.Wait) capped).detail()).startsWith("deferred: daily_cap");

        await(gate.notAnswered(first.id()));
        await(gate.notAnswered(first.id()));

        PolicyGate.Verdict again = await(gate.check(call("m-2"), ChannelType.ARI, to(), later));
        assertThat(again).isInstanceOf(PolicyGate.Verdict.Pass.class);
        String dayKey = ((PolicyGate.Verdict.Pass) again).slots().keys().get(0);
        String day = await(fx.redis.call(r -> r.get(dayKey)));
        assertThat(day).isEqualTo("1");
        String attempts = ((PolicyGate.Verdict.Pass) again).slots().keys().stream()
                .filter(k -> k.contains("call-attempt")).findFirst().orElseThrow();
        String attemptsToday = await(fx.redis.call(r -> r.get(attempts)));
        assertThat(attemptsToday).isEqualTo("2");
    }

    private static Recipient to() {
        return new Recipient(PHONE, null, null, "ct-1");
    }

    private static MessageRecord call(String id) {
        return MessageRecord.fromHash(id, Map.of("t", "demo", "c", "robot", "ph", PHONE, "ci", "ct-1", "st", "sending",
                "ca", Long.toString(NOW.minusSeconds(60).toEpochMilli()),
                "ea", Long.toString(NOW.plus(Duration.ofDays(2)).toEpochMilli())));
    }
}
