package vestnik.channels.voicehttp;

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
        String prefix = "channels." + id + ".";
        Section s = bind(prefix, yaml);
        if (s.apiKey() == null || s.apiKey().isBlank()) {
            throw new IllegalArgumentException(prefix + "apiKey is required (the application's API key)");
        }
        String source = s.sourceNumber() == null ? "" : s.sourceNumber().trim().replaceFirst("^\\+", "");
        if (!NUMBER.matcher(source).matches()) {
            throw new IllegalArgumentException(prefix + "sourceNumber is required: the account's number as digits "
                    + "with the country code, such as 74951234567");
        }
        String serviceId = s.serviceId() == null || s.serviceId().isBlank() ? null : s.serviceId().trim();
        if (serviceId != null && !SERVICE_ID.matcher(serviceId).matches()) {
            throw new IllegalArgumentException(prefix + "serviceId must be the id of a prepared voice message");
        }
        double rate = s.rate() == null ? DEFAULT_RATE : s.rate();
        if (!(rate > 0) || rate > 1000) {
            throw new IllegalArgumentException(prefix + "rate must be a positive number of calls per second");
        }
        int inFlight = s.maxInFlight() == null ? DEFAULT_MAX_IN_FLIGHT : s.maxInFlight();
        if (inFlight < 1 || inFlight > 1024) {
            throw new IllegalArgumentException(prefix + "maxInFlight must be between 1 and 1024");
        }
        return new VoiceHttpConfig(baseUrl(prefix + "baseUrl", s.baseUrl()), s.apiKey().trim(), source, serviceId,
                blankTo(s.voice(), null), blankTo(s.language(), "ru"), rate,
                timeout(prefix + "requestTimeout", s.requestTimeout()), inFlight);
    }

    private static Section bind(String prefix, JsonNode yaml) {
        if (yaml == null || !yaml.isObject()) {
            throw new IllegalArgumentException(prefix.substring(0, prefix.length() - 1) + " must be a map of keys");
        }
        try {
            return JsonHttp.MAPPER.convertValue(yaml, Section.class);
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof UnrecognizedPropertyException u) {
                throw new IllegalArgumentException(prefix + u.getPropertyName() + " is not a known key of a voice-http channel");
            }
            if (e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()) {
                String key = m.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                        .collect(Collectors.joining("."));
                throw new IllegalArgumentException(prefix + key + " has the wrong type");
            }
            throw new IllegalArgumentException(prefix.substring(0, prefix.length() - 1) + " must be a map of keys", e);
        }
    }

    private static String blankTo(String v, String fallback) {
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    /** {@code 10s}, {@code 500ms} or ISO-8601; between 1 ms and 1 minute. */
    private static Duration timeout(String key, String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_REQUEST_TIMEOUT;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        Duration d;
        try {
            if (t.startsWith("pt")) {
                d = Duration.parse(t.toUpperCase(Locale.ROOT));
            } else if (t.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
            } else if (t.endsWith("s")) {
                d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1).trim()));
            } else {
                d = Duration.ofSeconds(Long.parseLong(t));
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must be a duration such as 10s or 500ms");
        }
        if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException(key + " must be between 1ms and 1m");
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

    /** The API key never reaches a log or a {@code toString}. */
    @Override
    public String toString() {
        return "VoiceHttpConfig[baseUrl=" + baseUrl + ", sourceNumber=***"
                + sourceNumber.substring(sourceNumber.length() - 4) + ", serviceId=" + serviceId + ", voice=" + voice
                + ", language=" + language + ", rate=" + rate + ", requestTimeout=" + requestTimeout
                + ", maxInFlight=" + maxInFlight + "]";
    }
}
