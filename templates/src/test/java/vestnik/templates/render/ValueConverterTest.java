package vestnik.templates.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import vestnik.templates.model.VariableType;

class ValueConverterTest {

    static Stream<Arguments> moneyInputs() {
        return Stream.of(
                Arguments.of(1234.5, "1234.5"),
                Arguments.of("1234.50", "1234.5"),
                Arguments.of("1 234,50", "1234.5"),
                Arguments.of("1\u00A0234,5", "1234.5"),
                Arguments.of("1\u202F234", "1234"),
                Arguments.of(0, "0"),
                Arguments.of(new BigDecimal("1234567.89"), "1234567.89"),
                Arguments.of(0.1 + 0.2 - 0.3 + 5, "5"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("moneyInputs")
    @DisplayName("money accepts JSON numbers and strings with a decimal point or comma and spaces between thousands")
    void moneyAccepted(Object raw, String amount) {
        Money money = (Money) ValueConverter.convert(VariableType.MONEY, raw);

        assertThat(money.value()).isEqualByComparingTo(amount);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("moneyRefusals")
    @DisplayName("money refuses negatives, mixed separators, fractions of a kopeck and non-numbers")
    void moneyRefused(Object raw, String reason) {
        assertThatThrownBy(() -> ValueConverter.convert(VariableType.MONEY, raw)).hasMessageContaining(reason);
    }

    static Stream<Arguments> moneyRefusals() {
        return Stream.of(
                Arguments.of("-5", "negative"),
                Arguments.of(-5, "negative"),
                Arguments.of("1,234.50", "mixes"),
                Arguments.of("12.345", "not a money amount"),
                Arguments.of(12.345, "two decimal places"),
                Arguments.of("двести", "not a money amount"),
                Arguments.of(true, "must be a money amount, got true"),
                Arguments.of(Map.of("a", 1), "got an object"),
                Arguments.of(Double.NaN, "finite"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2026-11-25", "25.11.2026", "' 2026-11-25 '"})
    @DisplayName("a date is ISO or Russian day.month.year")
    void dateAccepted(String raw) {
        assertThat(ValueConverter.convert(VariableType.DATE, raw)).isEqualTo(new RuDate(LocalDate.of(2026, 11, 25)));
    }

    @Test
    @DisplayName("an impossible date, a date-time or a number is not a date")
    void dateRefused() {
        assertThatThrownBy(() -> ValueConverter.convert(VariableType.DATE, "2026-02-30")).hasMessageContaining("not a calendar date");
        assertThatThrownBy(() -> ValueConverter.convert(VariableType.DATE, "31.04.2026")).hasMessageContaining("not a calendar date");
        assertThatThrownBy(() -> ValueConverter.convert(VariableType.DATE, "2026-11-25T10:00:00Z")).hasMessageContaining("not a date");
        assertThatThrownBy(() -> ValueConverter.convert(VariableType.DATE, 20261125)).hasMessageContaining("must be a date");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "+7 (916) 123-45-67 | +7 916 123-45-67 | +79161234567",
        "89161234567        | +7 916 123-45-67 | +79161234567",
        "79161234567        | +7 916 123-45-67 | +79161234567",
        "9161234567         | +7 916 123-45-67 | +79161234567",
        "8-800-555-35-35    | 8 800 555-35-35  | +78005553535",
        "+7 495 123 45 67   | +7 495 123-45-67 | +74951234567",
        "+375 29 123 45 67  | +375291234567    | +375291234567",
    })
    @DisplayName("phones are normalised for display; Russian toll-free numbers keep their 8 800 form")
    void phones(String raw, String display, String e164) {
        Phone phone = (Phone) ValueConverter.convert(VariableType.PHONE, raw);

        assertThat(phone.toString()).isEqualTo(display);
        assertThat(phone.e164()).isEqualTo(e164);
    }

    @Test
    @DisplayName("a JSON number is a phone too; too short, too long or lettered numbers are not")
    void phoneEdges() {
        assertThat(ValueConverter.convert(VariableType.PHONE, 79161234567L)).hasToString("+7 916 123-45-67");
        for (String bad : List.of("12345", "+7916123456", "8916123456789", "8 916 ABC-45-67", "0161234567")) {
            assertThatThrownBy(() -> ValueConverter.convert(VariableType.PHONE, bad)).as(bad)
                    .hasMessageContaining("is not a phone number");
        }
    }

    @Test
    @DisplayName("text must not be blank; a number given for text is printed plainly")
    void strings() {
        assertThat(ValueConverter.convert(VariableType.STRING, 1234567.0)).isEqualTo("1234567.0");
        assertThat(ValueConverter.convert(VariableType.STRING, 40817810L)).isEqualTo("40817810");
        assertThatThrownBy(() -> ValueConverter.convert(VariableType.STRING, "  ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> ValueConverter.convert(VariableType.STRING, null)).hasMessageContaining("no value");
        assertThatThrownBy(() -> ValueConverter.convert(VariableType.STRING, List.of("a"))).hasMessageContaining("a list");
    }

    @Test
    @DisplayName("links must be http or https with a host")
    void urls() {
        assertThat(ValueConverter.convert(VariableType.URL, "https://pay.example.ru/p/1?x=2")).isEqualTo("https://pay.example.ru/p/1?x=2");
        assertThatThrownBy(() -> ValueConverter.convert(VariableType.URL, "javascript:alert(1)")).hasMessageContaining("not an http(s) link");
        assertThatThrownBy(() -> ValueConverter.convert(VariableType.URL, "pay.example.ru")).hasMessageContaining("not an http(s) link");
    }

    @Test
    @DisplayName("integers accept whole numbers in any JSON form and refuse fractions")
    void integers() {
        assertThat(ValueConverter.convert(VariableType.INTEGER, 5)).isEqualTo(5L);
        assertThat(ValueConverter.convert(VariableType.INTEGER, "21")).isEqualTo(21L);
        assertThat(ValueConverter.convert(VariableType.INTEGER, 5.0)).isEqualTo(5L);
        assertThatThrownBy(() -> ValueConverter.convert(VariableType.INTEGER, 5.5)).hasMessageContaining("whole number");
        assertThatThrownBy(() -> ValueConverter.convert(VariableType.INTEGER, "5.5")).hasMessageContaining("whole number");
    }
}
