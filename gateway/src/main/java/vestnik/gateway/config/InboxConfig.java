package vestnik.gateway.config;

import java.util.Map;

/**
 * The dialogue inbox. Inbound SMS and messenger messages name no tenant: when neither the message they
 * answer nor a contact tells whose debtor wrote, {@code channelTenants} says which tenant owns a channel's
 * unknown senders, and {@code defaultTenant} (else the first configured tenant) takes the rest. Read from a
 * gateway-level section because channel sections refuse keys they do not know. {@code streamPing}: how often the
 * event stream sends a comment (so proxies keep it open) and checks that a console user's session still holds.
 */
public record InboxConfig(Map<String, String> channelTenants, String defaultTenant, java.time.Duration streamPing) {

    /** How often the live stream is pinged (and a console session behind it checked) unless configured. */
    public static final java.time.Duration DEFAULT_STREAM_PING = java.time.Duration.ofSeconds(15);
    public static final InboxConfig DEFAULTS = new InboxConfig(Map.of(), null);

    public InboxConfig(Map<String, String> channelTenants, String defaultTenant) {
        this(channelTenants, defaultTenant, DEFAULT_STREAM_PING);
    }

    public InboxConfig {
        channelTenants = Map.copyOf(channelTenants);
        streamPing = streamPing == null ? DEFAULT_STREAM_PING : streamPing;
    }
}
