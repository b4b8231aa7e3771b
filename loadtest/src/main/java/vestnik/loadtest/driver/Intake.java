package vestnik.loadtest.driver;

import io.vertx.core.Future;

/**
 * One way of handing jobs to the gateway. Single POSTs today; batch calls ({@code POST /v1/messages:batch}) and a
 * campaign upload join as further implementations, chosen by {@link IntakeMode}, once the gateway has them.
 */
interface Intake extends AutoCloseable {

    /** Pushes the plan's jobs (job {@code i} to {@link Destinations#phone(int)}), recording times in the timeline. */
    Future<IntakeResult> push(PushPlan plan, JobTimeline timeline);

    @Override
    void close();
}
