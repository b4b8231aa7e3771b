package vestnik.channels.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The body of a {@code message/delivery-status} part (RFC 3464 §2): a block of per-message fields, then
 * one block per recipient, blocks separated by blank lines, fields folded like mail headers. Pure.
 *
 * @param perMessage fields such as {@code Reporting-MTA}, names case-insensitive
 * @param recipients one report per recipient the DSN speaks of
 */
record DeliveryStatus(Map<String, String> perMessage, List<Recipient> recipients) {

    /** RFC 3464 §2.3.3; anything else a server invents is {@link #OTHER}. */
    enum Action {
        FAILED, DELAYED, DELIVERED, RELAYED, EXPANDED, OTHER;

        static Action parse(String value) {
            if (value == null) {
                return OTHER;
            }
            String v = value.strip().toLowerCase(Locale.ROOT);
            for (Action a : values()) {
                if (a.name().toLowerCase(Locale.ROOT).equals(v)) {
                    return a;
                }
            }
            return OTHER;
        }
    }

    /**
     * One per-recipient block.
     *
     * @param status         the RFC 3463 status ({@code 5.1.1}), or null when absent or malformed
     * @param diagnosticCode the remote server's words ({@code smtp; 550 5.1.1 ...}), or null
     */
    record Recipient(String originalRecipient, String finalRecipient, Action action, String status,
                     String diagnosticCode, String remoteMta) {

        /** The address we sent to: {@code Original-Recipient} (our ORCPT) when given, else {@code Final-Recipient}. */
        String address() {
            String original = rfc822Address(originalRecipient);
            return original != null ? original : rfc822Address(finalRecipient);
        }

        /** The first digit of the status: 2 success, 4 transient, 5 permanent; 0 when there is no status. */
        int statusClass() {
            return status == null ? 0 : status.charAt(0) - '0';
        }

        /** The SMTP reply code inside a {@code smtp;} diagnostic, or 0. */
        int diagnosticReplyCode() {
            if (diagnosticCode == null) {
                return 0;
            }
            String d = diagnosticCode.strip();
            int semi = d.indexOf(';');
            if (semi < 0 || !d.substring(0, semi).strip().equalsIgnoreCase("smtp")) {
                return 0;
            }
            String rest = d.substring(semi + 1).strip();
            if (rest.length() >= 3 && rest.substring(0, 3).chars().allMatch(Character::isDigit)) {
                return Integer.parseInt(rest.substring(0, 3));
            }
            return 0;
        }
    }

    static DeliveryStatus parse(String body) {
        List<Map<String, String>> blocks = blocks(body == null ? "" : body);
        if (blocks.isEmpty()) {
            return new DeliveryStatus(Map.of(), List.of());
        }
        List<Recipient> recipients = new ArrayList<>();
        for (Map<String, String> b : blocks.subList(1, blocks.size())) {
            recipients.add(new Recipient(b.get("Original-Recipient"), b.get("Final-Recipient"),
                    Action.parse(b.get("Action")), status(b.get("Status")), b.get("Diagnostic-Code"), b.get("Remote-MTA")));
        }
        return new DeliveryStatus(blocks.get(0), List.copyOf(recipients));
    }

    private static List<Map<String, String>> blocks(String body) {
        List<Map<String, String>> blocks = new ArrayList<>();
        Map<String, String> current = null;
        String name = null;
        for (String line : body.split("\r\n|\n|\r", -1)) {
            if (line.isBlank()) {
                current = null;
                name = null;
                continue;
            }
            if (Character.isWhitespace(line.charAt(0)) && current != null && name != null) {
                current.put(name, current.get(name) + " " + line.strip());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            if (current == null) {
                current = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                blocks.add(current);
            }
            name = line.substring(0, colon).strip();
            current.put(name, line.substring(colon + 1).strip());
        }
        return blocks;
    }

    private static String status(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip().split("[\\s(]")[0];
        return v.matches("[245]\\.\\d{1,3}\\.\\d{1,3}") ? v : null;
    }

    /** {@code rfc822; a@b} → {@code a@b}; null for another address type or nothing. */
    private static String rfc822Address(String field) {
        if (field == null) {
            return null;
        }
        int semi = field.indexOf(';');
        if (semi < 0 || !field.substring(0, semi).strip().equalsIgnoreCase("rfc822")) {
            return null;
        }
        String address = field.substring(semi + 1).strip();
        if (address.startsWith("<") && address.endsWith(">")) {
            address = address.substring(1, address.length() - 1);
        }
        return address.isEmpty() ? null : address;
    }
}
