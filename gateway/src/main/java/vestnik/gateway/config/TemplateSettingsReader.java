package vestnik.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import vestnik.templates.lint.ForbiddenPhrases;
import vestnik.templates.lint.LintConfig;
import vestnik.templates.model.TenantProfile;
import vestnik.templates.preview.Tariff;

/**
 * A tenant's template settings: {@code profile: {name, phone}}, {@code tariff: {smsPart, messengerMessage, email,
 * callMinute, callAttempt}} (roubles) and {@code lint: {maxSmsParts, forbiddenPhrases}}; each section optional.
 */
final class TemplateSettingsReader {

    private static final Set<String> PROFILE_KEYS = Set.of("name", "phone");
    private static final Set<String> TARIFF_KEYS = Set.of("smsPart", "messengerMessage", "email", "callMinute", "callAttempt");
    private static final Set<String> LINT_KEYS = Set.of("maxSmsParts", "forbiddenPhrases");
    private static final int MAX_SMS_PARTS = 10;

    private TemplateSettingsReader() {
    }

    /** The creditor's name defaults to the tenant's {@code name}; the phone to none (templates then need a variable). */
    static TenantProfile profile(JsonNode tenant, String where, String tenantName) {
        JsonNode p = section(tenant, "profile", where, PROFILE_KEYS);
        if (p == null) {
            return new TenantProfile(tenantName, null);
        }
        String name = ConfigReader.text(p, "name", tenantName);
        String phone = ConfigReader.text(p, "phone", null);
        if (name.isBlank()) {
            throw new ConfigException(where + ".profile.name must not be blank");
        }
        if (phone != null && vestnik.templates.render.Phone.parse(phone).isEmpty()) {
            throw new ConfigException(where + ".profile.phone '" + phone + "' is not a phone number such as 8 800 555-35-35");
        }
        return new TenantProfile(name, phone);
    }

    static Tariff tariff(JsonNode tenant, String where) {
        JsonNode t = section(tenant, "tariff", where, TARIFF_KEYS);
        if (t == null) {
            return Tariff.free();
        }
        String w = where + ".tariff.";
        return new Tariff(price(t, w, "smsPart"), price(t, w, "messengerMessage"), price(t, w, "email"),
                price(t, w, "callMinute"), price(t, w, "callAttempt"));
    }

    static LintConfig lint(JsonNode tenant, String where) {
        JsonNode l = section(tenant, "lint", where, LINT_KEYS);
        if (l == null) {
            return LintConfig.defaults();
        }
        int maxParts = LintConfig.DEFAULT_MAX_SMS_PARTS;
        String parts = ConfigReader.text(l, "maxSmsParts", null);
        if (parts != null) {
            try {
                maxParts = Integer.parseInt(parts.trim());
            } catch (NumberFormatException e) {
                throw new ConfigException(where + ".lint.maxSmsParts must be a whole number, not '" + parts + "'");
            }
            if (maxParts < 1 || maxParts > MAX_SMS_PARTS) {
                throw new ConfigException(where + ".lint.maxSmsParts must be between 1 and " + MAX_SMS_PARTS
                        + " (the SMS channel refuses longer texts), not " + maxParts);
            }
        }
        JsonNode list = l.get("forbiddenPhrases");
        if (list == null || list.isNull()) {
            return new LintConfig(maxParts, ForbiddenPhrases.defaults());
        }
        if (!list.isArray()) {
            throw new ConfigException(where + ".lint.forbiddenPhrases must be a list of phrases");
        }
        List<String> phrases = new ArrayList<>();
        list.forEach(n -> phrases.add(n.asText()));
        try {
            return new LintConfig(maxParts, ForbiddenPhrases.of(phrases));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ".lint.forbiddenPhrases: " + e.getMessage());
        }
    }

    private static JsonNode section(JsonNode tenant, String name, String where, Set<String> keys) {
        JsonNode s = tenant.get(name);
        if (s == null || s.isNull()) {
            return null;
        }
        if (!s.isObject()) {
            throw new ConfigException(where + "." + name + " must be a mapping");
        }
        Iterator<String> fields = s.fieldNames();
        while (fields.hasNext()) {
            String f = fields.next();
            if (!keys.contains(f)) {
                throw new ConfigException(where + "." + name + "." + f + " is not a known key; known: " + keys);
            }
        }
        return s;
    }

    /** Roubles, as a YAML number ({@code 3.50}) or text (from an environment variable); absent is zero. */
    private static BigDecimal price(JsonNode section, String where, String key) {
        JsonNode v = section.get(key);
        if (v == null || v.isNull()) {
            return BigDecimal.ZERO;
        }
        BigDecimal price;
        try {
            price = new BigDecimal(v.asText().trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(where + key + " must be a price in roubles such as 3.50, not '" + v.asText() + "'");
        }
        if (price.signum() < 0) {
            throw new ConfigException(where + key + " cannot be negative");
        }
        return price;
    }
}
