package vestnik.gateway.store;

import java.time.Instant;

/** A validated job, ready to be stored. {@code sendAt} is null for "now". */
public record NewMessage(
        String id,
        String tenantId,
        String externalId,
        String channelId,
        String phone,
        String text,
        String sender,
        int segments,
        Instant createdAt,
        Instant sendAt,
        Instant expiresAt,
        String metadataJson) {
}
