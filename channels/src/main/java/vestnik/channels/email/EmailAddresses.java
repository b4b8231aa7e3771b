package vestnik.channels.email;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The address rules the channel applies in one place. We send without SMTPUTF8 (not every relay has it),
 * so a local part must be ASCII; a Cyrillic domain ({@code почта.рф}) is sent in its punycode form,
 * which every relay accepts.
 */
final class EmailAddresses {

    private static final Pattern ASCII_LOCAL = Pattern.compile("[\\x21-\\x7E]+");
    private static final Pattern DOMAIN = Pattern.compile(
            "[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

    private EmailAddresses() {
    }

    /** The address to put on the envelope and in {@code To:}, or empty when it cannot be sent to. */
    static Optional<String> forSending(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        String a = address.strip();
        int at = a.lastIndexOf('@');
        if (at <= 0 || at == a.length() - 1) {
            return Optional.empty();
        }
        String local = a.substring(0, at);
        Optional<String> domain = domain(a.substring(at + 1));
        if (domain.isEmpty() || !ASCII_LOCAL.matcher(local).matches()) {
            return Optional.empty();
        }
        String candidate = local + "@" + domain.get();
        try {
            new InternetAddress(candidate, true).validate();
        } catch (AddressException e) {
            return Optional.empty();
        }
        return Optional.of(candidate);
    }

    /** A host name in lower-case ASCII (punycode for an international one), or empty when it is not one. */
    static Optional<String> domain(String domain) {
        if (domain == null || domain.isBlank()) {
            return Optional.empty();
        }
        String ascii;
        try {
            ascii = IDN.toASCII(domain.strip(), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return DOMAIN.matcher(ascii).matches() ? Optional.of(ascii) : Optional.empty();
    }

    /**
     * How an address we received is reported (a sender, an opt-out): lower-case, because the gateway
     * compares opt-outs with the addresses it sends to, and no mailbox provider tells case apart.
     */
    static String reported(String address) {
        return address == null ? null : address.strip().toLowerCase(Locale.ROOT);
    }

    /** The domain of an address, or null. */
    static String domainOf(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        return at < 0 ? null : address.substring(at + 1);
    }
}
