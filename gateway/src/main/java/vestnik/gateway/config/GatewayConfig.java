package vestnik.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import vestnik.gateway.cascade.RouteStep;

/**
 * The whole configuration, typed. Channel sections stay as trees: each channel package reads its own
 * record from its section, so the gateway needs no knowledge of channel settings.
 */
public record GatewayConfig(
        String instanceId,
        HttpConfig http,
        RedisConfig redis,
        DispatchConfig dispatch,
        WebhooksConfig webhooks,
        Duration linkTokenTtl,
        List<Tenant> tenants,
        Map<String, JsonNode> channels,
        Map<String, List<RouteStep>> routes,
        CallbacksConfig callbacks,
        InboxConfig inbox,
        ConsoleConfig console) {

    public GatewayConfig(String instanceId, HttpConfig http, RedisConfig redis, DispatchConfig dispatch,
                         WebhooksConfig webhooks, Duration linkTokenTtl, List<Tenant> tenants,
                         Map<String, JsonNode> channels, Map<String, List<RouteStep>> routes, CallbacksConfig callbacks,
                         InboxConfig inbox) {
        this(instanceId, http, redis, dispatch, webhooks, linkTokenTtl, tenants, channels, routes, callbacks, inbox,
                ConsoleConfig.DEFAULTS);
    }

    public GatewayConfig(String instanceId, HttpConfig http, RedisConfig redis, DispatchConfig dispatch,
                         WebhooksConfig webhooks, Duration linkTokenTtl, List<Tenant> tenants,
                         Map<String, JsonNode> channels, Map<String, List<RouteStep>> routes, CallbacksConfig callbacks) {
        this(instanceId, http, redis, dispatch, webhooks, linkTokenTtl, tenants, channels, routes, callbacks,
                InboxConfig.DEFAULTS);
    }

    public GatewayConfig {
        inbox = inbox == null ? InboxConfig.DEFAULTS : inbox;
        console = console == null ? ConsoleConfig.DEFAULTS : console;
        tenants = List.copyOf(tenants);
        channels = Map.copyOf(channels);
        routes = Map.copyOf(routes);
        callbacks = callbacks == null ? CallbacksConfig.DEFAULTS : callbacks;
    }
}
