package vestnik.templates.render;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every declared variable with its typed value, checked against the declarations; made by
 * {@link TemplateRenderer#bind}. {@code fromSamples} names those filled from samples (preview only).
 */
public record BoundValues(Map<String, Object> values, List<String> fromSamples) {

    public BoundValues {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        fromSamples = List.copyOf(fromSamples);
    }

    /** What a template prints for {@code name}, e.g. {@code 1 234,56 ₽}. */
    public String display(String name) {
        Object v = values.get(name);
        return v == null ? null : v.toString();
    }
}
