package vestnik.gateway.policy.numbering;

import java.io.IOException;

/** The test plan built from the three layout fixtures, for tests in other packages. */
public final class NumberingPlanFixtures {

    private NumberingPlanFixtures() {
    }

    public static NumberingPlan allThree() throws IOException {
        return NumberingPlanTest.allThree();
    }
}
