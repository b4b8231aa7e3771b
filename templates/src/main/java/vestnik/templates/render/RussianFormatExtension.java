package vestnik.templates.render;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Pebble filters for Russian texts: {@code {{ amount | money }}}, {@code {{ due | date }}} (also
 * {@code date('short')} → 25.11.2026 and {@code date('day_month')} → 25 ноября),
 * {@code {{ days | plural('день','дня','дней') }}} → {@code 5 дней}, and {@code plural_form(…)} for the word alone.
 * {@code date} replaces Pebble's own pattern-based filter, which does not know genitive month names.
 */
final class RussianFormatExtension extends AbstractExtension {

    @Override
    public Map<String, Filter> getFilters() {
        return Map.of(
                "money", new MoneyFilter(),
                "date", new DateFilter(),
                "plural", new PluralFilter(true),
                "plural_form", new PluralFilter(false));
    }

    private static final class MoneyFilter implements Filter {
        @Override
        public List<String> getArgumentNames() {
            return List.of();
        }

        @Override
        public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                            int lineNumber) {
            if (input instanceof Money m) {
                return m.toString();
            }
            if (input instanceof Number n) {
                try {
                    return RussianFormat.money(ValueConverter.decimal(n));
                } catch (IllegalArgumentException e) {
                    throw new FilterInputException("money: " + e.getMessage(), lineNumber);
                }
            }
            throw new FilterInputException("money formats money amounts and numbers, not '" + input + "'", lineNumber);
        }
    }

    private static final class DateFilter implements Filter {
        @Override
        public List<String> getArgumentNames() {
            return List.of("style");
        }

        @Override
        public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                            int lineNumber) {
            LocalDate date;
            if (input instanceof RuDate d) {
                date = d.value();
            } else if (input instanceof LocalDate d) {
                date = d;
            } else {
                throw new FilterInputException("date formats dates, not '" + input + "'", lineNumber);
            }
            Object style = args.get("style");
            String s = style == null ? "long" : style.toString();
            return switch (s) {
                case "long" -> RussianFormat.date(date);
                case "short" -> RussianFormat.numericDate(date);
                case "day_month" -> RussianFormat.dayMonth(date);
                default -> throw new FilterInputException(
                        "date style '" + s + "' is not one of long, short, day_month", lineNumber);
            };
        }
    }

    private static final class PluralFilter implements Filter {
        private final boolean withNumber;

        PluralFilter(boolean withNumber) {
            this.withNumber = withNumber;
        }

        @Override
        public List<String> getArgumentNames() {
            return List.of("one", "few", "many");
        }

        @Override
        public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                            int lineNumber) {
            String name = withNumber ? "plural" : "plural_form";
            BigDecimal n;
            if (input instanceof Number num) {
                n = ValueConverter.decimal(num);
            } else if (input instanceof Money m) {
                n = m.value();
            } else {
                throw new FilterInputException(name + " needs a number, not '" + input + "'", lineNumber);
            }
            Object one = args.get("one");
            Object few = args.get("few");
            Object many = args.get("many");
            if (one == null || few == null || many == null) {
                throw new FilterInputException(name + " needs three word forms, e.g. "
                        + name + "('день','дня','дней')", lineNumber);
            }
            return withNumber
                    ? RussianFormat.plural(n, one.toString(), few.toString(), many.toString())
                    : RussianFormat.pluralForm(n, one.toString(), few.toString(), many.toString());
        }
    }
}
