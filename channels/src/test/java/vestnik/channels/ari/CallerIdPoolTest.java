package vestnik.channels.ari;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vestnik.channels.ari.CallerIdPool.Pick;
import vestnik.channels.spi.CallResult;

class CallerIdPoolTest {

    private static final String A = "74951110001";
    private static final String B = "74951110002";
    private static final String C = "74951110003";

    private static CallerIdPool pool() {
        return new CallerIdPool("ivr", List.of(A, B, C), 4, 0.5, 2);
    }

    private static List<String> picks(CallerIdPool pool, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(pool.pick(null).callerId());
        }
        return out;
    }

    @Test
    @DisplayName("numbers are used in turn")
    void roundRobin() {
        assertThat(picks(pool(), 5)).containsExactly(A, B, C, A, B);
    }

    @Test
    @DisplayName("a number under the floor after the minimum sample is skipped; one sample alone never judges")
    void floor() {
        CallerIdPool pool = pool();
        pool.record(A, CallResult.NO_ANSWER);
        assertThat(pool.isHealthy(A)).as("one call is no sample").isTrue();
        pool.record(A, CallResult.REJECTED);

        assertThat(pool.isHealthy(A)).isFalse();
        assertThat(picks(pool, 4)).containsExactly(B, C, B, C);
        assertThat(pool.health()).extracting(CallerIdPool.CallerIdHealth::masked, CallerIdPool.CallerIdHealth::calls,
                        CallerIdPool.CallerIdHealth::healthy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("***0001", 2, false),
                        org.assertj.core.groups.Tuple.tuple("***0002", 0, true),
                        org.assertj.core.groups.Tuple.tuple("***0003", 0, true));
    }

    @Test
    @DisplayName("a machine counts as answered, busy as attempted, and a failed call not at all")
    void whatCounts() {
        CallerIdPool pool = pool();
        pool.record(A, CallResult.ANSWERING_MACHINE);
        pool.record(A, CallResult.BUSY);
        pool.record(A, CallResult.FAILED);
        pool.record(A, CallResult.FAILED);

        assertThat(pool.rate(A)).isEqualTo(0.5);
        assertThat(pool.isHealthy(A)).isTrue();
        assertThat(pool.health().get(0).calls()).isEqualTo(2);
    }

    @Test
    @DisplayName("only the last window calls count, so a number that recovers is back in rotation")
    void window() {
        CallerIdPool pool = pool();
        pool.record(A, CallResult.NO_ANSWER);
        pool.record(A, CallResult.NO_ANSWER);
        assertThat(pool.isHealthy(A)).isFalse();
        for (int i = 0; i < 3; i++) {
            pool.record(A, CallResult.ANSWERED_HUMAN);
        }

        assertThat(pool.rate(A)).isEqualTo(0.75);
        assertThat(pool.isHealthy(A)).isTrue();
    }

    @Test
    @DisplayName("when every number is unhealthy the best of them keeps calling, marked as a fallback")
    void allUnhealthy() {
        CallerIdPool pool = pool();
        for (String n : List.of(A, B, C)) {
            pool.record(n, CallResult.NO_ANSWER);
            pool.record(n, CallResult.NO_ANSWER);
        }
        pool.record(B, CallResult.ANSWERED_HUMAN);

        Pick pick = pool.pick(null);
        assertThat(pick).isEqualTo(new Pick(B, true));
        assertThat(pool.pick(null)).isEqualTo(new Pick(B, true));
    }

    @Test
    @DisplayName("a message's own sender is used when it is one of the pool's numbers, else rotation goes on")
    void preferred() {
        CallerIdPool pool = pool();
        assertThat(pool.pick(C)).isEqualTo(new Pick(C, false));
        assertThat(pool.pick("79990000000")).isEqualTo(new Pick(A, false));
    }

    @Test
    @DisplayName("reinstating gives a number a fresh history; masking keeps only the last four digits")
    void reinstateAndMask() {
        CallerIdPool pool = pool();
        pool.record(A, CallResult.NO_ANSWER);
        pool.record(A, CallResult.NO_ANSWER);

        assertThat(pool.reinstate(A)).isTrue();
        assertThat(pool.isHealthy(A)).isTrue();
        assertThat(pool.health().get(0).calls()).isZero();
        assertThat(pool.reinstate("70000000000")).isFalse();
        assertThat(CallerIdPool.mask("74951234567")).isEqualTo("***4567");
        assertThat(CallerIdPool.mask("123")).isEqualTo("***");
    }
}
