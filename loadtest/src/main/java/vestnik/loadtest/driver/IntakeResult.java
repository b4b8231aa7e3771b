package vestnik.loadtest.driver;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the gateway answered to the pushed jobs: how many it accepted (202), the other HTTP statuses by count, and
 * requests that got no answer; {@code startNanos}/{@code endNanos} span the first request to the last answer.
 */
record IntakeResult(long accepted, Map<Integer, Long> otherStatuses, long transportErrors, long startNanos,
        long endNanos) {

    IntakeResult {
        otherStatuses = Map.copyOf(otherStatuses);
    }

    double seconds() {
        return (endNanos - startNanos) / 1e9;
    }

    double acceptedPerSecond() {
        double s = seconds();
        return s > 0 ? accepted / s : 0;
    }

    long refused() {
        return otherStatuses.values().stream().mapToLong(Long::longValue).sum();
    }

    JsonObject toJson() {
        JsonObject statuses = new JsonObject();
        new TreeMap<>(otherStatuses).forEach((status, n) -> statuses.put(Integer.toString(status), n));
        return new JsonObject().put("accepted", accepted).put("otherStatuses", statuses)
                .put("transportErrors", transportErrors).put("seconds", round(seconds()))
                .put("acceptedPerSecond", round(acceptedPerSecond()));
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
