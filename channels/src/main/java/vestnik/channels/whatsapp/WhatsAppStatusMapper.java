package vestnik.channels.whatsapp;

import java.util.Optional;
import vestnik.channels.spi.MessageStatus;

/**
 * A Cloud API status webhook's {@code status} to ours. {@code deleted} and {@code warning} (legacy) and
 * anything Meta adds later are explicitly not ours to apply.
 */
public final class WhatsAppStatusMapper {

    private WhatsAppStatusMapper() {
    }

    public static Optional<MessageStatus> map(String status) {
        if (status == null) {
            return Optional.empty();
        }
        return switch (status) {
            case "sent" -> Optional.of(MessageStatus.SENT);
            case "delivered" -> Optional.of(MessageStatus.DELIVERED);
            case "read" -> Optional.of(MessageStatus.READ);
            case "failed" -> Optional.of(MessageStatus.FAILED);
            default -> Optional.empty();
        };
    }
}
