package vestnik.gateway.config;

import java.util.List;

/** Where providers reach the gateway, and which channels' webhooks are registered at start-up. */
public record WebhooksConfig(String publicUrl, List<String> registerOnStart) {
    public WebhooksConfig {
        registerOnStart = List.copyOf(registerOnStart);
    }
}
