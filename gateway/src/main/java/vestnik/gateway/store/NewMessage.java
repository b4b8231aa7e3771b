package vestnik.gateway.store;

import java.time.Instant;

/**
 * A validated job, ready to be stored. {@code sendAt} is null for "now"; {@code templateKey} and
 * {@code templateVersion} name the template version the text was rendered from, or are null for a text job.
 */
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
        String metadataJson,
        String templateKey,
        Integer templateVersion) {

    /** A job with its own text, not rendered from a template. */
    public NewMessage(String id, String tenantId, String externalId, String channelId, String phone, String text,
                      String sender, int segments, Instant createdAt, Instant sendAt, Instant expiresAt,
                      String metadataJson) {
        this(id, tenantId, externalId, channelId, phone, text, sender, segments, createdAt, sendAt, expiresAt,
                metadataJson, null, null);
    }
}
