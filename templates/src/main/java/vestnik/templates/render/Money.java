package vestnik.templates.render;

import java.math.BigDecimal;

/**
 * A money amount in roubles as a template sees it: {@code {{amount}}} prints {@code 1 234,56 ₽};
 * {@code {% if amount.value > 1000 %}} compares the number.
 */
public record Money(BigDecimal value) implements Comparable<Money> {

    public Money {
        value = RussianFormat.checkedMoney(value);
    }

    @Override
    public int compareTo(Money other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return RussianFormat.money(value);
    }
}
