package vestnik.channels.email;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import vestnik.channels.common.ConfigSection;
import vestnik.channels.common.ConfigValues;

/**
 * One sending mailbox, read from its YAML section:
 * <pre>
 * em: { type: email,
 *       smtp: { host: 127.0.0.1, port: 2525, tls: none, username: null, password: null, poolSize: 8,
 *               connectTimeout: 10s, sendTimeout: 60s },
 *       from: "ООО «Демо» &lt;noreply@demo.ru&gt;", replyDomain: reply.demo.ru, defaultSubject: "Уведомление",
 *       unsubscribeUrl: https://gw.example/hooks/em/unsubscribe, tokenSecret: "...", webhookSecret: "...",
 *       imap: { host: imap.demo.ru, port: 993, tls: tls, username: reply@reply.demo.ru, password: "...",
 *               folder: INBOX, pollInterval: 30s, timeout: 30s },
 *       dkim: { selector: vestnik, privateKey: "-----BEGIN PRIVATE KEY-----...", domain: demo.ru },
 *       rate: 20 }
 * </pre>
 * Only {@code smtp.host}, {@code from} and {@code replyDomain} are required.
 *
 * @param fromAddress    the {@code From:} address; its domain is the right-hand side of our Message-IDs
 * @param fromName       the display name of {@code From:} and {@code Reply-To:}, or null
 * @param replyDomain    the domain whose mailbox receives replies, bounces and mailto unsubscribes
 *                       ({@code reply+<token>@}, {@code bounce+<token>@}, {@code unsubscribe+<token>@}); it
 *                       must deliver plus-addresses to one mailbox (RFC 5233 subaddressing)
 * @param defaultSubject the subject of a message that brings none, or null for the sender's name
 * @param unsubscribeUrl the gateway's RFC 8058 one-click endpoint ({@code https://.../hooks/<channelId>/unsubscribe});
 *                       null leaves only the mailto unsubscribe in {@code List-Unsubscribe}
 * @param tokenSecret    the key of the one-click unsubscribe tokens; required with {@code unsubscribeUrl}
 * @param webhookSecret  the {@code X-Vestnik-Mail-Secret} a provider that pushes raw mail must send; null refuses pushes
 * @param imap           the mailbox polled for replies and bounces, or null when mail is pushed (or not read)
 * @param rate           messages per second, read by the gateway's limiter; null for no limit
 */
public record EmailConfig(
        Smtp smtp,
        String fromAddress,
        String fromName,
        String replyDomain,
        String defaultSubject,
        String unsubscribeUrl,
        String tokenSecret,
        String webhookSecret,
        Imap imap,
        Dkim dkim,
        Double rate) {

    public static final int DEFAULT_POOL_SIZE = 8;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_SEND_TIMEOUT = Duration.ofSeconds(60);
    public static final String DEFAULT_FOLDER = "INBOX";
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_IMAP_TIMEOUT = Duration.ofSeconds(30);
    /** Shorter secrets are guessable; both secrets are compared or used as keys, never shown. */
    static final int MIN_SECRET = 16;

    /** How a connection is secured: none, upgraded with STARTTLS, or TLS from the first byte (465, 993). */
    public enum Tls {
        NONE(25, 143),
        STARTTLS(587, 143),
        TLS(465, 993);

        private final int smtpPort;
        private final int imapPort;

        Tls(int smtpPort, int imapPort) {
            this.smtpPort = smtpPort;
            this.imapPort = imapPort;
        }

        int smtpPort() {
            return smtpPort;
        }

        int imapPort() {
            return imapPort;
        }

        static Tls parse(String key, String value) {
            if (value == null || value.isBlank()) {
                return NONE;
            }
            return Arrays.stream(values()).filter(t -> t.name().equalsIgnoreCase(value.strip())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(key + " must be one of none, starttls, tls"));
        }
    }

    /** The submission server; {@code username} null means no AUTH. */
    public record Smtp(String host, int port, Tls tls, String username, String password, int poolSize,
                       Duration connectTimeout, Duration sendTimeout) {
        @Override
        public String toString() {
            return "Smtp[host=" + host + ", port=" + port + ", tls=" + tls + ", username=" + username
                    + ", password=" + (password == null ? "null" : "***") + ", poolSize=" + poolSize
                    + ", connectTimeout=" + connectTimeout + ", sendTimeout=" + sendTimeout + "]";
        }
    }

    /** The mailbox polled for inbound mail. */
    public record Imap(String host, int port, Tls tls, String username, String password, String folder,
                       Duration pollInterval, Duration timeout) {
        @Override
        public String toString() {
            return "Imap[host=" + host + ", port=" + port + ", tls=" + tls + ", username=" + username
                    + ", password=***, folder=" + folder + ", pollInterval=" + pollInterval + ", timeout=" + timeout + "]";
        }
    }

    /**
     * DKIM signing by the channel itself (RFC 6376), for relays that do not sign: Gmail and Yahoo accept
     * one-click unsubscribe only from a letter whose DKIM signature covers both List-Unsubscribe fields.
     *
     * @param privateKey the RSA key in PKCS#8, as PEM or its bare base64 body (armour and line breaks are dropped)
     */
    public record Dkim(String domain, String selector, String privateKey) {
        @Override
        public String toString() {
            return "Dkim[domain=" + domain + ", selector=" + selector + ", privateKey=***]";
        }
    }

    @JsonIgnoreProperties({"type"})
    record Section(SmtpSection smtp, String from, String replyDomain, String defaultSubject, String unsubscribeUrl,
                   String tokenSecret, String webhookSecret, ImapSection imap, DkimSection dkim, Double rate) {
    }

    record DkimSection(String domain, String selector, String privateKey) {
    }

    record SmtpSection(String host, Integer port, String tls, String username, String password, Integer poolSize,
                       String connectTimeout, String sendTimeout) {
    }

    record ImapSection(String host, Integer port, String tls, String username, String password, String folder,
                       String pollInterval, String timeout) {
    }

    /**
     * @throws IllegalArgumentException naming the key ({@code channels.<id>.<key>}) that is missing or wrong
     */
    public static EmailConfig from(String id, JsonNode yaml) {
        String prefix = ConfigSection.prefix(id);
        Section s = ConfigSection.bind(id, yaml, Section.class, "an email channel");
        if (s.smtp() == null) {
            throw new IllegalArgumentException(prefix + "smtp is required (host, port, tls, username, password)");
        }
        Smtp smtp = smtp(prefix + "smtp.", s.smtp());
        InternetAddress from = from(prefix + "from", s.from());
        String replyDomain = EmailAddresses.domain(required(prefix + "replyDomain", s.replyDomain()))
                .orElseThrow(() -> new IllegalArgumentException(prefix + "replyDomain must be a domain such as reply.demo.ru"));
        String unsubscribeUrl = s.unsubscribeUrl() == null || s.unsubscribeUrl().isBlank() ? null
                : httpsUrl(prefix + "unsubscribeUrl", s.unsubscribeUrl());
        String tokenSecret = secret(prefix + "tokenSecret", s.tokenSecret());
        if (unsubscribeUrl != null && tokenSecret == null) {
            throw new IllegalArgumentException(prefix + "tokenSecret is required with unsubscribeUrl (it signs the links)");
        }
        String webhookSecret = secret(prefix + "webhookSecret", s.webhookSecret());
        Imap imap = s.imap() == null ? null : imap(prefix + "imap.", s.imap());
        Dkim dkim = s.dkim() == null ? null : dkim(prefix + "dkim.", s.dkim(), from.getAddress());
        Double rate = ConfigValues.perSecond(prefix + "rate", s.rate(), ConfigValues.ANY_FINITE, "messages per second");
        String subject = s.defaultSubject() == null || s.defaultSubject().isBlank() ? null : s.defaultSubject().strip();
        return new EmailConfig(smtp, from.getAddress(), from.getPersonal(), replyDomain, subject, unsubscribeUrl,
                tokenSecret, webhookSecret, imap, dkim, rate);
    }

    /** The domain of {@link #fromAddress()}: the right-hand side of every Message-ID we make. */
    public String fromDomain() {
        return EmailAddresses.domainOf(fromAddress);
    }

    private static Smtp smtp(String prefix, SmtpSection s) {
        String host = required(prefix + "host", s.host()).strip();
        Tls tls = Tls.parse(prefix + "tls", s.tls());
        int port = port(prefix + "port", s.port(), tls.smtpPort());
        String username = blankToNull(s.username());
        String password = blankToNull(s.password());
        if (username != null && password == null) {
            throw new IllegalArgumentException(prefix + "password is required with username");
        }
        int pool = s.poolSize() == null ? DEFAULT_POOL_SIZE : s.poolSize();
        if (pool < 1 || pool > 64) {
            throw new IllegalArgumentException(prefix + "poolSize must be between 1 and 64 connections");
        }
        return new Smtp(host, port, tls, username, password, pool,
                duration(prefix + "connectTimeout", s.connectTimeout(), DEFAULT_CONNECT_TIMEOUT),
                duration(prefix + "sendTimeout", s.sendTimeout(), DEFAULT_SEND_TIMEOUT));
    }

    private static Imap imap(String prefix, ImapSection s) {
        String host = required(prefix + "host", s.host()).strip();
        Tls tls = Tls.parse(prefix + "tls", s.tls());
        int port = port(prefix + "port", s.port(), tls.imapPort());
        String username = required(prefix + "username", s.username());
        String password = required(prefix + "password", s.password());
        String folder = s.folder() == null || s.folder().isBlank() ? DEFAULT_FOLDER : s.folder().strip();
        return new Imap(host, port, tls, username, password, folder,
                duration(prefix + "pollInterval", s.pollInterval(), DEFAULT_POLL_INTERVAL),
                duration(prefix + "timeout", s.timeout(), DEFAULT_IMAP_TIMEOUT));
    }

    private static Dkim dkim(String prefix, DkimSection s, String fromAddress) {
        String selector = required(prefix + "selector", s.selector()).strip();
        if (!selector.matches("[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?")) {
            throw new IllegalArgumentException(prefix + "selector must be a DNS label such as vestnik");
        }
        String domain = s.domain() == null || s.domain().isBlank() ? EmailAddresses.domainOf(fromAddress)
                : EmailAddresses.domain(s.domain()).orElseThrow(() ->
                        new IllegalArgumentException(prefix + "domain must be a domain such as demo.ru"));
        String key = required(prefix + "privateKey", s.privateKey())
                .replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(key)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException(prefix + "privateKey must be an RSA key in PKCS#8 (PEM or base64)");
        }
        return new Dkim(domain, selector, key);
    }

    private static InternetAddress from(String key, String value) {
        String v = required(key, value);
        InternetAddress address;
        try {
            address = new InternetAddress(v.strip(), false);
        } catch (AddressException e) {
            throw new IllegalArgumentException(key + " must be an address such as \"ООО «Демо» <noreply@demo.ru>\"", e);
        }
        String sendable = EmailAddresses.forSending(address.getAddress()).orElseThrow(() ->
                new IllegalArgumentException(key + " must be an address such as \"ООО «Демо» <noreply@demo.ru>\""));
        try {
            String personal = address.getPersonal() == null || address.getPersonal().isBlank() ? null
                    : address.getPersonal().strip();
            return new InternetAddress(sendable, personal, "UTF-8");
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is part of every JRE", e);
        }
    }

    private static int port(String key, Integer value, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < 1 || value > 65535) {
            throw new IllegalArgumentException(key + " must be a TCP port (1-65535)");
        }
        return value;
    }

    private static String secret(String key, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() < MIN_SECRET) {
            throw new IllegalArgumentException(key + " must be at least " + MIN_SECRET + " characters");
        }
        return value;
    }

    private static String httpsUrl(String key, String value) {
        String v = value.strip();
        try {
            URI uri = new URI(v);
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getFragment() != null) {
                throw new IllegalArgumentException(key + " must be an https URL (RFC 8058 allows no other)");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(key + " must be an https URL (RFC 8058 allows no other)", e);
        }
        return v;
    }

    private static String required(String key, String value) {
        return ConfigValues.required(key, value, null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Accepts {@code 30s}, {@code 100ms}, {@code 2m}, a bare number of seconds, or ISO-8601 ({@code PT30S}). */
    static Duration duration(String key, String text, Duration fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        return ConfigValues.within(key, ConfigValues.duration(key, text, ChronoUnit.MINUTES, "30s or 100ms"),
                Duration.ofMillis(1), Duration.ofMinutes(10), "1ms and 10m");
    }

    /** Secrets and passwords never reach a log. */
    @Override
    public String toString() {
        return "EmailConfig[smtp=" + smtp + ", from=" + fromAddress + ", replyDomain=" + replyDomain
                + ", defaultSubject=" + defaultSubject + ", unsubscribeUrl=" + unsubscribeUrl
                + ", tokenSecret=" + (tokenSecret == null ? "null" : "***")
                + ", webhookSecret=" + (webhookSecret == null ? "null" : "***") + ", imap=" + imap + ", dkim=" + dkim
                + ", rate=" + rate + "]";
    }
}
