package vestnik.gateway.config;

import java.util.List;

/** A creditor (or agency) using the gateway; every message, key and contact belongs to exactly one. */
public record Tenant(String id, String name, List<ApiKey> apiKeys, TenantCallbacks callbacks) {
    public Tenant {
        apiKeys = List.copyOf(apiKeys);
        callbacks = callbacks == null ? TenantCallbacks.NONE : callbacks;
    }

    /** A tenant that is not called back. */
    public Tenant(String id, String name, List<ApiKey> apiKeys) {
        this(id, name, apiKeys, TenantCallbacks.NONE);
    }
}
