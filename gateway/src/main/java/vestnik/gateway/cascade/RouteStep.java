package vestnik.gateway.cascade;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import vestnik.channels.spi.MessageStatus;

/**
 * One step of a cascade: the channel, the status that counts as success ({@code waitFor}, null: being
 * sent is enough), how long to wait for it before the next step ({@code timeout}), and the text this
 * step's channel carries (rendered at intake, as for any job).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RouteStep(String channel, MessageStatus waitFor, Duration timeout, String text) {

    public RouteStep withText(String t) {
        return new RouteStep(channel, waitFor, timeout, t);
    }

    /** Whether a step in {@code status} has reached what this step waits for. */
    public boolean reached(MessageStatus status) {
        MessageStatus goal = waitFor == null ? MessageStatus.SENT : waitFor;
        return switch (goal) {
            case DELIVERED -> status == MessageStatus.DELIVERED || status == MessageStatus.READ;
            case READ -> status == MessageStatus.READ;
            default -> status == MessageStatus.SENT || status == MessageStatus.DELIVERED || status == MessageStatus.READ;
        };
    }
}
