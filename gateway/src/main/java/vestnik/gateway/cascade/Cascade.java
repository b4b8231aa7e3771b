package vestnik.gateway.cascade;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;

/** Where a message stands in its cascade: the job (its first step's id), its 0-based step, and the route. */
public record Cascade(String jobId, int step, List<RouteStep> route) {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS, false);

    public Cascade {
        route = List.copyOf(route);
    }

    public RouteStep current() {
        return route.get(step);
    }

    public boolean isLast() {
        return step + 1 >= route.size();
    }

    public Cascade next(String sameJob) {
        return new Cascade(sameJob, step + 1, route);
    }

    public String routeJson() {
        try {
            return JSON.writeValueAsString(route);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<RouteStep> parseRoute(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<RouteStep>>() { });
        } catch (Exception e) {
            throw new IllegalStateException("stored route unreadable", e);
        }
    }
}
