package vestnik.templates.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RussianFormatTest {

    /** Written with '_' for the no-break space so that the expectations stay readable. */
    private static String nbsp(String s) {
        return s.replace('_', RussianFormat.NBSP);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "0 | 0_₽",
        "5 | 5_₽",
        "1234.5 | 1_234,50_₽",
        "1234.56 | 1_234,56_₽",
        "1234.05 | 1_234,05_₽",
        "1234567.89 | 1_234_567,89_₽",
        "1000000 | 1_000_000_₽",
        "999 | 999_₽",
        "100000.10 | 100_000,10_₽",
        "5.00 | 5_₽",
    })
    @DisplayName("money is grouped by thousands with no-break spaces, kopecks shown only when there are any")
    void money(String amount, String expected) {
        assertThat(RussianFormat.money(new BigDecimal(amount))).isEqualTo(nbsp(expected));
    }

    @Test
    @DisplayName("a negative amount or fractions of a kopeck are refused, not rounded")
    void moneyRefusesNegativeAndSubKopeck() {
        assertThatThrownBy(() -> RussianFormat.money(new BigDecimal("-1"))).hasMessageContaining("negative");
        assertThatThrownBy(() -> RussianFormat.money(new BigDecimal("1.005"))).hasMessageContaining("two decimal");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "2026-11-25, 25 ноября 2026",
        "2026-01-01, 1 января 2026",
        "2026-02-28, 28 февраля 2026",
        "2026-03-08, 8 марта 2026",
        "2026-05-09, 9 мая 2026",
        "2026-09-30, 30 сентября 2026",
    })
    @DisplayName("dates take the genitive month name and no leading zero")
    void dates(String iso, String expected) {
        assertThat(RussianFormat.date(LocalDate.parse(iso))).isEqualTo(expected);
    }

    @Test
    @DisplayName("short and day-month date styles")
    void dateStyles() {
        LocalDate d = LocalDate.parse("2026-03-05");
        assertThat(RussianFormat.numericDate(d)).isEqualTo("05.03.2026");
        assertThat(RussianFormat.dayMonth(d)).isEqualTo("5 марта");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "0, дней", "1, день", "2, дня", "3, дня", "4, дня", "5, дней", "10, дней",
        "11, дней", "12, дней", "13, дней", "14, дней", "15, дней", "20, дней",
        "21, день", "22, дня", "24, дня", "25, дней", "100, дней", "101, день", "102, дня",
        "111, дней", "112, дней", "121, день", "1001, день", "1011, дней", "-1, день", "-5, дней",
    })
    @DisplayName("plural forms follow the Russian rules, 11-14 taking the many-form")
    void plurals(long n, String word) {
        assertThat(RussianFormat.plural(BigDecimal.valueOf(n), "день", "дня", "дней")).isEqualTo(n + " " + word);
    }

    @Test
    @DisplayName("a fractional count takes the few-form with a decimal comma")
    void fractionalPlural() {
        assertThat(RussianFormat.plural(new BigDecimal("2.5"), "день", "дня", "дней")).isEqualTo("2,5 дня");
        assertThat(RussianFormat.plural(new BigDecimal("5.0"), "день", "дня", "дней")).isEqualTo("5 дней");
    }
}
