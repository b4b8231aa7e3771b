package vestnik.gateway.callbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vestnik.gateway.api.ApiError;
import vestnik.gateway.api.ErrorCode;
import vestnik.gateway.config.ApiKey;
import vestnik.gateway.config.Role;
import vestnik.gateway.config.Tenant;
import vestnik.gateway.config.TenantCallbacks;

class CallbackUrlsTest {

    @Test
    @DisplayName("http and https URLs with a host are callback targets; anything else is refused with a reason")
    void rule() {
        for (String good : List.of("https://crm.example.org/vestnik", "http://10.0.0.7:8080/cb?tenant=7",
                "HTTPS://CRM.EXAMPLE.ORG/x", "https://xn--e1afmkfd.xn--p1ai/callbacks")) {
            assertThat(CallbackUrls.problem(good)).as(good).isEmpty();
        }
        for (String bad : List.of("", "ftp://example.org/x", "mailto:ops@example.org", "/callbacks", "https:///nohost",
                "https://user:secret@example.org/cb", "https://exa mple.org/", "https://example.org/" + "a".repeat(2030))) {
            assertThat(CallbackUrls.problem(bad)).as(bad).isPresent();
        }
    }

    @Test
    @DisplayName("one bulkhead per scheme, host and port, whatever the path or case")
    void origin() {
        assertThat(CallbackUrls.origin("https://CRM.example.org/a?b=1")).isEqualTo("https://crm.example.org:443");
        assertThat(CallbackUrls.origin("http://crm.example.org/a")).isEqualTo("http://crm.example.org:80");
        assertThat(CallbackUrls.origin("http://127.0.0.1:9000/x")).isEqualTo("http://127.0.0.1:9000");
    }

    @Test
    @DisplayName("a job's callbackUrl wins over the tenant's; without a tenant secret it is refused, as is a bad URL")
    void targets() {
        Tenant signed = new Tenant("demo", "Demo", List.of(key("demo")), new TenantCallbacks("https://crm.example.org/cb", "s".repeat(16)));
        Tenant secretOnly = new Tenant("jobs", "Jobs", List.of(key("jobs")), new TenantCallbacks(null, "t".repeat(16)));
        Tenant none = new Tenant("quiet", "Quiet", List.of(key("quiet")));
        CallbackTargets targets = new CallbackTargets(List.of(signed, secretOnly, none));

        assertThat(targets.targetFor("demo", null)).isEqualTo("https://crm.example.org/cb");
        assertThat(targets.targetFor("demo", "https://other.example.org/x")).isEqualTo("https://other.example.org/x");
        assertThat(targets.targetFor("jobs", null)).isNull();
        assertThat(targets.targetFor("jobs", "https://other.example.org/x")).isEqualTo("https://other.example.org/x");
        assertThat(targets.targetFor("quiet", null)).isNull();
        assertThatThrownBy(() -> targets.targetFor("quiet", "https://other.example.org/x"))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CALLBACK_URL));
        assertThatThrownBy(() -> targets.targetFor("demo", "ftp://other.example.org/x"))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CALLBACK_URL));
        assertThat(targets.secretOf("demo")).contains("s".repeat(16));
        assertThat(targets.secretOf("quiet")).isEmpty();
        assertThat(targets.secretOf("removed-tenant")).isEmpty();
    }

    private static ApiKey key(String tenant) {
        return new ApiKey(tenant, ApiKey.hash(tenant + "-upstream-key"), java.util.Set.of(Role.UPSTREAM));
    }
}
