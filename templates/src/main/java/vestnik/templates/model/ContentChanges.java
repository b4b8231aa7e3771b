package vestnik.templates.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A short human description of what differs between two contents, for the audit trail. */
final class ContentChanges {

    private ContentChanges() {
    }

    /** E.g. {@code "variables (+pay_url, ~amount), sms, telegram"}; {@code "new template"} when there was none. */
    static String describe(TemplateContent before, TemplateContent after) {
        if (before == null) {
            return "new template";
        }
        List<String> parts = new ArrayList<>();
        if (!Objects.equals(before.description(), after.description())) {
            parts.add("description");
        }
        List<String> vars = new ArrayList<>();
        after.variables().forEach((name, spec) -> {
            VariableSpec old = before.variables().get(name);
            if (old == null) {
                vars.add("+" + name);
            } else if (!old.equals(spec)) {
                vars.add("~" + name);
            }
        });
        before.variables().keySet().stream().filter(n -> !after.variables().containsKey(n)).forEach(n -> vars.add("-" + n));
        if (!vars.isEmpty()) {
            parts.add("variables (" + String.join(", ", vars) + ")");
        }
        for (VariantSlot slot : VariantSlot.values()) {
            if (!Objects.equals(before.channels().get(slot), after.channels().get(slot))) {
                parts.add(slot.jsonName());
            }
        }
        return parts.isEmpty() ? "no changes" : String.join(", ", parts);
    }
}
