package vestnik.channels.max;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vestnik.channels.common.JsonHttp;

/**
 * One MAX bot account, read from its YAML section:
 * <pre>
 * mx: { type: max, token: "tok", webhookSecret: s3cret, baseUrl: https://platform-api.max.ru,
 *       botUsername: vestnik_bot, rate: 30, requestTimeout: 10s, maxInFlight: 16 }
 * </pre>
 * {@code rate} is MAX's documented ~30 requests per second for the bot; MAX documents no per-chat limit,
 * so {@code perChatRate} is null unless configured. Both are read by the gateway's limiter, which holds them
 * across instances. MAX now asks bots to move to {@code platform-api2.max.ru}; that is a {@code baseUrl}
 * change. {@code webhookSecret} may be left out when the subscription is made at run time; until then
 * every webhook request is refused.
 *
 * @param botUsername for {@code https://max.ru/<bot>?start=<token>} links; read from {@code GET /me} when absent
 * @param perChatRate messages per second to one chat, or null for no per-chat limit
 */
public record MaxConfig(
        String token,
        String botUsername,
        String webhookSecret,
        String baseUrl,
        double rate,
        Double perChatRate,
        Duration requestTimeout,
        int maxInFlight) {

    public static final String DEFAULT_BASE_URL = "https://platform-api.max.ru";
    public static final double DEFAULT_RATE = 30;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_IN_FLIGHT = 16;

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.]{2,64}");
    /** MAX's rule for the subscription {@code secret}. */
    static final Pattern SECRET = Pattern.compile("[A-Za-z0-9-]{5,256}");

    /** The section as written; every field optional here so that validation can name what is missing. */
    @JsonIgnoreProperties({"type"})
    record Section(String token, String botUsername, String webhookSecret, String baseUrl, Double rate,
                   Double perChatRate, String requestTimeout, Integer maxInFlight) {
    }

    /**
     * @throws IllegalArgumentException naming the key ({@code channels.<id>.<key>}) that is missing or wrong
     */
    public static MaxConfig from(String id, JsonNode yaml) {
        String prefix = "channels." + id + ".";
        Section s = bind(prefix, yaml);
        if (s.token() == null || s.token().isBlank()) {
            throw new IllegalArgumentException(prefix + "token is required (the bot token from business.max.ru)");
        }
        if (s.token().trim().chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(prefix + "token must not contain spaces");
        }
        String username = s.botUsername() == null ? null : s.botUsername().trim().replaceFirst("^@", "");
        if (username != null && !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException(prefix + "botUsername must be the bot's name as in https://max.ru/<name>");
        }
        if (s.webhookSecret() != null && !SECRET.matcher(s.webhookSecret()).matches()) {
            throw new IllegalArgumentException(prefix + "webhookSecret must be 5-256 characters of A-Z a-z 0-9 -");
        }
        double rate = s.rate() == null ? DEFAULT_RATE : positive(prefix + "rate", s.rate());
        Double perChat = s.perChatRate() == null ? null : positive(prefix + "perChatRate", s.perChatRate());
        Duration timeout = s.requestTimeout() == null ? DEFAULT_REQUEST_TIMEOUT
                : duration(prefix + "requestTimeout", s.requestTimeout());
        int inFlight = s.maxInFlight() == null ? DEFAULT_MAX_IN_FLIGHT : s.maxInFlight();
        if (inFlight < 1 || inFlight > 1024) {
            throw new IllegalArgumentException(prefix + "maxInFlight must be between 1 and 1024");
        }
        return new MaxConfig(s.token().trim(), username, s.webhookSecret(), baseUrl(prefix + "baseUrl", s.baseUrl()),
                rate, perChat, timeout, inFlight);
    }

    private static Section bind(String prefix, JsonNode yaml) {
        try {
            return JsonHttp.MAPPER.convertValue(yaml, Section.class);
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof UnrecognizedPropertyException u) {
                throw new IllegalArgumentException(prefix + u.getPropertyName() + " is not a known key of a max channel");
            }
            if (e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()) {
                String key = m.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                        .collect(Collectors.joining("."));
                throw new IllegalArgumentException(prefix + key + " has the wrong type");
            }
            throw new IllegalArgumentException(prefix.substring(0, prefix.length() - 1) + " must be a map of keys", e);
        }
    }

    private static double positive(String key, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(key + " must be a positive number of messages per second");
        }
        return value;
    }

    /** Accepts {@code 10s}, {@code 500ms}, {@code 1m} or ISO-8601 ({@code PT10S}). */
    static Duration duration(String key, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Duration d;
        try {
            if (t.startsWith("pt")) {
                d = Duration.parse(t.toUpperCase(Locale.ROOT));
            } else if (t.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
            } else if (t.endsWith("s")) {
                d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1).trim()));
            } else if (t.endsWith("m")) {
                d = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1).trim()));
            } else {
                d = Duration.ofSeconds(Long.parseLong(t));
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must be a duration such as 10s or 500ms");
        }
        if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException(key + " must be between 1ms and 5m");
        }
        return d;
    }

    private static String baseUrl(String key, String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_BASE_URL;
        }
        String v = value.trim();
        try {
            URI uri = new URI(v);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                throw new IllegalArgumentException(key + " must be an http(s) URL such as " + DEFAULT_BASE_URL);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(key + " must be an http(s) URL such as " + DEFAULT_BASE_URL);
        }
        return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
    }

    /** The token never reaches a log or a {@code toString}. */
    @Override
    public String toString() {
        return "MaxConfig[botUsername=" + botUsername + ", baseUrl=" + baseUrl + ", rate=" + rate
                + ", perChatRate=" + perChatRate + ", requestTimeout=" + requestTimeout + ", maxInFlight=" + maxInFlight + "]";
    }
}
