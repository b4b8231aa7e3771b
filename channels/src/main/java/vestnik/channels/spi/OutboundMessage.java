package vestnik.channels.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One rendered message, ready for a provider.
 *
 * @param messageId our id, for correlation and logs only: providers' ids come back in {@link SendResult.Accepted}
 * @param tenantId  the creditor on whose behalf it is sent
 * @param to        the resolved recipient
 * @param text      the final text (already rendered from a template if one was used)
 * @param sender    the sender name or number to show, or null for the channel's configured default
 * @param payload   channel-specific content, or null
 * @param expiresAt after this instant the message must not be sent (providers that take a validity period get it)
 * @param attempt   1 for the first try, counting retries
 * @param metadata  opaque caller data, never interpreted by a channel except where documented
 */
public record OutboundMessage(
        String messageId,
        String tenantId,
        Recipient to,
        String text,
        String sender,
        ChannelPayload payload,
        Instant expiresAt,
        int attempt,
        Map<String, String> metadata) {

    public OutboundMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(to, "to");
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
