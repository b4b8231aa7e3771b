package vestnik.channels.ari;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import vestnik.channels.common.ConfigSection;
import vestnik.channels.common.ConfigValues;

/**
 * One Asterisk robocall channel, read from its YAML section:
 * <pre>
 * ivr: { type: ari, baseUrl: http://asterisk.internal:8088/ari, username: gw, password: secret, app: ivr-gw,
 *        endpoint: "PJSIP/{phone}@trunk", callerIds: ["74951234567", "74951234568"], callerName: "ООО Демо",
 *        rate: 5, maxChannels: 30, ringTimeout: 30s,
 *        amd: {context: amd-then-ari}, operator: {context: operators, extension: s},
 *        ttsUrlTemplate: "sound:https://tts.local/say?text={text}", language: ru,
 *        menu: {"1": OPERATOR, "2": PAID, "3": REPEAT}, maxPlays: 2, menuTimeout: 5s,
 *        goodbye: ["sound:vestnik/thanks"], machineMessage: [],
 *        healthWindow: 50, minAnswerRate: 0.15, minSample: 20 }
 * </pre>
 * {@code rate} is calls per second (cps); it has this name because the gateway's limiter reads {@code rate}
 * from every channel section and holds it across instances. {@code maxChannels} is how many calls may be
 * up at once (lines in use); a send beyond it is refused as rate-limited, without a call.
 *
 * <p>{@code endpoint} names the number with {@code {phone}} (digits, no '+', as trunks usually want) or
 * {@code {e164}} (with '+'). {@code ttsUrlTemplate} turns a message's text into a media URI, {@code {text}}
 * being replaced by the URL-encoded text; without it only messages with an {@link IvrScript} that names its
 * media can be sent. {@code amd} names the dialplan that runs {@code AMD()} and returns the call to
 * {@code Stasis(<app>,amd=${AMDSTATUS})}; without it every answered call counts as a person.
 * {@code operator} is where the OPERATOR key sends the call. {@code machineMessage} is played to an
 * answering machine before hanging up; empty hangs up at once.
 *
 * @param healthWindow  how many of a caller id's latest calls its answer rate is measured over
 * @param minAnswerRate the floor under which a caller id leaves the rotation
 * @param minSample     how many calls a caller id must have made before it is judged
 * @param maxCallDuration a call still up after this long is hung up (or, when with an operator, checked)
 */
public record AriConfig(
        String baseUrl,
        String username,
        String password,
        String app,
        String endpoint,
        List<String> callerIds,
        String callerName,
        double rate,
        int maxChannels,
        Duration ringTimeout,
        Dialplan amd,
        Dialplan operator,
        List<String> machineMessage,
        String ttsUrlTemplate,
        String language,
        Map<String, MenuAction> menu,
        int maxPlays,
        Duration menuTimeout,
        List<String> goodbye,
        int healthWindow,
        double minAnswerRate,
        int minSample,
        Duration maxCallDuration,
        Duration requestTimeout,
        Duration reconnectMin,
        Duration reconnectMax) {

    public static final double DEFAULT_RATE = 5;
    public static final int DEFAULT_MAX_CHANNELS = 10;
    public static final Duration DEFAULT_RING_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_PLAYS = 2;
    public static final Duration DEFAULT_MENU_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_HEALTH_WINDOW = 50;
    public static final double DEFAULT_MIN_ANSWER_RATE = 0.15;
    public static final int DEFAULT_MIN_SAMPLE = 20;
    public static final Duration DEFAULT_MAX_CALL_DURATION = Duration.ofMinutes(10);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_RECONNECT_MIN = Duration.ofMillis(500);
    public static final Duration DEFAULT_RECONNECT_MAX = Duration.ofSeconds(30);

    private static final Pattern APP = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern CALLER_ID = Pattern.compile("\\+?\\d{3,15}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}(_[A-Z]{2})?");

    /** A dialplan place as written: {@code {context: x, extension: s, priority: 1}}. */
    record DialplanSection(String context, String extension, Integer priority) {
    }

    @JsonIgnoreProperties({"type"})
    record Section(String baseUrl, String username, String password, String app, String endpoint,
                   List<String> callerIds, String callerName, Double rate, Integer maxChannels, String ringTimeout,
                   DialplanSection amd, DialplanSection operator, List<String> machineMessage,
                   String ttsUrlTemplate, String language, Map<String, String> menu, Integer maxPlays,
                   String menuTimeout, List<String> goodbye, Integer healthWindow, Double minAnswerRate,
                   Integer minSample, String maxCallDuration, String requestTimeout, String reconnectMin,
                   String reconnectMax) {
    }

    /**
     * @throws IllegalArgumentException naming the key ({@code channels.<id>.<key>}) that is missing or wrong
     */
    public static AriConfig from(String id, JsonNode yaml) {
        String prefix = ConfigSection.prefix(id);
        if (yaml != null && yaml.has("cps")) {
            throw new IllegalArgumentException(prefix + "cps is written rate (calls per second), "
                    + "the key the gateway's limiter reads");
        }
        Section s = ConfigSection.bind(id, yaml, Section.class, "an ari channel");
        String baseUrl = baseUrl(prefix + "baseUrl", s.baseUrl());
        String username = required(prefix + "username", s.username(), "the ari.conf user");
        String password = required(prefix + "password", s.password(), "the ari.conf user's password");
        String app = required(prefix + "app", s.app(), "the Stasis application name");
        if (!APP.matcher(app).matches()) {
            throw new IllegalArgumentException(prefix + "app must be 1-64 characters of A-Z a-z 0-9 _ . -");
        }
        String endpoint = required(prefix + "endpoint", s.endpoint(), "such as PJSIP/{phone}@trunk");
        if (!endpoint.contains("{phone}") && !endpoint.contains("{e164}")) {
            throw new IllegalArgumentException(prefix + "endpoint must contain {phone} or {e164}, e.g. PJSIP/{phone}@trunk");
        }
        List<String> callerIds = callerIds(prefix + "callerIds", s.callerIds());

        double rate = ConfigValues.perSecond(prefix + "rate", s.rate() == null ? DEFAULT_RATE : s.rate(), 1000,
                "calls per second (at most 1000)");
        int maxChannels = ConfigValues.between(prefix + "maxChannels", s.maxChannels(), DEFAULT_MAX_CHANNELS, 1, 2000);
        Duration ring = duration(prefix + "ringTimeout", s.ringTimeout(), DEFAULT_RING_TIMEOUT,
                Duration.ofSeconds(5), Duration.ofMinutes(3));
        if (ring.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException(prefix + "ringTimeout is given to Asterisk in whole seconds");
        }

        String tts = s.ttsUrlTemplate() == null || s.ttsUrlTemplate().isBlank() ? null : s.ttsUrlTemplate().trim();
        if (tts != null && (!tts.contains("{text}") || !IvrScript.isMediaUri(tts.replace("{text}", "x")))) {
            throw new IllegalArgumentException(prefix + "ttsUrlTemplate must be a media URI with {text}, "
                    + "e.g. sound:https://tts.local/say?text={text}");
        }
        String language = s.language() == null ? "ru" : s.language().trim();
        if (!LANGUAGE.matcher(language).matches()) {
            throw new IllegalArgumentException(prefix + "language must be a sound language such as ru or en");
        }
        Dialplan operator = dialplan(prefix + "operator", s.operator());
        Map<String, MenuAction> menu = menu(prefix + "menu", s.menu());
        if (operator == null && menu.containsValue(MenuAction.OPERATOR)) {
            throw new IllegalArgumentException(prefix + "menu has OPERATOR but no operator dialplan is configured "
                    + "(operator: {context: ..., extension: ...})");
        }
        List<String> goodbye = media(prefix + "goodbye", s.goodbye());
        List<String> machineMessage = media(prefix + "machineMessage", s.machineMessage());

        int window = ConfigValues.between(prefix + "healthWindow", s.healthWindow(), DEFAULT_HEALTH_WINDOW, 1, 10_000);
        double floor = s.minAnswerRate() == null ? DEFAULT_MIN_ANSWER_RATE : s.minAnswerRate();
        if (!(floor >= 0 && floor <= 1)) {
            throw new IllegalArgumentException(prefix + "minAnswerRate must be a share between 0 and 1");
        }
        int minSample = ConfigValues.between(prefix + "minSample", s.minSample(), Math.min(DEFAULT_MIN_SAMPLE, window),
                1, window);

        Duration reconnectMin = duration(prefix + "reconnectMin", s.reconnectMin(), DEFAULT_RECONNECT_MIN,
                Duration.ofMillis(10), Duration.ofMinutes(1));
        Duration reconnectMax = duration(prefix + "reconnectMax", s.reconnectMax(), DEFAULT_RECONNECT_MAX,
                reconnectMin, Duration.ofMinutes(10));
        return new AriConfig(baseUrl, username, password, app, endpoint, callerIds,
                blankToNull(s.callerName()), rate, maxChannels, ring, dialplan(prefix + "amd", s.amd()), operator,
                machineMessage, tts, language, menu,
                ConfigValues.between(prefix + "maxPlays", s.maxPlays(), DEFAULT_MAX_PLAYS, 1, IvrScript.MAX_PLAYS),
                duration(prefix + "menuTimeout", s.menuTimeout(), DEFAULT_MENU_TIMEOUT, Duration.ofMillis(1), Duration.ofMinutes(1)),
                goodbye, window, floor, minSample,
                duration(prefix + "maxCallDuration", s.maxCallDuration(), DEFAULT_MAX_CALL_DURATION,
                        Duration.ofSeconds(1), Duration.ofHours(4)),
                duration(prefix + "requestTimeout", s.requestTimeout(), DEFAULT_REQUEST_TIMEOUT,
                        Duration.ofMillis(1), Duration.ofMinutes(1)),
                reconnectMin, reconnectMax);
    }

    /** The dial string for one number; {@code e164} is {@code +79161234567}. */
    public String endpointFor(String e164) {
        String digits = e164.startsWith("+") ? e164.substring(1) : e164;
        return endpoint.replace("{phone}", digits).replace("{e164}", "+" + digits);
    }

    private static String required(String key, String value, String what) {
        return ConfigValues.required(key, value, what).trim();
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static List<String> callerIds(String key, List<String> values) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException(key + " is required: the list of numbers calls are shown from");
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String v : values) {
            String n = v == null ? "" : v.trim();
            if (!CALLER_ID.matcher(n).matches()) {
                throw new IllegalArgumentException(key + " items must be phone numbers of digits, such as 74951234567");
            }
            if (!out.add(n)) {
                throw new IllegalArgumentException(key + " lists " + CallerIdPool.mask(n) + " twice");
            }
        }
        return List.copyOf(out);
    }

    private static Map<String, MenuAction> menu(String key, Map<String, String> raw) {
        if (raw == null) {
            return Map.of();
        }
        Map<String, MenuAction> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> out.put(k, IvrScript.action(key + "." + k, new TextNode(v == null ? "" : v))));
        try {
            return new IvrScript(null, out, null, null).menu();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage());
        }
    }

    private static List<String> media(String key, List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>(raw);
        try {
            IvrScript.checkMedia(key, out);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(key + " must be a list of ARI media URIs such as sound:vestnik/thanks");
        }
        return List.copyOf(out);
    }

    private static Dialplan dialplan(String key, DialplanSection s) {
        if (s == null) {
            return null;
        }
        if (s.context() == null || s.context().isBlank()) {
            throw new IllegalArgumentException(key + ".context is required");
        }
        int priority = s.priority() == null ? 1 : s.priority();
        if (priority < 1) {
            throw new IllegalArgumentException(key + ".priority starts at 1");
        }
        return new Dialplan(s.context().trim(), s.extension() == null ? "s" : s.extension().trim(), priority);
    }

    /** Accepts {@code 30s}, {@code 500ms}, {@code 10m}, {@code 1h}, a number of seconds, or ISO-8601 ({@code PT30S}). */
    static Duration duration(String key, String text, Duration fallback, Duration min, Duration max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        return ConfigValues.within(key, ConfigValues.duration(key, text, ChronoUnit.HOURS, "30s or 500ms"),
                min, max, min + " and " + max);
    }

    private static String baseUrl(String key, String value) {
        String example = "http://asterisk.internal:8088/ari";
        return ConfigValues.baseUrl(key, required(key, value, "such as " + example), example);
    }

    /** The password never reaches a log or a {@code toString}; caller ids show their last digits only. */
    @Override
    public String toString() {
        return "AriConfig[baseUrl=" + baseUrl + ", username=" + username + ", app=" + app + ", endpoint=" + endpoint
                + ", callerIds=" + callerIds.stream().map(CallerIdPool::mask).toList() + ", rate=" + rate
                + ", maxChannels=" + maxChannels + ", ringTimeout=" + ringTimeout + ", amd=" + amd
                + ", operator=" + operator + ", menu=" + menu + ", maxPlays=" + maxPlays + "]";
    }
}
