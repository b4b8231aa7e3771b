package vestnik.gateway.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import vestnik.gateway.cascade.Cascade;
import vestnik.channels.spi.MessageStatus;

/**
 * A message as stored in its Redis hash. Field names are short because a night's campaign keeps a
 * million of them in memory. {@code deferral} is why a queued message waits (the contact policy's or its
 * campaign window's reason), null when it does not.
 */
public record MessageRecord(
        String id,
        String tenantId,
        String externalId,
        String channelId,
        String phone,
        String text,
        String sender,
        MessageStatus status,
        int segments,
        Instant createdAt,
        Instant sendAt,
        Instant expiresAt,
        int attempts,
        List<String> providerIds,
        String errorCode,
        String errorClass,
        String errorProviderCode,
        String errorMessage,
        String metadataJson,
        String contactId,
        String email,
        String payloadJson,
        Priority priority,
        String templateKey,
        Integer templateVersion,
        Cascade cascade,
        String callbackUrl,
        String jobZone,
        String jobRegion,
        String campaignId,
        String deferral,
        boolean debtorInitiated) {

    /** The hash field marking an agent's reply from the inbox: exempt inside a debtor-opened session (R-CP-7). */
    public static final String REPLY_FIELD = "rpl";

    public static final String PROVIDER_ID_SEPARATOR = "\n";

    public static MessageRecord fromHash(String id, Map<String, String> h) {
        String pids = h.get("pid");
        return new MessageRecord(
                id,
                h.get("t"),
                h.get("x"),
                h.get("c"),
                h.get("ph"),
                h.get("tx"),
                h.get("snd"),
                MessageStatus.fromWireName(h.get("st")).orElse(MessageStatus.QUEUED),
                parseInt(h.get("sg"), 1),
                instant(h.get("ca")),
                instant(h.get("sa")),
                instant(h.get("ea")),
                parseInt(h.get("at"), 0),
                pids == null || pids.isEmpty() ? List.of() : Arrays.asList(pids.split(PROVIDER_ID_SEPARATOR)),
                h.get("ec"),
                h.get("ecl"),
                h.get("epc"),
                h.get("em"),
                h.get("md"),
                h.get("ci"),
                h.get("ml"),
                h.get("pl"),
                Priority.fromWireName(h.get("pr")).orElse(Priority.NORMAL),
                h.get("tk"),
                h.containsKey("tv") ? parseInt(h.get("tv"), 0) : null,
                h.containsKey("rt") ? new Cascade(h.get("cj"), parseInt(h.get("rsi"), 0), Cascade.parseRoute(h.get("rt"))) : null,
                h.get("cbu"),
                h.get("jtz"),
                h.get("jrg"),
                h.get("cmp"),
                h.get(MessageRepository.DEFERRAL_FIELD),
                "1".equals(h.get(REPLY_FIELD)));
    }

    private static int parseInt(String s, int fallback) {
        if (s == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static Instant instant(String ms) {
        if (ms == null || ms.isEmpty()) {
            return null;
        }
        return Instant.ofEpochMilli(Long.parseLong(ms));
    }
}
