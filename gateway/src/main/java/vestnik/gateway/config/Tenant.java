package vestnik.gateway.config;

import java.util.List;
import java.util.Objects;
import vestnik.gateway.policy.TenantPolicy;
import vestnik.templates.lint.LintConfig;
import vestnik.templates.model.TenantProfile;
import vestnik.templates.preview.Tariff;

/**
 * A creditor (or agency) using the gateway; every message, key and contact belongs to exactly one.
 *
 * @param profile   the creditor name and contact phone that templates must carry and the renderer fills in
 * @param tariff    prices per SMS part, messenger message, e-mail and call minute, for template previews
 * @param lint      the publish checks' settings (SMS parts, forbidden phrases)
 * @param callbacks where and with which secret status changes are POSTed, or none
 * @param policy    the contact policy: the law's, or stricter ({@code policy:} of the tenant)
 */
public record Tenant(String id, String name, List<ApiKey> apiKeys, TenantProfile profile, Tariff tariff,
                     LintConfig lint, TenantCallbacks callbacks, TenantPolicy policy) {
    public Tenant {
        apiKeys = List.copyOf(apiKeys);
        profile = profile == null ? new TenantProfile(name, null) : profile;
        tariff = tariff == null ? Tariff.free() : tariff;
        lint = lint == null ? LintConfig.defaults() : lint;
        callbacks = callbacks == null ? TenantCallbacks.NONE : callbacks;
        policy = policy == null ? TenantPolicy.LEGAL : policy;
        Objects.requireNonNull(id, "id");
    }

    /** A tenant under the law's contact policy. */
    public Tenant(String id, String name, List<ApiKey> apiKeys, TenantProfile profile, Tariff tariff,
                  LintConfig lint, TenantCallbacks callbacks) {
        this(id, name, apiKeys, profile, tariff, lint, callbacks, null);
    }

    /** A tenant with default template settings, called back as given. */
    public Tenant(String id, String name, List<ApiKey> apiKeys, TenantCallbacks callbacks) {
        this(id, name, apiKeys, null, null, null, callbacks);
    }

    /** A tenant with the given template settings and no callbacks. */
    public Tenant(String id, String name, List<ApiKey> apiKeys, TenantProfile profile, Tariff tariff, LintConfig lint) {
        this(id, name, apiKeys, profile, tariff, lint, null);
    }

    /** A tenant with default settings: its name as the creditor, no phone, free tariff, default checks, no callbacks. */
    public Tenant(String id, String name, List<ApiKey> apiKeys) {
        this(id, name, apiKeys, null, null, null, null);
    }
}
