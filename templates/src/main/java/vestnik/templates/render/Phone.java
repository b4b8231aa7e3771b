package vestnik.templates.render;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A phone number as a template sees it: {@code {{phone}}} prints {@code +7 916 123-45-67}, or
 * {@code 8 800 555-35-35} for a Russian toll-free number, which is how debtors know it costs them nothing.
 * Foreign numbers print as {@code +} and their digits. Display only: whether the number exists is not checked.
 *
 * <p>Parsed by hand rather than with libphonenumber: the templates library formats a contact number, it does not
 * route to it, and Russian numbering (+7, 10 national digits, trunk prefix 8) is all it needs.
 *
 * @param e164 {@code +79161234567}
 */
public record Phone(String e164, String display) {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u00A0\\u202F\\-().]");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    /** Accepts {@code +7 (916) 123-45-67}, {@code 89161234567}, {@code 9161234567}, {@code +375 29 …}. */
    public static Optional<Phone> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = SEPARATORS.matcher(raw.strip()).replaceAll("");
        boolean plus = s.startsWith("+");
        String d = plus ? s.substring(1) : s;
        if (!DIGITS.matcher(d).matches()) {
            return Optional.empty();
        }
        if (plus) {
            if (d.startsWith("7")) {
                return d.length() == 11 ? russian(d.substring(1)) : Optional.empty();
            }
            return d.length() >= 8 && d.length() <= 15 ? Optional.of(new Phone("+" + d, "+" + d)) : Optional.empty();
        }
        if (d.length() == 11 && (d.startsWith("8") || d.startsWith("7"))) {
            return russian(d.substring(1));
        }
        return d.length() == 10 ? russian(d) : Optional.empty();
    }

    private static Optional<Phone> russian(String national) {
        char first = national.charAt(0);
        if (first < '3' || first > '9') {
            return Optional.empty();
        }
        String body = national.substring(3, 6) + "-" + national.substring(6, 8) + "-" + national.substring(8);
        String display = national.startsWith("800")
                ? "8 800 " + body
                : "+7 " + national.substring(0, 3) + " " + body;
        return Optional.of(new Phone("+7" + national, display));
    }

    @Override
    public String toString() {
        return display;
    }
}
