package vestnik.gateway.config;

import java.util.Map;

/**
 * The dialogue inbox. Inbound SMS and messenger messages name no tenant: when neither the message they
 * answer nor a contact tells whose debtor wrote, {@code channelTenants} says which tenant owns a channel's
 * unknown senders, and {@code defaultTenant} (else the first configured tenant) takes the rest. Read from a
 * gateway-level section because channel sections refuse keys they do not know.
 */
public record InboxConfig(Map<String, String> channelTenants, String defaultTenant) {

    public static final InboxConfig DEFAULTS = new InboxConfig(Map.of(), null);

    public InboxConfig {
        channelTenants = Map.copyOf(channelTenants);
    }
}
