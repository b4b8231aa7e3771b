package vestnik.templates.render;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import vestnik.templates.model.VariableType;

/**
 * Turns JSON-ish input (strings, numbers, as Jackson gives them) into the typed value a template prints.
 * Strict: anything that does not clearly fit the declared type is refused with a reason, never guessed.
 */
public final class ValueConverter {

    private static final Pattern MONEY_SPACES = Pattern.compile("[\\s\\u00A0\\u202F\\u2009]");
    private static final Pattern MONEY_TEXT = Pattern.compile("\\d+(\\.\\d{1,2})?");
    private static final Pattern INTEGER_TEXT = Pattern.compile("[-+]?\\d+");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern RU_DATE = Pattern.compile("\\d{2}\\.\\d{2}\\.\\d{4}");
    private static final DateTimeFormatter RU_DATE_FORMAT =
            DateTimeFormatter.ofPattern("dd.MM.uuuu", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    private ValueConverter() {
    }

    /**
     * The typed value: {@link String} (STRING, URL), {@link Money}, {@link RuDate}, {@link Phone}, {@link Long}.
     *
     * @throws IllegalArgumentException with a sentence saying what is wrong (without the variable's name)
     */
    public static Object convert(VariableType type, Object raw) {
        if (raw == null) {
            throw new IllegalArgumentException("has no value");
        }
        return switch (type) {
            case STRING -> string(raw);
            case MONEY -> new Money(moneyAmount(raw));
            case DATE -> new RuDate(date(raw));
            case PHONE -> phone(raw);
            case URL -> url(raw);
            case INTEGER -> integer(raw);
        };
    }

    private static String string(Object raw) {
        if (raw instanceof Number n) {
            return decimal(n).toPlainString();
        }
        if (!(raw instanceof CharSequence cs)) {
            throw new IllegalArgumentException("must be text, got " + describe(raw));
        }
        String s = cs.toString();
        if (s.isBlank()) {
            throw new IllegalArgumentException("is empty: the message would have a hole in it");
        }
        return s;
    }

    /** Accepts {@code 1234.5}, {@code "1234.50"}, {@code "1 234,50"}; refuses negatives and {@code "1,234.50"}. */
    static BigDecimal moneyAmount(Object raw) {
        if (raw instanceof Money m) {
            return m.value();
        }
        BigDecimal amount;
        if (raw instanceof Number n) {
            amount = decimal(n);
        } else if (raw instanceof CharSequence cs) {
            String s = MONEY_SPACES.matcher(cs.toString()).replaceAll("");
            if (s.startsWith("-")) {
                throw new IllegalArgumentException("a money amount cannot be negative, got '" + cs + "'");
            }
            if (s.indexOf(',') >= 0 && s.indexOf('.') >= 0) {
                throw new IllegalArgumentException("'" + cs + "' mixes ',' and '.': write 1234.50 or 1 234,50");
            }
            s = s.replace(',', '.');
            if (!MONEY_TEXT.matcher(s).matches()) {
                throw new IllegalArgumentException("'" + cs + "' is not a money amount such as 1234.50 or 1 234,50");
            }
            amount = new BigDecimal(s);
        } else {
            throw new IllegalArgumentException("must be a money amount, got " + describe(raw));
        }
        return RussianFormat.checkedMoney(amount);
    }

    /** Accepts ISO {@code 2026-11-25} and Russian {@code 25.11.2026}. */
    static LocalDate date(Object raw) {
        if (raw instanceof RuDate d) {
            return d.value();
        }
        if (raw instanceof LocalDate d) {
            return d;
        }
        if (!(raw instanceof CharSequence cs)) {
            throw new IllegalArgumentException("must be a date such as 2026-11-25, got " + describe(raw));
        }
        String s = cs.toString().strip();
        try {
            if (ISO_DATE.matcher(s).matches()) {
                return LocalDate.parse(s);
            }
            if (RU_DATE.matcher(s).matches()) {
                return LocalDate.parse(s, RU_DATE_FORMAT);
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + s + "' is not a calendar date");
        }
        throw new IllegalArgumentException("'" + s + "' is not a date such as 2026-11-25");
    }

    private static Phone phone(Object raw) {
        if (raw instanceof Phone p) {
            return p;
        }
        String s = raw instanceof Number n ? decimal(n).toPlainString() : raw instanceof CharSequence cs ? cs.toString() : null;
        if (s == null) {
            throw new IllegalArgumentException("must be a phone number, got " + describe(raw));
        }
        return Phone.parse(s).orElseThrow(() -> new IllegalArgumentException(
                "'" + s + "' is not a phone number such as +7 916 123-45-67 or 8 800 555-35-35"));
    }

    private static String url(Object raw) {
        if (!(raw instanceof CharSequence cs)) {
            throw new IllegalArgumentException("must be a link, got " + describe(raw));
        }
        String s = cs.toString().strip();
        try {
            URI uri = new URI(s);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
                return s;
            }
        } catch (URISyntaxException e) {
            // reported below, with the value
        }
        throw new IllegalArgumentException("'" + s + "' is not an http(s) link");
    }

    private static Long integer(Object raw) {
        try {
            if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
                return ((Number) raw).longValue();
            }
            if (raw instanceof Number n) {
                return decimal(n).longValueExact();
            }
            if (raw instanceof CharSequence cs && INTEGER_TEXT.matcher(cs.toString().strip()).matches()) {
                return Long.parseLong(cs.toString().strip());
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + raw + "' is not a whole number in range");
        }
        throw new IllegalArgumentException("must be a whole number, got " + describe(raw));
    }

    /** Exact decimal of a JSON number; doubles go through their shortest decimal form (1234.5, not 1234.4999…). */
    static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal b) {
            return b;
        }
        if (n instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("is not a finite number");
            }
            return new BigDecimal(n.toString());
        }
        return BigDecimal.valueOf(n.longValue());
    }

    private static String describe(Object raw) {
        if (raw instanceof Map) {
            return "an object";
        }
        if (raw instanceof Collection || raw.getClass().isArray()) {
            return "a list";
        }
        if (raw instanceof Boolean b) {
            return b.toString();
        }
        return "'" + raw + "'";
    }
}
