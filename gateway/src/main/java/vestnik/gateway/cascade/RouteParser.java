package vestnik.gateway.cascade;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import vestnik.channels.spi.MessageStatus;
import vestnik.gateway.api.ApiError;
import vestnik.gateway.api.ErrorCode;

/**
 * Reads a job's {@code route}: a list of steps {@code [{"channel","waitFor"?,"timeout"?}, …]} or the name
 * of a route from the configuration. Every step but the last may wait for {@code sent}, {@code delivered}
 * or {@code read} within a timeout; a failure, an opt-out or a missing link moves on at once.
 */
public final class RouteParser {

    private static final Set<String> STEP_FIELDS = Set.of("channel", "waitFor", "timeout");
    private static final int MAX_STEPS = 5;

    private RouteParser() {
    }

    public static List<RouteStep> parse(JsonNode route, Map<String, List<RouteStep>> named, Predicate<String> channelExists) {
        if (route.isTextual()) {
            List<RouteStep> steps = named.get(route.asText());
            if (steps == null) {
                throw new ApiError(ErrorCode.UNKNOWN_ROUTE, "no route named '" + route.asText() + "' in the configuration");
            }
            return steps;
        }
        if (!route.isArray() || route.isEmpty() || route.size() > MAX_STEPS) {
            throw new ApiError(ErrorCode.INVALID_ROUTE, "route must be a route name or a list of 1-" + MAX_STEPS + " steps");
        }
        List<RouteStep> steps = new ArrayList<>();
        for (int i = 0; i < route.size(); i++) {
            steps.add(step(route.get(i), "route[" + i + "]", channelExists, ApiError::new));
        }
        return steps;
    }

    /** One step; {@code errors} makes the exception (an ApiError for jobs, a configuration error at start-up). */
    public static RouteStep step(JsonNode n, String where, Predicate<String> channelExists,
                                 java.util.function.BiFunction<ErrorCode, String, RuntimeException> errors) {
        if (n == null || !n.isObject()) {
            throw errors.apply(ErrorCode.INVALID_ROUTE, where + " must be an object {\"channel\",\"waitFor\"?,\"timeout\"?}");
        }
        n.fieldNames().forEachRemaining(f -> {
            if (!STEP_FIELDS.contains(f)) {
                throw errors.apply(ErrorCode.INVALID_ROUTE, where + " has unknown field '" + f + "'");
            }
        });
        String channel = n.path("channel").asText("");
        if (!channelExists.test(channel)) {
            throw errors.apply(ErrorCode.UNKNOWN_CHANNEL, where + ".channel '" + channel + "' is not configured on this gateway");
        }
        MessageStatus waitFor = null;
        if (n.hasNonNull("waitFor")) {
            waitFor = MessageStatus.fromWireName(n.get("waitFor").asText())
                    .filter(s -> s == MessageStatus.SENT || s == MessageStatus.DELIVERED || s == MessageStatus.READ)
                    .orElseThrow(() -> errors.apply(ErrorCode.INVALID_ROUTE, where + ".waitFor must be sent, delivered or read"));
        }
        Duration timeout = null;
        if (n.hasNonNull("timeout")) {
            try {
                timeout = Duration.parse(n.get("timeout").asText());
            } catch (DateTimeParseException e) {
                throw errors.apply(ErrorCode.INVALID_ROUTE, where + ".timeout must be an ISO-8601 duration such as PT10M");
            }
            if (timeout.isNegative() || timeout.isZero() || waitFor == null) {
                throw errors.apply(ErrorCode.INVALID_ROUTE, where + ".timeout must be positive and goes with waitFor");
            }
        }
        return new RouteStep(channel, waitFor, timeout, null);
    }
}
