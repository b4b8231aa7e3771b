package vestnik.templates.render;

import java.time.LocalDate;

/** A calendar date as a template sees it: {@code {{due}}} prints {@code 25 ноября 2026}. */
public record RuDate(LocalDate value) implements Comparable<RuDate> {

    @Override
    public int compareTo(RuDate other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return RussianFormat.date(value);
    }
}
