package vestnik.channels.common;

/**
 * Personal data (152-FZ) never reaches a log as is: phones keep their country and operator code and
 * last four digits, e-mails their domain, texts only their length.
 */
public final class Mask {

    private Mask() {
    }

    /** {@code +79161234567} becomes {@code +7916***4567}. */
    public static String phone(String phone) {
        if (phone == null) {
            return "null";
        }
        int n = phone.length();
        if (n <= 6) {
            return "***";
        }
        int head = Math.min(phone.startsWith("+") ? 5 : 4, n - 4);
        return phone.substring(0, head) + "***" + phone.substring(n - 4);
    }

    /** {@code ivan.petrov@mail.ru} becomes {@code i***@mail.ru}. */
    public static String email(String email) {
        if (email == null) {
            return "null";
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }

    /** A text is shown only by its length. */
    public static String text(String text) {
        return text == null ? "null" : "<" + text.length() + " chars>";
    }

    /** A messenger user id or any other identifier: first two characters and the length. */
    public static String id(String id) {
        if (id == null) {
            return "null";
        }
        return id.length() <= 4 ? "***" : id.substring(0, 2) + "***(" + id.length() + ")";
    }
}
