package vestnik.gateway.config;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import vestnik.channels.spi.MessageStatus;

/**
 * Where a tenant's status callbacks go and the secret they are signed with. {@code url} may be null
 * when the tenant only names URLs per job; {@code secret} is null only for a tenant without callbacks,
 * because unsigned callbacks are not offered. {@code statuses} are the statuses the tenant hears of (its
 * own URL's and its jobs' {@code callbackUrl}s alike); empty means every status.
 */
public record TenantCallbacks(String url, String secret, Set<MessageStatus> statuses) {

    public static final TenantCallbacks NONE = new TenantCallbacks(null, null);

    public TenantCallbacks {
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
    }

    public TenantCallbacks(String url, String secret) {
        this(url, secret, Set.of());
    }

    public boolean signed() {
        return secret != null;
    }

    /** The filter as the status-changing scripts read it ({@code ,delivered,failed,}), or null for every status. */
    public String luaFilter() {
        if (statuses.isEmpty()) {
            return null;
        }
        return statuses.stream().sorted().map(MessageStatus::wireName).collect(Collectors.joining(",", ",", ","));
    }

    @Override
    public String toString() {
        // the secret never reaches a log through a config dump
        return "TenantCallbacks[url=" + url + ", secret=" + (secret == null ? "none" : "***") + ", statuses="
                + (statuses.isEmpty() ? "all" : statuses) + "]";
    }
}
