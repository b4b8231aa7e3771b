package vestnik.channels.max;

import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import vestnik.channels.common.ConfigSection;
import vestnik.channels.common.ConfigValues;

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
        String prefix = ConfigSection.prefix(id);
        Section s = ConfigSection.bind(id, yaml, Section.class, "a max channel");
        String token = ConfigValues.required(prefix + "token", s.token(), "the bot token from business.max.ru").trim();
        if (token.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(prefix + "token must not contain spaces");
        }
        String username = s.botUsername() == null ? null : s.botUsername().trim().replaceFirst("^@", "");
        if (username != null && !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException(prefix + "botUsername must be the bot's name as in https://max.ru/<name>");
        }
        if (s.webhookSecret() != null && !SECRET.matcher(s.webhookSecret()).matches()) {
            throw new IllegalArgumentException(prefix + "webhookSecret must be 5-256 characters of A-Z a-z 0-9 -");
        }
        double rate = requireNonNullElse(
                ConfigValues.perSecond(prefix + "rate", s.rate(), ConfigValues.ANY_FINITE, "messages per second"),
                DEFAULT_RATE);
        Double perChat = ConfigValues.perSecond(prefix + "perChatRate", s.perChatRate(), ConfigValues.ANY_FINITE,
                "messages per second");
        Duration timeout = s.requestTimeout() == null ? DEFAULT_REQUEST_TIMEOUT
                : duration(prefix + "requestTimeout", s.requestTimeout());
        int inFlight = ConfigValues.between(prefix + "maxInFlight", s.maxInFlight(), DEFAULT_MAX_IN_FLIGHT, 1, 1024);
        String baseUrl = s.baseUrl() == null || s.baseUrl().isBlank() ? DEFAULT_BASE_URL
                : ConfigValues.baseUrl(prefix + "baseUrl", s.baseUrl(), DEFAULT_BASE_URL);
        return new MaxConfig(token, username, s.webhookSecret(), baseUrl, rate, perChat, timeout, inFlight);
    }

    /** Accepts {@code 10s}, {@code 500ms}, {@code 1m} or ISO-8601 ({@code PT10S}), up to five minutes. */
    static Duration duration(String key, String text) {
        return ConfigValues.within(key, ConfigValues.duration(key, text, ChronoUnit.MINUTES, "10s or 500ms"),
                ConfigValues.ABOVE_ZERO, Duration.ofMinutes(5), "1ms and 5m");
    }

    /** The token never reaches a log or a {@code toString}. */
    @Override
    public String toString() {
        return "MaxConfig[botUsername=" + botUsername + ", baseUrl=" + baseUrl + ", rate=" + rate
                + ", perChatRate=" + perChatRate + ", requestTimeout=" + requestTimeout + ", maxInFlight=" + maxInFlight + "]";
    }
}
