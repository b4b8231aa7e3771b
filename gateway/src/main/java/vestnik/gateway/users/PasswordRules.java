package vestnik.gateway.users;

import java.util.Optional;
import java.util.regex.Pattern;

/** What a login name and a password must look like; the one place both the API and the config check. */
public final class PasswordRules {

    public static final int MIN_LENGTH = 10;
    /** bcrypt reads 72 bytes; longer passwords are pre-hashed (SHA-512), so this only bounds the work. */
    public static final int MAX_LENGTH = 256;
    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9._@-]{3,64}");

    private PasswordRules() {
    }

    public static boolean validLogin(String login) {
        return login != null && LOGIN.matcher(login).matches();
    }

    /** Why this password is refused, or empty when it is acceptable. */
    public static Optional<String> problem(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("a password needs at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("a password may have at most " + MAX_LENGTH + " characters");
        }
        if (password.isBlank()) {
            return Optional.of("a password cannot be only spaces");
        }
        return Optional.empty();
    }
}
