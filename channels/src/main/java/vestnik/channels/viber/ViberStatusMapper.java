package vestnik.channels.viber;

import java.util.Optional;
import vestnik.channels.spi.MessageStatus;

/** Viber's receipt events to our statuses; every other event is explicitly not a receipt. */
public final class ViberStatusMapper {

    private ViberStatusMapper() {
    }

    public static Optional<MessageStatus> map(String event) {
        if (event == null) {
            return Optional.empty();
        }
        return switch (event) {
            case "delivered" -> Optional.of(MessageStatus.DELIVERED);
            case "seen" -> Optional.of(MessageStatus.READ);
            case "failed" -> Optional.of(MessageStatus.FAILED);
            default -> Optional.empty();
        };
    }
}
