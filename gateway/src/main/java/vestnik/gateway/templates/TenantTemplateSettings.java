package vestnik.gateway.templates;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import vestnik.gateway.config.Tenant;
import vestnik.templates.lint.LintContext;
import vestnik.templates.model.TenantProfile;
import vestnik.templates.preview.Tariff;

/** Each tenant's template settings from the configuration: who it is, what it pays, how strictly it checks. */
public final class TenantTemplateSettings {

    private final Map<String, Tenant> tenants;

    public TenantTemplateSettings(List<Tenant> tenants) {
        this.tenants = tenants.stream().collect(Collectors.toUnmodifiableMap(Tenant::id, Function.identity()));
    }

    public TenantProfile profile(String tenantId) {
        return tenant(tenantId).profile();
    }

    public Tariff tariff(String tenantId) {
        return tenant(tenantId).tariff();
    }

    public LintContext lintContext(String tenantId) {
        Tenant t = tenant(tenantId);
        return new LintContext(t.profile(), t.lint());
    }

    private Tenant tenant(String tenantId) {
        Tenant t = tenants.get(tenantId);
        if (t == null) {
            // a principal always belongs to a configured tenant; anything else is a wiring mistake
            throw new IllegalStateException("tenant '" + tenantId + "' is not configured");
        }
        return t;
    }
}
