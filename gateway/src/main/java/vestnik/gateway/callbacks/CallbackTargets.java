package vestnik.gateway.callbacks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vestnik.gateway.api.ApiError;
import vestnik.gateway.api.ErrorCode;
import vestnik.gateway.config.Tenant;
import vestnik.gateway.config.TenantCallbacks;

/** Each tenant's callback settings: where a new message's status changes go, and the secret that signs them. */
public final class CallbackTargets {

    private final Map<String, TenantCallbacks> byTenant = new HashMap<>();

    public CallbackTargets(List<Tenant> tenants) {
        tenants.forEach(t -> byTenant.put(t.id(), t.callbacks()));
    }

    public static CallbackTargets none() {
        return new CallbackTargets(List.of());
    }

    /**
     * The job's own {@code callbackUrl} if it gives one, else the tenant's {@code callbacks.url}; null when
     * nobody is to be called back. A job URL is refused when it is not a usable URL or when the tenant has
     * no secret to sign with.
     */
    public String targetFor(String tenantId, String jobCallbackUrl) {
        TenantCallbacks tenant = byTenant.getOrDefault(tenantId, TenantCallbacks.NONE);
        if (jobCallbackUrl == null) {
            return tenant.url();
        }
        Optional<String> problem = CallbackUrls.problem(jobCallbackUrl);
        if (problem.isPresent()) {
            throw new ApiError(ErrorCode.INVALID_CALLBACK_URL, "callbackUrl " + problem.get());
        }
        if (!tenant.signed()) {
            throw new ApiError(ErrorCode.INVALID_CALLBACK_URL,
                    "callbackUrl needs a callbacks.secret in the tenant's configuration: callbacks are always signed");
        }
        return jobCallbackUrl;
    }

    /** The secret a tenant's callbacks are signed with; empty once the tenant's callbacks were removed. */
    public Optional<String> secretOf(String tenantId) {
        return Optional.ofNullable(byTenant.getOrDefault(tenantId, TenantCallbacks.NONE).secret());
    }
}
