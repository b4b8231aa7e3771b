package vestnik.channels.viber;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import vestnik.channels.common.ConfigSection;
import vestnik.channels.common.ConfigValues;

/**
 * One Viber bot account, read from its YAML section:
 * {@code vb: { type: viber, authToken: "...", senderName: "Demo", baseUrl: https://chatapi.viber.com/pa }}.
 *
 * @param authToken      the bot's token: sent as {@code X-Viber-Auth-Token} and the key of callback signatures
 * @param senderName     the name shown as the sender when a message names none (Viber allows 28 characters)
 * @param senderAvatar   an avatar URL shown with the sender, or null
 * @param chatUri        the bot's public URI (its {@code chatURI}), used in deep links; null when links are not offered
 * @param baseUrl        the REST Bot API root, without a trailing slash
 * @param rate           messages per second the gateway's limiter allows this account (Viber's own limit is not published)
 * @param requestTimeout how long one API call may take before it counts as a transient failure
 */
public record ViberConfig(
        String authToken,
        String senderName,
        String senderAvatar,
        String chatUri,
        String baseUrl,
        int rate,
        Duration requestTimeout) {

    public static final String DEFAULT_BASE_URL = "https://chatapi.viber.com/pa";
    public static final int DEFAULT_RATE = 30;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Viber truncates nothing: a longer {@code sender.name} is refused. */
    public static final int MAX_SENDER_NAME = 28;

    /** The YAML section as Jackson sees it: boxed so that an absent key can be told from a zero. */
    record Section(
            String type,
            String authToken,
            String senderName,
            String senderAvatar,
            String chatUri,
            String baseUrl,
            Integer rate,
            Integer requestTimeoutMs) {
    }

    /**
     * Reads and checks the section of channel {@code id}.
     *
     * @throws IllegalArgumentException naming the key ({@code channels.<id>.<key>}) that is missing or wrong
     */
    public static ViberConfig from(String id, JsonNode section) {
        String prefix = ConfigSection.prefix(id);
        Section s = ConfigSection.bindOrNull(id, section, Section.class, "a viber channel");
        if (s == null) {
            throw new IllegalArgumentException(prefix + "authToken is missing");
        }
        String token = required(prefix, "authToken", s.authToken());
        String name = required(prefix, "senderName", s.senderName());
        if (name.length() > MAX_SENDER_NAME) {
            throw new IllegalArgumentException(prefix + "senderName is longer than " + MAX_SENDER_NAME + " characters");
        }
        String baseUrl = ConfigValues.httpUrl(prefix + "baseUrl", s.baseUrl() == null ? DEFAULT_BASE_URL : s.baseUrl());
        int rate = s.rate() == null ? DEFAULT_RATE : s.rate();
        if (rate < 1) {
            throw new IllegalArgumentException(prefix + "rate must be at least 1 message per second");
        }
        Duration timeout = s.requestTimeoutMs() == null ? DEFAULT_REQUEST_TIMEOUT : Duration.ofMillis(s.requestTimeoutMs());
        if (timeout.toMillis() < 1) {
            throw new IllegalArgumentException(prefix + "requestTimeoutMs must be positive");
        }
        String avatar = s.senderAvatar() == null || s.senderAvatar().isBlank() ? null : s.senderAvatar();
        String chatUri = s.chatUri() == null || s.chatUri().isBlank() ? null : s.chatUri().strip();
        return new ViberConfig(token, name, avatar, chatUri, baseUrl, rate, timeout);
    }

    /** The token is a credential: a config that reaches a log shows only that it is set. */
    @Override
    public String toString() {
        return "ViberConfig[authToken=***, senderName=" + senderName + ", senderAvatar=" + senderAvatar
                + ", chatUri=" + chatUri + ", baseUrl=" + baseUrl + ", rate=" + rate + ", requestTimeout=" + requestTimeout + "]";
    }

    private static String required(String prefix, String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(prefix + key + " is missing");
        }
        return value;
    }
}
