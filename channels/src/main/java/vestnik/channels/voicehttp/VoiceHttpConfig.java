package vestnik.channels.voicehttp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import vestnik.channels.common.ConfigSection;
import vestnik.channels.common.ConfigValues;

/**
 * One account of a cloud voice API shaped like MTS Exolve's (channel-contracts.md §6.2), read from its
 * YAML section:
 * <pre>
 * voice: { type: voice-http, baseUrl: https://api.exolve.ru, apiKey: "eyJ...", sourceNumber: "74951234567",
 *          serviceId: null, voice: marina, language: ru, rate: 5, requestTimeout: 10s, maxInFlight: 16 }
 * </pre>
 * With {@code serviceId} every call plays that prepared voice message (audio from the account's media
 * library); without it the message's text is spoken by the provider's TTS with {@code voice} and
 * {@code language}. {@code rate} is calls per second, applied by the gateway's limiter.
 */
public record VoiceHttpConfig(
        String baseUrl,
        String apiKey,
        String sourceNumber,
        String serviceId,
        String voice,
        String language,
        double rate,
        Duration requestTimeout,
        int maxInFlight) {

    public static final String DEFAULT_BASE_URL = "https://api.exolve.ru";
    public static final double DEFAULT_RATE = 5;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_IN_FLIGHT = 16;

    private static final Pattern NUMBER = Pattern.compile("\\d{10,15}");
    private static final Pattern SERVICE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    @JsonIgnoreProperties({"type"})
    record Section(String baseUrl, String apiKey, String sourceNumber, String serviceId, String voice,
                   String language, Double rate, String requestTimeout, Integer maxInFlight) {
    }

    /**
     * @throws IllegalArgumentException naming the key ({@code channels.<id>.<key>}) that is missing or wrong
     */
    public static VoiceHttpConfig from(String id, JsonNode yaml) {
        String prefix = ConfigSection.prefix(id);
        Section s = ConfigSection.bind(id, yaml, Section.class, "a voice-http channel");
        String apiKey = ConfigValues.required(prefix + "apiKey", s.apiKey(), "the application's API key").trim();
        String source = s.sourceNumber() == null ? "" : s.sourceNumber().trim().replaceFirst("^\\+", "");
        if (!NUMBER.matcher(source).matches()) {
            throw new IllegalArgumentException(prefix + "sourceNumber is required: the account's number as digits "
                    + "with the country code, such as 74951234567");
        }
        String serviceId = s.serviceId() == null || s.serviceId().isBlank() ? null : s.serviceId().trim();
        if (serviceId != null && !SERVICE_ID.matcher(serviceId).matches()) {
            throw new IllegalArgumentException(prefix + "serviceId must be the id of a prepared voice message");
        }
        double rate = ConfigValues.perSecond(prefix + "rate", s.rate() == null ? DEFAULT_RATE : s.rate(), 1000,
                "calls per second");
        int inFlight = ConfigValues.between(prefix + "maxInFlight", s.maxInFlight(), DEFAULT_MAX_IN_FLIGHT, 1, 1024);
        String baseUrl = s.baseUrl() == null || s.baseUrl().isBlank() ? DEFAULT_BASE_URL
                : ConfigValues.baseUrl(prefix + "baseUrl", s.baseUrl(), DEFAULT_BASE_URL);
        return new VoiceHttpConfig(baseUrl, apiKey, source, serviceId, blankTo(s.voice(), null),
                blankTo(s.language(), "ru"), rate, timeout(prefix + "requestTimeout", s.requestTimeout()), inFlight);
    }

    private static String blankTo(String v, String fallback) {
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    /** {@code 10s}, {@code 500ms} or ISO-8601; between 1 ms and 1 minute. */
    private static Duration timeout(String key, String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_REQUEST_TIMEOUT;
        }
        return ConfigValues.within(key, ConfigValues.duration(key, text, ChronoUnit.SECONDS, "10s or 500ms"),
                ConfigValues.ABOVE_ZERO, Duration.ofMinutes(1), "1ms and 1m");
    }

    /** The API key never reaches a log or a {@code toString}. */
    @Override
    public String toString() {
        return "VoiceHttpConfig[baseUrl=" + baseUrl + ", sourceNumber=***"
                + sourceNumber.substring(sourceNumber.length() - 4) + ", serviceId=" + serviceId + ", voice=" + voice
                + ", language=" + language + ", rate=" + rate + ", requestTimeout=" + requestTimeout
                + ", maxInFlight=" + maxInFlight + "]";
    }
}
