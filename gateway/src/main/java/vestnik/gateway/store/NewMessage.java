package vestnik.gateway.store;

import java.time.Instant;
import vestnik.gateway.cascade.Cascade;

/**
 * A validated job, ready to be stored. {@code sendAt} is null for "now". Of {@code phone}, {@code email} and
 * {@code contactId} at least one is set; {@code payloadJson} is channel-specific content (a WhatsApp template);
 * {@code templateKey} and {@code templateVersion} name the template version the text was rendered from, or
 * are null for a text job; {@code cascade} places it in a cascade, or is null.
 * {@code callbackUrl} is where its status changes are POSTed (the job's own or the tenant's), null for none.
 * {@code jobZone} and {@code jobRegion} are the job's {@code to.timezone} and {@code to.region}: where the creditor
 * says the debtor lives, for the contact policy when the contact does not say; null when not given.
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
        String contactId,
        String email,
        String payloadJson,
        Priority priority,
        String templateKey,
        Integer templateVersion,
        Cascade cascade,
        String callbackUrl,
        String jobZone,
        String jobRegion) {

    /** Without the job's zone hints. */
    public NewMessage(String id, String tenantId, String externalId, String channelId, String phone, String text,
                      String sender, int segments, Instant createdAt, Instant sendAt, Instant expiresAt,
                      String metadataJson, String contactId, String email, String payloadJson, Priority priority,
                      String templateKey, Integer templateVersion, Cascade cascade, String callbackUrl) {
        this(id, tenantId, externalId, channelId, phone, text, sender, segments, createdAt, sendAt, expiresAt,
                metadataJson, contactId, email, payloadJson, priority, templateKey, templateVersion, cascade,
                callbackUrl, null, null);
    }

    /** A plain text message to a phone, with nothing else: what the store's tests build. */
    public NewMessage(String id, String tenantId, String externalId, String channelId, String phone, String text,
                      String sender, int segments, Instant createdAt, Instant sendAt, Instant expiresAt,
                      String metadataJson) {
        this(id, tenantId, externalId, channelId, phone, text, sender, segments, createdAt, sendAt, expiresAt,
                metadataJson, null, null, null, Priority.NORMAL, null, null, null, null);
    }

    /** A plain text message to a phone whose status changes go to {@code callbackUrl}. */
    public NewMessage(String id, String tenantId, String externalId, String channelId, String phone, String text,
                      String sender, int segments, Instant createdAt, Instant sendAt, Instant expiresAt,
                      String metadataJson, String callbackUrl) {
        this(id, tenantId, externalId, channelId, phone, text, sender, segments, createdAt, sendAt, expiresAt,
                metadataJson, null, null, null, Priority.NORMAL, null, null, null, callbackUrl);
    }

    public NewMessage withRecipient(String newPhone, String newEmail, String newContactId) {
        return new NewMessage(id, tenantId, externalId, channelId, newPhone, text, sender, segments, createdAt, sendAt,
                expiresAt, metadataJson, newContactId, newEmail, payloadJson, priority, templateKey, templateVersion,
                cascade, callbackUrl, jobZone, jobRegion);
    }
}
