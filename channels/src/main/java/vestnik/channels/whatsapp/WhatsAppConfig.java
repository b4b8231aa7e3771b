package vestnik.channels.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import vestnik.channels.common.ConfigSection;
import vestnik.channels.common.ConfigValues;

/**
 * One WhatsApp Business phone number on the Cloud API, read from its YAML section:
 * {@code wa: { type: whatsapp, accessToken: "EAAG", phoneNumberId: "1065", appSecret: "abc", verifyToken: "vt",
 * baseUrl: https://graph.facebook.com/v21.0 }}.
 *
 * @param accessToken            the Graph API token, sent as {@code Authorization: Bearer}
 * @param phoneNumberId          the business phone number's id (not the number itself)
 * @param appSecret              the Meta app secret: the key of the {@code X-Hub-Signature-256} webhook signature
 * @param verifyToken            what Meta's verification GET must present, as typed into the App Dashboard; may be
 *                               null until {@code register} records one
 * @param baseUrl                the Graph API root with its version, without a trailing slash
 * @param rate                   messages per second for the gateway's limiter (Meta's default throughput is 80)
 * @param recipientRatePerMinute messages a minute to one recipient (Meta's pair limit is about one per 6 s)
 * @param requestTimeout         how long one API call may take before it counts as a transient failure
 */
public record WhatsAppConfig(
        String accessToken,
        String phoneNumberId,
        String appSecret,
        String verifyToken,
        String baseUrl,
        int rate,
        int recipientRatePerMinute,
        Duration requestTimeout) {

    public static final String DEFAULT_BASE_URL = "https://graph.facebook.com/v21.0";
    public static final int DEFAULT_RATE = 80;
    public static final int DEFAULT_RECIPIENT_RATE_PER_MINUTE = 10;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** The YAML section as Jackson sees it: boxed so that an absent key can be told from a zero. */
    record Section(
            String type,
            String accessToken,
            String phoneNumberId,
            String appSecret,
            String verifyToken,
            String baseUrl,
            Integer rate,
            Integer recipientRatePerMinute,
            Integer requestTimeoutMs) {
    }

    /**
     * Reads and checks the section of channel {@code id}.
     *
     * @throws IllegalArgumentException naming the key ({@code channels.<id>.<key>}) that is missing or wrong
     */
    public static WhatsAppConfig from(String id, JsonNode section) {
        String prefix = ConfigSection.prefix(id);
        Section s = ConfigSection.bindOrNull(id, section, Section.class, "a whatsapp channel");
        if (s == null) {
            throw new IllegalArgumentException(prefix + "accessToken is missing");
        }
        String token = required(prefix, "accessToken", s.accessToken());
        String phoneNumberId = required(prefix, "phoneNumberId", s.phoneNumberId());
        if (!phoneNumberId.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException(prefix + "phoneNumberId must be Meta's numeric id of the phone number");
        }
        String appSecret = required(prefix, "appSecret", s.appSecret());
        String verifyToken = s.verifyToken() == null || s.verifyToken().isBlank() ? null : s.verifyToken();
        String baseUrl = ConfigValues.httpUrl(prefix + "baseUrl", s.baseUrl() == null ? DEFAULT_BASE_URL : s.baseUrl());
        int rate = positive(prefix, "rate", s.rate(), DEFAULT_RATE);
        int perRecipient = positive(prefix, "recipientRatePerMinute", s.recipientRatePerMinute(),
                DEFAULT_RECIPIENT_RATE_PER_MINUTE);
        int timeoutMs = positive(prefix, "requestTimeoutMs", s.requestTimeoutMs(),
                (int) DEFAULT_REQUEST_TIMEOUT.toMillis());
        return new WhatsAppConfig(token, phoneNumberId, appSecret, verifyToken, baseUrl, rate, perRecipient,
                Duration.ofMillis(timeoutMs));
    }

    /** Tokens and secrets are credentials: a config that reaches a log shows only that they are set. */
    @Override
    public String toString() {
        return "WhatsAppConfig[accessToken=***, phoneNumberId=" + phoneNumberId + ", appSecret=***, verifyToken="
                + (verifyToken == null ? "unset" : "***") + ", baseUrl=" + baseUrl + ", rate=" + rate
                + ", recipientRatePerMinute=" + recipientRatePerMinute + ", requestTimeout=" + requestTimeout + "]";
    }

    private static String required(String prefix, String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(prefix + key + " is missing");
        }
        return value;
    }

    private static int positive(String prefix, String key, Integer value, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < 1) {
            throw new IllegalArgumentException(prefix + key + " must be at least 1");
        }
        return value;
    }
}
