package vestnik.gateway.config;

import java.util.List;

/** A creditor (or agency) using the gateway; every message, key and contact belongs to exactly one. */
public record Tenant(String id, String name, List<ApiKey> apiKeys) {
    public Tenant {
        apiKeys = List.copyOf(apiKeys);
    }
}
