package vestnik.channels.smpp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SMPP account, read from the channel's YAML section, e.g.
 * {@code {type: smpp, host: 127.0.0.1, port: 2775, systemId: gw, password: secret, sourceAddr: VESTNIK}}.
 *
 * @param maxRate            submit_sm per second for the whole channel (all binds); the gateway's Redis limiter
 *                           enforces it across instances, the channel itself never sleeps to throttle
 * @param window             submit_sm in flight without a response, per bind
 * @param pduProcessorDegree threads per bind that process inbound PDUs (receipts, MO, responses); each receipt
 *                           holds one until it is stored, so one thread would serialise them
 * @param partRetries        how often a throttled part after the first is retried before the message fails
 * @param sourceTon          TON of {@code sourceAddr}: 5 (alphanumeric) for a name, 1 (international) for digits
 * @param inboundStoreTimeout how long a deliver_sm waits for the gateway to store it before the SMSC is asked to
 *                           deliver it again
 */
public record SmppConfig(
        String host,
        int port,
        String systemId,
        String password,
        String systemType,
        String serviceType,
        String sourceAddr,
        int sourceTon,
        int sourceNpi,
        int destTon,
        int destNpi,
        int binds,
        int window,
        int maxRate,
        int maxParts,
        int partRetries,
        int pduProcessorDegree,
        Duration enquireLinkInterval,
        Duration bindTimeout,
        Duration transactionTimeout,
        Duration reconnectMin,
        Duration reconnectMax,
        Duration throttleRetryAfter,
        Duration inboundStoreTimeout) {

    private static final Logger log = LoggerFactory.getLogger(SmppConfig.class);
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);

    /** The YAML shape: everything optional here, defaults and checks are applied in {@link #from}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Section(
            String host,
            Integer port,
            String systemId,
            String password,
            String systemType,
            String serviceType,
            String sourceAddr,
            Integer sourceTon,
            Integer sourceNpi,
            Integer destTon,
            Integer destNpi,
            Integer binds,
            Integer window,
            Integer maxRate,
            Integer maxParts,
            Integer partRetries,
            Integer pduProcessorDegree,
            JsonNode enquireLinkInterval,
            JsonNode bindTimeout,
            JsonNode transactionTimeout,
            JsonNode reconnectMin,
            JsonNode reconnectMax,
            JsonNode throttleRetryAfter,
            JsonNode inboundStoreTimeout) {
    }

    private static final Set<String> KNOWN_KEYS = Arrays.stream(Section.class.getRecordComponents())
            .map(c -> c.getName())
            .collect(Collectors.toUnmodifiableSet());

    /**
     * Reads and checks a channel section. Keys this record does not know (and {@code type}, which names the
     * factory) are tolerated; unknown ones are logged so that a misspelt optional key does not pass unnoticed.
     *
     * @throws IllegalArgumentException naming the key, e.g. {@code channels.sms.port must be 1..65535}
     */
    public static SmppConfig from(String channelId, JsonNode node) {
        String prefix = "channels." + channelId + ".";
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("channels." + channelId + " must be a map of SMPP settings");
        }
        Section s;
        try {
            s = MAPPER.convertValue(node, Section.class);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(prefix + keyOf(e) + " has the wrong type", e);
        }
        List<String> unknown = new ArrayList<>();
        node.fieldNames().forEachRemaining(k -> {
            if (!KNOWN_KEYS.contains(k) && !k.equals("type")) {
                unknown.add(k);
            }
        });
        if (!unknown.isEmpty()) {
            log.warn("channels.{}: unknown SMPP settings ignored: {}", channelId, unknown);
        }

        String host = required(prefix, "host", s.host());
        int port = range(prefix, "port", required(prefix, "port", s.port()), 1, 65535);
        String systemId = maxLength(prefix, "systemId", required(prefix, "systemId", s.systemId()), 15);
        if (s.password() == null) {
            throw new IllegalArgumentException(prefix + "password is missing");
        }
        String password = maxLength(prefix, "password", s.password(), 8);
        String systemType = maxLength(prefix, "systemType", orDefault(s.systemType(), ""), 12);
        String serviceType = maxLength(prefix, "serviceType", orDefault(s.serviceType(), ""), 5);
        String sourceAddr = required(prefix, "sourceAddr", s.sourceAddr()).trim();
        boolean numeric = SubmitSmMapper.isNumericAddress(sourceAddr);
        if (numeric) {
            sourceAddr = SubmitSmMapper.withoutPlus(sourceAddr);
        }
        int sourceTon = range(prefix, "sourceTon", orDefault(s.sourceTon(), numeric ? 1 : 5), 0, 6);
        int sourceNpi = npi(prefix, "sourceNpi", orDefault(s.sourceNpi(), numeric ? 1 : 0));
        maxLength(prefix, "sourceAddr", sourceAddr, sourceTon == 5 ? 11 : 20);
        int destTon = range(prefix, "destTon", orDefault(s.destTon(), 1), 0, 6);
        int destNpi = npi(prefix, "destNpi", orDefault(s.destNpi(), 1));
        int binds = range(prefix, "binds", orDefault(s.binds(), 1), 1, 64);
        int window = range(prefix, "window", orDefault(s.window(), 64), 1, 10_000);
        int maxRate = range(prefix, "maxRate", orDefault(s.maxRate(), 100), 1, 1_000_000);
        int maxParts = range(prefix, "maxParts", orDefault(s.maxParts(), 10), 1, 255);
        int partRetries = range(prefix, "partRetries", orDefault(s.partRetries(), 3), 0, 100);
        int degree = range(prefix, "pduProcessorDegree", orDefault(s.pduProcessorDegree(), 8), 1, 1024);
        Duration enquireLink = duration(prefix, "enquireLinkInterval", s.enquireLinkInterval(), Duration.ofSeconds(30));
        Duration bindTimeout = duration(prefix, "bindTimeout", s.bindTimeout(), Duration.ofSeconds(10));
        Duration transactionTimeout = duration(prefix, "transactionTimeout", s.transactionTimeout(),
                Duration.ofSeconds(10));
        Duration reconnectMin = duration(prefix, "reconnectMin", s.reconnectMin(), Duration.ofSeconds(1));
        Duration reconnectMax = duration(prefix, "reconnectMax", s.reconnectMax(), Duration.ofSeconds(30));
        if (reconnectMax.compareTo(reconnectMin) < 0) {
            throw new IllegalArgumentException(prefix + "reconnectMax must not be shorter than reconnectMin");
        }
        Duration throttleRetryAfter = duration(prefix, "throttleRetryAfter", s.throttleRetryAfter(),
                Duration.ofSeconds(1));
        Duration inboundStoreTimeout = duration(prefix, "inboundStoreTimeout", s.inboundStoreTimeout(),
                Duration.ofSeconds(10));
        return new SmppConfig(host, port, systemId, password, systemType, serviceType, sourceAddr, sourceTon,
                sourceNpi, destTon, destNpi, binds, window, maxRate, maxParts, partRetries, degree, enquireLink,
                bindTimeout, transactionTimeout, reconnectMin, reconnectMax, throttleRetryAfter, inboundStoreTimeout);
    }

    /** Most submits the channel may have in flight: one window per bind. */
    public int maxInFlight() {
        return binds * window;
    }

    @Override
    public String toString() {
        // the password never reaches a log through this record
        return "SmppConfig[host=" + host + ", port=" + port + ", systemId=" + systemId + ", sourceAddr=" + sourceAddr
                + ", binds=" + binds + ", window=" + window + ", maxRate=" + maxRate + "]";
    }

    private static String keyOf(IllegalArgumentException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            return jme.getPath().get(0).getFieldName();
        }
        return "?";
    }

    private static <T> T required(String prefix, String key, T value) {
        if (value == null || (value instanceof String str && str.isBlank())) {
            throw new IllegalArgumentException(prefix + key + " is missing");
        }
        return value;
    }

    private static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }

    private static int range(String prefix, String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(prefix + key + " must be " + min + ".." + max);
        }
        return value;
    }

    /** The NPI values SMPP v3.4 defines (5.2.6): 0, 1, 3, 4, 6, 8, 9, 10, 14, 18. */
    private static int npi(String prefix, String key, int value) {
        if (!Set.of(0, 1, 3, 4, 6, 8, 9, 10, 14, 18).contains(value)) {
            throw new IllegalArgumentException(prefix + key + " must be one of 0, 1, 3, 4, 6, 8, 9, 10, 14, 18");
        }
        return value;
    }

    private static String maxLength(String prefix, String key, String value, int max) {
        if (value.length() > max) {
            throw new IllegalArgumentException(prefix + key + " must be at most " + max + " characters");
        }
        return value;
    }

    /** Milliseconds as a number or digits, or an ISO-8601 duration such as {@code PT30S}. */
    private static Duration duration(String prefix, String key, JsonNode value, Duration fallback) {
        if (value == null || value.isNull()) {
            return fallback;
        }
        Duration d;
        if (value.isIntegralNumber()) {
            d = Duration.ofMillis(value.asLong());
        } else if (value.isTextual() && value.asText().trim().matches("\\d+")) {
            d = Duration.ofMillis(Long.parseLong(value.asText().trim()));
        } else if (value.isTextual()) {
            try {
                d = Duration.parse(value.asText().trim().toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        prefix + key + " must be milliseconds or an ISO-8601 duration such as PT30S");
            }
        } else {
            throw new IllegalArgumentException(
                    prefix + key + " must be milliseconds or an ISO-8601 duration such as PT30S");
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(prefix + key + " must be positive");
        }
        return d;
    }
}
