package vestnik.gateway.config;

import java.util.List;
import java.util.Objects;
import vestnik.templates.lint.LintConfig;
import vestnik.templates.model.TenantProfile;
import vestnik.templates.preview.Tariff;

/**
 * A creditor (or agency) using the gateway; every message, key and contact belongs to exactly one.
 *
 * @param profile the creditor name and contact phone that templates must carry and the renderer fills in
 * @param tariff  prices per SMS part, messenger message, e-mail and call minute, for template previews
 * @param lint    the publish checks' settings (SMS parts, forbidden phrases)
 */
public record Tenant(String id, String name, List<ApiKey> apiKeys, TenantProfile profile, Tariff tariff,
                     LintConfig lint) {
    public Tenant {
        apiKeys = List.copyOf(apiKeys);
        profile = profile == null ? new TenantProfile(name, null) : profile;
        tariff = tariff == null ? Tariff.free() : tariff;
        lint = lint == null ? LintConfig.defaults() : lint;
        Objects.requireNonNull(id, "id");
    }

    /** A tenant with the default template settings: its name as the creditor, no phone, free tariff, default checks. */
    public Tenant(String id, String name, List<ApiKey> apiKeys) {
        this(id, name, apiKeys, null, null, null);
    }
}
