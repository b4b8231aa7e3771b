package vestnik.gateway.intake;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Optional;

/**
 * Phone numbers as callers write them ({@code +7 916 123-45-67}, {@code 89161234567}) to E.164. Numbers
 * without a country code are read as Russian, where the gateway's debtors are.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final String DEFAULT_REGION = "RU";

    private PhoneNumbers() {
    }

    public static Optional<String> toE164(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 32) {
            return Optional.empty();
        }
        if (isRussianMobileE164(raw)) {
            // already E.164: only the validity check remains (parse and format are the costly part, regex inside)
            Phonenumber.PhoneNumber n = new Phonenumber.PhoneNumber().setCountryCode(7)
                    .setNationalNumber(Long.parseLong(raw, 2, raw.length(), 10));
            return UTIL.isValidNumber(n) ? Optional.of(raw) : Optional.empty();
        }
        return parsed(raw);
    }

    /** The general path: libphonenumber reads the number as written. */
    static Optional<String> parsed(String raw) {
        try {
            Phonenumber.PhoneNumber n = UTIL.parse(raw, DEFAULT_REGION);
            if (!UTIL.isValidNumber(n)) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(n, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code +79} and nine more digits, nothing else: what upstream systems send nearly always. Parsing such a
     * number gives country code 7 and the ten digits as the national number (no national prefix to strip:
     * Russia's is 8), so it can skip the parser.
     */
    static boolean isRussianMobileE164(String raw) {
        if (raw.length() != 12 || raw.charAt(0) != '+' || raw.charAt(1) != '7' || raw.charAt(2) != '9') {
            return false;
        }
        for (int i = 3; i < 12; i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
