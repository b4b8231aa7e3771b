package vestnik.gateway.store;

import java.time.Instant;

/**
 * A validated job, ready to be stored. {@code sendAt} is null for "now"; {@code callbackUrl} is where
 * its status changes are POSTed (the job's own or the tenant's), null for none.
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
        String callbackUrl) {

    /** A message nobody is called back about. */
    public NewMessage(String id, String tenantId, String externalId, String channelId, String phone, String text,
                      String sender, int segments, Instant createdAt, Instant sendAt, Instant expiresAt,
                      String metadataJson) {
        this(id, tenantId, externalId, channelId, phone, text, sender, segments, createdAt, sendAt, expiresAt,
                metadataJson, null);
    }
}
