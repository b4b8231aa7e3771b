package vestnik.channels.telegram;

import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import vestnik.channels.common.ConfigSection;
import vestnik.channels.common.ConfigValues;

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
        String prefix = ConfigSection.prefix(id);
        Section s = ConfigSection.bind(id, yaml, Section.class, "a telegram channel");
        String token = ConfigValues.required(prefix + "token", s.token(), "the bot token from @BotFather").trim();
        if (!TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException(prefix + "token does not look like a Telegram bot token (<digits>:<secret>)");
        }
        String username = s.botUsername() == null ? null : s.botUsername().trim().replaceFirst("^@", "");
        if (username != null && !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException(prefix + "botUsername must be the bot's @username (letters, digits, '_')");
        }
        if (s.webhookSecret() != null && !SECRET.matcher(s.webhookSecret()).matches()) {
            throw new IllegalArgumentException(prefix + "webhookSecret must be 1-256 characters of A-Z a-z 0-9 _ -");
        }
        double rate = requireNonNullElse(
                ConfigValues.perSecond(prefix + "rate", s.rate(), ConfigValues.ANY_FINITE, "messages per second"),
                DEFAULT_RATE);
        double perChat = requireNonNullElse(ConfigValues.perSecond(prefix + "perChatRate", s.perChatRate(),
                ConfigValues.ANY_FINITE, "messages per second"), DEFAULT_PER_CHAT_RATE);
        Duration timeout = s.requestTimeout() == null ? DEFAULT_REQUEST_TIMEOUT
                : duration(prefix + "requestTimeout", s.requestTimeout());
        int inFlight = ConfigValues.between(prefix + "maxInFlight", s.maxInFlight(), DEFAULT_MAX_IN_FLIGHT, 1, 1024);
        String baseUrl = s.baseUrl() == null || s.baseUrl().isBlank() ? DEFAULT_BASE_URL
                : ConfigValues.baseUrl(prefix + "baseUrl", s.baseUrl(), DEFAULT_BASE_URL);
        return new TelegramConfig(token, username, s.webhookSecret(), baseUrl, rate, perChat, timeout, inFlight);
    }

    /** Accepts {@code 10s}, {@code 500ms}, {@code 1m} or ISO-8601 ({@code PT10S}), up to five minutes. */
    static Duration duration(String key, String text) {
        return ConfigValues.within(key, ConfigValues.duration(key, text, ChronoUnit.MINUTES, "10s or 500ms"),
                ConfigValues.ABOVE_ZERO, Duration.ofMinutes(5), "1ms and 5m");
    }

    /** The token never reaches a log or a {@code toString}. */
    @Override
    public String toString() {
        return "TelegramConfig[botUsername=" + botUsername + ", baseUrl=" + baseUrl + ", rate=" + rate
                + ", perChatRate=" + perChatRate + ", requestTimeout=" + requestTimeout + ", maxInFlight=" + maxInFlight + "]";
    }
}
