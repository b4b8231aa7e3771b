package vestnik.templates.lint;

import java.util.Objects;
import vestnik.templates.model.TenantProfile;

/** What the publish checks need besides the template: the tenant's identification and its settings. */
public record LintContext(TenantProfile tenant, LintConfig config) {

    public LintContext {
        tenant = tenant == null ? TenantProfile.unknown() : tenant;
        Objects.requireNonNull(config, "config");
    }

    public static LintContext of(TenantProfile tenant) {
        return new LintContext(tenant, LintConfig.defaults());
    }
}
