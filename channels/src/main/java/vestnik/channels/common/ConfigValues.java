package vestnik.channels.common;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Checks of single values in a channel's config section, shared by the configs that write them the same
 * way. Every error starts with the key it names ({@code channels.<id>.<key>}). Each config still decides
 * which keys it has, their defaults and their bounds.
 */
public final class ConfigValues {

    /** For rates with no upper bound other than being finite. */
    public static final double ANY_FINITE = Double.MAX_VALUE;
    /** The least duration {@link #within} accepts where anything above zero goes. */
    public static final Duration ABOVE_ZERO = Duration.ofNanos(1);

    private ConfigValues() {
    }

    /**
     * A required text: absent or blank is {@code <key> is required (<what>)}.
     *
     * @param what what the key holds, for the error; null for none
     * @return the value as written (not trimmed)
     */
    public static String required(String key, String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " is required" + (what == null ? "" : " (" + what + ")"));
        }
        return value;
    }

    /**
     * A whole number within {@code [min, max]}; absent means {@code fallback}, which is checked too.
     *
     * @throws IllegalArgumentException {@code <key> must be between <min> and <max>}
     */
    public static int between(String key, Integer value, int fallback, int min, int max) {
        int v = value == null ? fallback : value;
        if (v < min || v > max) {
            throw new IllegalArgumentException(key + " must be between " + min + " and " + max);
        }
        return v;
    }

    /**
     * A rate: a number above zero and at most {@code max} ({@link #ANY_FINITE} for no bound but infinity).
     *
     * @param per what is counted, for the error: {@code messages per second}
     * @return the value, or null when absent so that the caller picks its default
     * @throws IllegalArgumentException {@code <key> must be a positive number of <per>}
     */
    public static Double perSecond(String key, Double value, double max, String per) {
        if (value != null && (!(value > 0) || value > max)) {
            throw new IllegalArgumentException(key + " must be a positive number of " + per);
        }
        return value;
    }

    /**
     * Reads a duration written as {@code 500ms}, {@code 10s}, a bare number of seconds, ISO-8601 ({@code PT10S})
     * and, where {@code largestSuffix} allows, {@code 2m} and {@code 1h}. Bounds are the caller's
     * ({@link #within}).
     *
     * @param largestSuffix {@link ChronoUnit#SECONDS}, {@link ChronoUnit#MINUTES} or {@link ChronoUnit#HOURS}
     * @param example       two durations for the error: {@code 10s or 500ms}
     * @throws IllegalArgumentException {@code <key> must be a duration such as <example>}
     */
    public static Duration duration(String key, String text, ChronoUnit largestSuffix, String example) {
        String t = trimmed(text).toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("pt")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(number(t, 2));
            }
            if (t.endsWith("s")) {
                return Duration.ofSeconds(number(t, 1));
            }
            if (t.endsWith("m") && largestSuffix.compareTo(ChronoUnit.MINUTES) >= 0) {
                return Duration.ofMinutes(number(t, 1));
            }
            if (t.endsWith("h") && largestSuffix.compareTo(ChronoUnit.HOURS) >= 0) {
                return Duration.ofHours(number(t, 1));
            }
            return Duration.ofSeconds(Long.parseLong(t));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must be a duration such as " + example);
        }
    }

    /**
     * Checks that {@code value} lies within {@code [min, max]}.
     *
     * @param range the bounds as the error words them: {@code 1ms and 5m}
     * @throws IllegalArgumentException {@code <key> must be between <range>}
     */
    public static Duration within(String key, Duration value, Duration min, Duration max, String range) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(key + " must be between " + range);
        }
        return value;
    }

    /**
     * The root of a provider's API: an http(s) URL with a host, trimmed, its trailing slash dropped so that
     * paths can be appended.
     *
     * @param value   not blank; absent values take the caller's default before this
     * @param example a URL for the error, usually the default
     * @throws IllegalArgumentException {@code <key> must be an http(s) URL such as <example>}
     */
    public static String baseUrl(String key, String value, String example) {
        String v = value.trim();
        try {
            URI uri = new URI(v);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                throw new IllegalArgumentException(key + " must be an http(s) URL such as " + example);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(key + " must be an http(s) URL such as " + example);
        }
        return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
    }

    /**
     * An http(s) URL with a host, as the Viber and WhatsApp configs check theirs: stripped, every trailing
     * slash dropped, the scheme in lower case, and no example in the error.
     *
     * @throws IllegalArgumentException {@code <key> is not a URL} or {@code <key> must be an http(s) URL}
     */
    public static String httpUrl(String key, String value) {
        String trimmed = value.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " is not a URL", e);
        }
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException(key + " must be an http(s) URL");
        }
        return trimmed;
    }

    private static long number(String t, int suffixLength) {
        return Long.parseLong(trimmed(t.substring(0, t.length() - suffixLength)));
    }

    /**
     * Without what either {@link String#trim} or {@link String#strip} drops at the ends: the configs used one
     * or the other, and a duration that any of them read must still read.
     */
    private static String trimmed(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && blank(s.charAt(start))) {
            start++;
        }
        while (end > start && blank(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean blank(char c) {
        return c <= ' ' || Character.isWhitespace(c);
    }
}
