package vestnik.loadtest.driver;

import io.vertx.core.Future;

/**
 * One way of handing jobs to the gateway, chosen by {@link IntakeMode}: single POSTs ({@link SinglePosts}), batch
 * calls ({@link BatchPosts}) or one campaign upload ({@link CampaignUpload}).
 */
interface Intake extends AutoCloseable {

    /** Pushes the plan's jobs (job {@code i} to {@link Destinations#phone(int)}), recording times in the timeline. */
    Future<IntakeResult> push(PushPlan plan, JobTimeline timeline);

    @Override
    void close();
}
