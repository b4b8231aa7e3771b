package vestnik.gateway.callbacks;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** The one rule for callback URLs, in tenant config and in jobs alike. */
public final class CallbackUrls {

    public static final int MAX_LENGTH = 2048;

    private CallbackUrls() {
    }

    /**
     * What is wrong with a URL as a callback target, phrased to follow its name ("callbackUrl must ..."),
     * or empty when it is usable: absolute {@code http} or {@code https} with a host, at most
     * {@value #MAX_LENGTH} characters, without credentials (they would sit in Redis with every message;
     * callbacks are authenticated by their signature instead).
     */
    public static Optional<String> problem(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("must not be empty");
        }
        if (url.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry credentials; callbacks are signed with the tenant's secret");
        }
        return Optional.empty();
    }

    /** {@code scheme://host:port}: what one bulkhead guards, so one slow upstream never holds up another. */
    public static String origin(String url) {
        URI uri = URI.create(url);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }
}
