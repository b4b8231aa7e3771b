package vestnik.templates.render;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Russian formatting of money, dates, numbers and plural forms.
 *
 * <p>Choices: the thousands separator, and the space before {@code ₽}, is the no-break space U+00A0, not the
 * typographically finer narrow no-break space U+202F, because U+00A0 is in every handset's font while U+202F
 * shows as a box on many older phones; both are outside GSM-7, which costs nothing here as Cyrillic texts are
 * UCS-2 anyway. Whole amounts drop the kopecks ({@code 5 000 ₽}), fractional ones always show two digits
 * ({@code 1 234,50 ₽}): shorter SMS, and no {@code ,00} noise in reminders.
 */
public final class RussianFormat {

    /** U+00A0 NO-BREAK SPACE. */
    public static final char NBSP = '\u00A0';
    public static final String RUBLE = "\u20BD";

    private static final String[] MONTHS_GENITIVE = {
        "января", "февраля", "марта", "апреля", "мая", "июня",
        "июля", "августа", "сентября", "октября", "ноября", "декабря"
    };

    private RussianFormat() {
    }

    /**
     * {@code 1234.5} → {@code 1 234,50 ₽}; {@code 5000} → {@code 5 000 ₽}.
     *
     * @throws IllegalArgumentException for a negative amount or one with fractions of a kopeck
     */
    public static String money(BigDecimal amount) {
        BigDecimal a = checkedMoney(amount);
        BigInteger rubles = a.toBigInteger();
        int kopecks = a.subtract(new BigDecimal(rubles)).movePointRight(2).intValueExact();
        StringBuilder out = new StringBuilder(grouped(rubles.toString()));
        if (kopecks != 0) {
            out.append(',').append(kopecks < 10 ? "0" : "").append(kopecks);
        }
        return out.append(NBSP).append(RUBLE).toString();
    }

    /** The amount if it is a valid money amount: not negative, whole kopecks. */
    static BigDecimal checkedMoney(BigDecimal amount) {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("a money amount cannot be negative, got " + amount.toPlainString());
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > 2) {
            throw new IllegalArgumentException("a money amount has at most two decimal places (kopecks), got "
                    + amount.toPlainString());
        }
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** {@code 2026-11-25} → {@code 25 ноября 2026}. */
    public static String date(LocalDate date) {
        return date.getDayOfMonth() + " " + MONTHS_GENITIVE[date.getMonthValue() - 1] + " " + date.getYear();
    }

    /** {@code 2026-11-25} → {@code 25 ноября}. */
    public static String dayMonth(LocalDate date) {
        return date.getDayOfMonth() + " " + MONTHS_GENITIVE[date.getMonthValue() - 1];
    }

    /** {@code 2026-11-25} → {@code 25.11.2026}. */
    public static String numericDate(LocalDate date) {
        return String.format(Locale.ROOT, "%02d.%02d.%04d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }

    /**
     * The word form that goes with {@code n} (CLDR Russian cardinal rules): {@code one} for 1, 21, 101…;
     * {@code few} for 2–4, 22–24… (and for fractions: {@code 2,5 дня}); {@code many} for 0, 5–20, 11–14, 25….
     */
    public static String pluralForm(BigDecimal n, String one, String few, String many) {
        BigDecimal abs = n.abs().stripTrailingZeros();
        if (abs.scale() > 0) {
            return few;
        }
        int mod100 = abs.toBigInteger().mod(BigInteger.valueOf(100)).intValue();
        int mod10 = mod100 % 10;
        if (mod10 == 1 && mod100 != 11) {
            return one;
        }
        if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) {
            return few;
        }
        return many;
    }

    /** {@code 5} → {@code 5 дней}; the number as {@link #number}, then a space, then the form. */
    public static String plural(BigDecimal n, String one, String few, String many) {
        return number(n) + " " + pluralForm(n, one, few, many);
    }

    /** A plain number with a decimal comma and no grouping: {@code 2.5} → {@code 2,5}. */
    public static String number(BigDecimal n) {
        BigDecimal s = n.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString().replace('.', ',');
    }

    private static String grouped(String digits) {
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3);
        int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        out.append(digits, 0, lead);
        for (int i = lead; i < digits.length(); i += 3) {
            out.append(NBSP).append(digits, i, i + 3);
        }
        return out.toString();
    }
}
