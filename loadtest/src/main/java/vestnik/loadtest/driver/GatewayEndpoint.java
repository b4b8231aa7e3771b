package vestnik.loadtest.driver;

import java.net.URI;

/** Where an intake sends its requests: the gateway's host and port, the API path under its base URL, the key. */
record GatewayEndpoint(String host, int port, String path, String authorization) {

    static GatewayEndpoint of(URI gateway, String apiKey, String apiPath) {
        String base = gateway.getPath() == null ? "" : gateway.getPath().replaceAll("/$", "");
        return new GatewayEndpoint(gateway.getHost(), gateway.getPort() > 0 ? gateway.getPort() : 80, base + apiPath,
                "Bearer " + apiKey);
    }
}
