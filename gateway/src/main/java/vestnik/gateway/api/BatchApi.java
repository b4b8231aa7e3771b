package vestnik.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import vestnik.gateway.campaign.JobIntake;
import vestnik.gateway.campaign.JobOutcome;
import vestnik.gateway.config.Role;

/**
 * {@code POST /v1/messages:batch}: up to {@value #MAX_JOBS} jobs, each as {@code POST /v1/messages} takes it,
 * answered job by job with HTTP 200 (one bad job does not fail the others).
 */
public final class BatchApi {

    public static final int MAX_JOBS = 1000;

    private final JobIntake intake;

    public BatchApi(JobIntake intake) {
        this.intake = intake;
    }

    public void create(RoutingContext ctx) {
        try {
            Principal p = Responses.principal(ctx, Role.UPSTREAM);
            JsonNode body = MessagesApi.readJson(ctx);
            JsonNode jobs = body.isObject() ? body.get("jobs") : body;
            if (jobs == null || !jobs.isArray()) {
                throw new ApiError(ErrorCode.VALIDATION_FAILED, "send {\"jobs\": [ ... ]} or a JSON array of jobs");
            }
            if (jobs.isEmpty()) {
                throw new ApiError(ErrorCode.VALIDATION_FAILED, "the batch has no jobs");
            }
            if (jobs.size() > MAX_JOBS) {
                throw new ApiError(ErrorCode.TOO_MANY_JOBS, "a batch holds at most " + MAX_JOBS + " jobs, this one has " + jobs.size());
            }
            List<JsonNode> list = new ArrayList<>(jobs.size());
            jobs.forEach(list::add);
            intake.accept(list, p.tenantId(), 0, null)
                    .onSuccess(outcomes -> {
                        JsonArray results = new JsonArray();
                        int accepted = 0;
                        for (JobOutcome o : outcomes) {
                            results.add(o.toJson());
                            if (o instanceof JobOutcome.Accepted) {
                                accepted++;
                            }
                        }
                        Responses.json(ctx, 200, new JsonObject().put("accepted", accepted)
                                .put("rejected", outcomes.size() - accepted).put("results", results));
                    })
                    .onFailure(t -> Responses.failure(ctx, t));
        } catch (RuntimeException e) {
            Responses.failure(ctx, e);
        }
    }
}
