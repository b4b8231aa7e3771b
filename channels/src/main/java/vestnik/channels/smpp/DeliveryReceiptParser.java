package vestnik.channels.smpp;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads delivery receipts. The Appendix B text is only a recommendation, so field names are matched
 * case-insensitively, dates take 10 or 12 digits and the text field may be missing. The
 * {@code receipted_message_id} (0x001E) and {@code message_state} (0x0427) TLVs are what the spec defines
 * normatively; when present they win over the text.
 */
public final class DeliveryReceiptParser {

    private static final Pattern FIELD = Pattern.compile(
            "(?i)(?:^|\\s)(id|sub|dlvrd|submit date|done date|stat|err|text):");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyMMddHHmm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyMMddHHmmss");

    private DeliveryReceiptParser() {
    }

    /** Parses receipt text; empty when it names neither an id nor a stat (not a receipt we can use). */
    public static Optional<DeliveryReceipt> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Map<String, String> fields = fields(text);
        String id = fields.get("id");
        String stat = fields.get("stat");
        if (isBlank(id) || isBlank(stat)) {
            return Optional.empty();
        }
        return Optional.of(new DeliveryReceipt(
                id,
                fields.get("sub"),
                fields.get("dlvrd"),
                date(fields.get("submit date")),
                date(fields.get("done date")),
                stat.toUpperCase(Locale.ROOT),
                fields.get("err"),
                fields.get("text")));
    }

    /**
     * Parses the receipt a deliver_sm carries. The text is read as ASCII (receipts are sent with
     * data_coding 0, and their fields are ASCII either way).
     *
     * @param receiptedMessageId the 0x001E TLV value, or null
     * @param messageState       the 0x0427 TLV value, or null
     * @return empty when neither the text nor the TLVs give both an id and a state
     */
    public static Optional<DeliveryReceipt> parse(byte[] shortMessage, String receiptedMessageId, Integer messageState) {
        String text = shortMessage == null ? "" : new String(shortMessage, StandardCharsets.ISO_8859_1);
        Optional<DeliveryReceipt> fromText = parse(text);
        String tlvStat = messageState == null ? null : SmppStatusMapper.statOf(messageState).orElse(null);
        String tlvId = isBlank(receiptedMessageId) ? null : receiptedMessageId.trim();
        if (fromText.isEmpty()) {
            if (tlvId == null || tlvStat == null) {
                return Optional.empty();
            }
            return Optional.of(new DeliveryReceipt(tlvId, null, null, null, null, tlvStat, null, null));
        }
        DeliveryReceipt r = fromText.get();
        return Optional.of(new DeliveryReceipt(
                tlvId != null ? tlvId : r.id(),
                r.sub(),
                r.dlvrd(),
                r.submitDate(),
                r.doneDate(),
                tlvStat != null ? tlvStat : r.stat(),
                r.err(),
                r.text()));
    }

    private static Map<String, String> fields(String text) {
        Map<String, String> fields = new HashMap<>();
        Matcher m = FIELD.matcher(text);
        String key = null;
        int valueStart = 0;
        while (m.find()) {
            if (key != null) {
                fields.putIfAbsent(key, text.substring(valueStart, m.start()).trim());
            }
            key = m.group(1).toLowerCase(Locale.ROOT);
            valueStart = m.end();
            if (key.equals("text")) {
                // the message text is free-form and may itself contain "id:" or "stat:"
                break;
            }
        }
        if (key != null) {
            String value = text.substring(valueStart);
            fields.putIfAbsent(key, key.equals("text") ? value : value.trim());
        }
        return fields;
    }

    private static LocalDateTime date(String digits) {
        if (digits == null) {
            return null;
        }
        try {
            return switch (digits.length()) {
                case 10 -> LocalDateTime.parse(digits, MINUTES);
                case 12 -> LocalDateTime.parse(digits, SECONDS);
                default -> null;
            };
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
