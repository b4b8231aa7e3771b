package vestnik.gateway.config;

/**
 * Where a tenant's status callbacks go and the secret they are signed with. {@code url} may be null
 * when the tenant only names URLs per job; {@code secret} is null only for a tenant without callbacks,
 * because unsigned callbacks are not offered.
 */
public record TenantCallbacks(String url, String secret) {

    public static final TenantCallbacks NONE = new TenantCallbacks(null, null);

    public boolean signed() {
        return secret != null;
    }

    @Override
    public String toString() {
        // the secret never reaches a log through a config dump
        return "TenantCallbacks[url=" + url + ", secret=" + (secret == null ? "none" : "***") + "]";
    }
}
