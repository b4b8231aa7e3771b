package vestnik.templates.render;

import java.util.LinkedHashMap;
import java.util.Map;
import vestnik.templates.model.TemplateContent;
import vestnik.templates.model.TenantProfile;
import vestnik.templates.model.VariableRole;
import vestnik.templates.model.VariableSpec;

/**
 * Example values for lint and preview: each variable's declared {@code sample}, else the tenant's own name and
 * phone for the identification roles, else a built-in sample for its type. Built-in samples are deliberately of
 * realistic length (a long month name, a six-digit amount), because SMS part counts are judged on them;
 * declare a {@code sample} for a truer count.
 */
public final class SampleValues {

    public static final String CREDITOR = "ООО ПКО «Пример»";
    public static final String CONTACT_PHONE = "8 800 000-00-00";

    private SampleValues() {
    }

    public static Map<String, Object> of(TemplateContent content, TenantProfile tenant) {
        TenantProfile t = tenant == null ? TenantProfile.unknown() : tenant;
        Map<String, Object> samples = new LinkedHashMap<>();
        content.variables().forEach((name, spec) -> samples.put(name, sampleFor(name, spec, t)));
        return samples;
    }

    private static Object sampleFor(String name, VariableSpec spec, TenantProfile tenant) {
        if (spec.sample() != null) {
            return spec.sample();
        }
        VariableRole role = spec.effectiveRole(name);
        if (role == VariableRole.CREDITOR) {
            return tenant.name() != null ? tenant.name() : CREDITOR;
        }
        if (role == VariableRole.CONTACT_PHONE) {
            return tenant.phone() != null ? tenant.phone() : CONTACT_PHONE;
        }
        return switch (spec.type()) {
            case STRING -> "Пример текста";
            case MONEY -> "123456.78";
            case DATE -> "2026-09-30";
            case PHONE -> "+7 900 123-45-67";
            case URL -> "https://pay.example.ru/p/AbCd1234";
            case INTEGER -> "25";
        };
    }
}
