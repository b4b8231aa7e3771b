package vestnik.templates.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vestnik.templates.model.TenantProfile;
import vestnik.templates.model.VariableRole;
import vestnik.templates.model.VariantSlot;
import vestnik.templates.render.BoundValues;
import vestnik.templates.render.Phone;
import vestnik.templates.render.RenderedContent;

/**
 * Since 2025-09-01 (137-FZ) every electronic collection message must contain the creditor's (or
 * representative's) name and a contact phone. Checked on the text rendered with sample values: the name must
 * appear as a creditor-role variable's value or the tenant's name, the phone as a contact-phone variable's value or
 * the tenant's phone, in any spelling of the number. A robocall must name the creditor (230-FZ art. 7); its
 * number is the caller id, so no phone is required in speech.
 */
final class IdentificationRule implements LintRule {

    private static final String SEPARATORS = "[\\s\\u00A0\\u202F\\-().]*";

    @Override
    public List<Finding> check(LintSubject s) {
        List<String> names = creditorNames(s);
        Set<String> phones = contactPhones(s);
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<VariantSlot, RenderedContent> e : s.rendered().entrySet()) {
            String channel = e.getKey().jsonName();
            RenderedContent content = e.getValue();
            String text = identifyingText(content);
            if (text == null || text.isBlank()) {
                out.add(Finding.warning(FindingCode.IDENTIFICATION_UNVERIFIABLE, channel, content instanceof RenderedContent.Ivr
                        ? channel + " has no synthesised speech: make sure its recordings name the creditor"
                        : channel + " has no approved body text here: make sure the template approved at Meta names "
                                + "the creditor and a contact phone"));
                continue;
            }
            if (!mentionsAny(text, names)) {
                out.add(Finding.blocking(FindingCode.MISSING_CREDITOR, channel, channel
                        + " does not name the creditor: use a 'creditor' variable or the tenant's name"
                        + (names.isEmpty() ? " (the template declares no creditor variable and the tenant has no name set)" : "")));
            }
            if (!(content instanceof RenderedContent.Ivr) && !mentionsPhone(text, phones)) {
                out.add(Finding.blocking(FindingCode.MISSING_CONTACT_PHONE, channel, channel
                        + " gives no contact phone: use a 'phone' variable or the tenant's phone"
                        + (phones.isEmpty() ? " (the template declares no phone variable and the tenant has no phone set)" : "")));
            }
        }
        return out;
    }

    private static String identifyingText(RenderedContent content) {
        if (content instanceof RenderedContent.Email email) {
            return email.text() != null ? email.text() : email.html();
        }
        if (content instanceof RenderedContent.WhatsApp wa) {
            return wa.body();
        }
        if (content instanceof RenderedContent.Ivr ivr) {
            return ivr.speech();
        }
        return content.text();
    }

    private static List<String> creditorNames(LintSubject s) {
        List<String> names = new ArrayList<>();
        TenantProfile tenant = s.context().tenant();
        if (tenant.name() != null && !tenant.name().isBlank()) {
            names.add(tenant.name());
        }
        names.addAll(roleValues(s, VariableRole.CREDITOR));
        return names;
    }

    private static Set<String> contactPhones(LintSubject s) {
        List<String> raw = new ArrayList<>(roleValues(s, VariableRole.CONTACT_PHONE));
        if (s.context().tenant().phone() != null) {
            raw.add(s.context().tenant().phone());
        }
        return raw.stream().map(p -> Phone.parse(p).map(Phone::e164).orElse(p)).collect(Collectors.toSet());
    }

    private static List<String> roleValues(LintSubject s, VariableRole role) {
        BoundValues samples = s.samples();
        if (samples == null) {
            return List.of();
        }
        return s.template().content().variables().entrySet().stream()
                .filter(v -> v.getValue().effectiveRole(v.getKey()) == role)
                .map(v -> samples.display(v.getKey()))
                .filter(v -> v != null && !v.isBlank())
                .toList();
    }

    private static boolean mentionsAny(String text, List<String> names) {
        String haystack = RussianText.normalize(text);
        return names.stream().anyMatch(n -> haystack.contains(RussianText.normalize(n).strip()));
    }

    private static boolean mentionsPhone(String text, Set<String> phones) {
        return phones.stream().anyMatch(p -> spelledAnyWay(p).matcher(text).find());
    }

    /**
     * A number in any spelling: {@code +78005553535} matches "8 800 555-35-35", "+7 (800) 5553535", "8-800-555-35-35";
     * a value that is not a phone number must appear literally.
     */
    private static Pattern spelledAnyWay(String phone) {
        if (!phone.startsWith("+")) {
            return Pattern.compile(Pattern.quote(phone));
        }
        String digits = phone.substring(1);
        boolean russian = digits.length() == 11 && digits.startsWith("7");
        String significant = russian ? digits.substring(1) : digits;
        StringBuilder regex = new StringBuilder("(?<!\\d)").append(russian ? "(?:\\+?7|8)?" : "\\+?");
        for (char d : significant.toCharArray()) {
            regex.append(SEPARATORS).append(d);
        }
        return Pattern.compile(regex.append("(?!\\d)").toString());
    }
}
