package vestnik.gateway.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import vestnik.gateway.api.ApiError;
import vestnik.gateway.api.ErrorCode;
import vestnik.gateway.intake.PhoneNumbers;

/** Checks a {@code PUT /v1/contacts/{contactId}} body; every problem names its field. */
public final class ContactParser {

    public static final Pattern CONTACT_ID = Pattern.compile("[\\p{L}\\p{N}._:/@#-]{1,128}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s.]{2,63}");
    private static final Set<String> FIELDS = Set.of("phones", "emails", "region", "timezone", "address", "statuses");
    /** The blocking statuses of the rule card (regulation.md); what each blocks is the contact policy's business. */
    public static final Set<String> STATUSES = Set.of("refused_interaction", "representative_only", "bankruptcy",
            "incapacitated", "inpatient", "disability_group_1", "minor", "deceased", "dispute_pending");
    private static final int MAX_ITEMS = 10;

    private ContactParser() {
    }

    public static void checkId(String contactId) {
        if (contactId == null || !CONTACT_ID.matcher(contactId).matches()) {
            throw new ApiError(ErrorCode.INVALID_CONTACT_ID, "contactId must be 1-128 letters, digits or . _ : / @ # -");
        }
    }

    public static Contact parse(String contactId, JsonNode body, Instant now) {
        checkId(contactId);
        if (body == null || !body.isObject()) {
            throw new ApiError(ErrorCode.MALFORMED_JSON, "the body must be a JSON object");
        }
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!FIELDS.contains(n)) {
                throw new ApiError(ErrorCode.UNKNOWN_FIELD, "unknown field '" + n + "'");
            }
        }
        List<String> phones = new ArrayList<>();
        for (String raw : strings(body, "phones")) {
            phones.add(PhoneNumbers.toE164(raw).orElseThrow(() -> new ApiError(ErrorCode.INVALID_PHONE,
                    "phones has a number that is not valid; give it in international form such as +79161234567")));
        }
        List<String> emails = new ArrayList<>();
        for (String raw : strings(body, "emails")) {
            String e = raw.trim().toLowerCase(Locale.ROOT);
            if (!EMAIL.matcher(e).matches()) {
                throw new ApiError(ErrorCode.INVALID_EMAIL, "emails has an address that is not valid");
            }
            emails.add(e);
        }
        List<String> statuses = new ArrayList<>();
        for (String s : strings(body, "statuses")) {
            String st = s.trim().toLowerCase(Locale.ROOT);
            if (!STATUSES.contains(st)) {
                throw new ApiError(ErrorCode.VALIDATION_FAILED, "statuses has unknown status '" + s + "'; known: " + STATUSES);
            }
            statuses.add(st);
        }
        String timezone = text(body, "timezone", 64);
        if (timezone != null) {
            try {
                ZoneId.of(timezone);
            } catch (DateTimeException e) {
                throw new ApiError(ErrorCode.VALIDATION_FAILED, "timezone must be an IANA zone such as Asia/Yekaterinburg");
            }
        }
        return new Contact(contactId, dedupe(phones), dedupe(emails), text(body, "region", 128), timezone,
                text(body, "address", 512), dedupe(statuses), now, null);
    }

    private static List<String> dedupe(List<String> items) {
        return List.copyOf(new LinkedHashSet<>(items));
    }

    private static List<String> strings(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray() || n.size() > MAX_ITEMS) {
            throw new ApiError(ErrorCode.VALIDATION_FAILED, field + " must be a list of at most " + MAX_ITEMS + " strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : n) {
            if (!item.isTextual()) {
                throw new ApiError(ErrorCode.VALIDATION_FAILED, field + " must be a list of strings");
            }
            out.add(item.asText());
        }
        return out;
    }

    private static String text(JsonNode body, String field, int max) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual() || n.asText().length() > max) {
            throw new ApiError(ErrorCode.VALIDATION_FAILED, field + " must be a string of at most " + max + " characters");
        }
        return n.asText().isBlank() ? null : n.asText().trim();
    }
}
