package vestnik.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The whole configuration, typed. Channel sections stay as trees: each channel package reads its own
 * record from its section, so the gateway needs no knowledge of channel settings.
 */
public record GatewayConfig(
        String instanceId,
        HttpConfig http,
        RedisConfig redis,
        DispatchConfig dispatch,
        List<Tenant> tenants,
        Map<String, JsonNode> channels,
        CallbacksConfig callbacks) {

    public GatewayConfig {
        tenants = List.copyOf(tenants);
        channels = Map.copyOf(channels);
        callbacks = callbacks == null ? CallbacksConfig.DEFAULTS : callbacks;
    }

    /** With the default callback delivery settings. */
    public GatewayConfig(String instanceId, HttpConfig http, RedisConfig redis, DispatchConfig dispatch,
                         List<Tenant> tenants, Map<String, JsonNode> channels) {
        this(instanceId, http, redis, dispatch, tenants, channels, CallbacksConfig.DEFAULTS);
    }
}
