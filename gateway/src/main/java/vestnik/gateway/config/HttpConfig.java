package vestnik.gateway.config;

public record HttpConfig(String host, int port, int maxBodyBytes) {
}
