package vestnik.channels.telegram;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vestnik.channels.common.JsonHttp;

/**
 * One Telegram bot account, read from its YAML section:
 * <pre>
 * tg: { type: telegram, token: "123:ABC", botUsername: vestnik_demo_bot, webhookSecret: s3cret,
 *       baseUrl: https://api.telegram.org, rate: 30, perChatRate: 1, requestTimeout: 10s, maxInFlight: 16 }
 * </pre>
 * {@code rate} (messages per second for the whole bot) and {@code perChatRate} (per chat) are Telegram's
 * own advice (Bot FAQ: about 30/s in bulk, about 1/s per chat); they are read by the gateway's limiter,
 * which holds them across instances — the channel itself never sleeps. {@code webhookSecret} may be left
 * out when the webhook is registered at run time; until then every webhook request is refused.
 *
 * @param botUsername    the bot's @username without '@', for {@code https://t.me/<bot>?start=<token>} links; may be null
 * @param requestTimeout how long one Bot API call may take before it counts as a transient failure
 */
public record TelegramConfig(
        String token,
        String botUsername,
        String webhookSecret,
        String baseUrl,
        double rate,
        double perChatRate,
        Duration requestTimeout,
        int maxInFlight) {

    public static final String DEFAULT_BASE_URL = "https://api.telegram.org";
    public static final double DEFAULT_RATE = 30;
    public static final double DEFAULT_PER_CHAT_RATE = 1;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_IN_FLIGHT = 16;

    private static final Pattern TOKEN = Pattern.compile("\\d+:[A-Za-z0-9_-]+");
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{3,31}");
    /** Telegram's rule for {@code secret_token}. */
    static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    /** The section as written; every field optional here so that validation can name what is missing. */
    @JsonIgnoreProperties({"type"})
    record Section(String token, String botUsername, String webhookSecret, String baseUrl, Double rate,
                   Double perChatRate, String requestTimeout, Integer maxInFlight) {
    }

    /**
     * @throws IllegalArgumentException naming the key ({@code channels.<id>.<key>}) that is missing or wrong
     */
    public static TelegramConfig from(String id, JsonNode yaml) {
        String prefix = "channels." + id + ".";
        Section s = bind(prefix, yaml);
        if (s.token() == null || s.token().isBlank()) {
            throw new IllegalArgumentException(prefix + "token is required (the bot token from @BotFather)");
        }
        if (!TOKEN.matcher(s.token().trim()).matches()) {
            throw new IllegalArgumentException(prefix + "token does not look like a Telegram bot token (<digits>:<secret>)");
        }
        String username = s.botUsername() == null ? null : s.botUsername().trim().replaceFirst("^@", "");
        if (username != null && !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException(prefix + "botUsername must be the bot's @username (letters, digits, '_')");
        }
        if (s.webhookSecret() != null && !SECRET.matcher(s.webhookSecret()).matches()) {
            throw new IllegalArgumentException(prefix + "webhookSecret must be 1-256 characters of A-Z a-z 0-9 _ -");
        }
        double rate = positive(prefix + "rate", s.rate(), DEFAULT_RATE);
        double perChat = positive(prefix + "perChatRate", s.perChatRate(), DEFAULT_PER_CHAT_RATE);
        Duration timeout = s.requestTimeout() == null ? DEFAULT_REQUEST_TIMEOUT
                : duration(prefix + "requestTimeout", s.requestTimeout());
        int inFlight = s.maxInFlight() == null ? DEFAULT_MAX_IN_FLIGHT : s.maxInFlight();
        if (inFlight < 1 || inFlight > 1024) {
            throw new IllegalArgumentException(prefix + "maxInFlight must be between 1 and 1024");
        }
        return new TelegramConfig(s.token().trim(), username, s.webhookSecret(),
                baseUrl(prefix + "baseUrl", s.baseUrl()), rate, perChat, timeout, inFlight);
    }

    private static Section bind(String prefix, JsonNode yaml) {
        try {
            return JsonHttp.MAPPER.convertValue(yaml, Section.class);
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof UnrecognizedPropertyException u) {
                throw new IllegalArgumentException(prefix + u.getPropertyName() + " is not a known key of a telegram channel");
            }
            if (e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()) {
                String key = m.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                        .collect(Collectors.joining("."));
                throw new IllegalArgumentException(prefix + key + " has the wrong type");
            }
            throw new IllegalArgumentException(prefix.substring(0, prefix.length() - 1) + " must be a map of keys", e);
        }
    }

    private static double positive(String key, Double value, double fallback) {
        if (value == null) {
            return fallback;
        }
        if (!(value > 0) || value.isInfinite()) {
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
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(key + " must be an http(s) URL such as " + DEFAULT_BASE_URL);
        }
        return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
    }

    /** The token never reaches a log or a {@code toString}. */
    @Override
    public String toString() {
        return "TelegramConfig[botUsername=" + botUsername + ", baseUrl=" + baseUrl + ", rate=" + rate
                + ", perChatRate=" + perChatRate + ", requestTimeout=" + requestTimeout + ", maxInFlight=" + maxInFlight + "]";
    }
}
