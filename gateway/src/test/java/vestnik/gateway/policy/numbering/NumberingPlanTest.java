package vestnik.gateway.policy.numbering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NumberingPlanTest {

    static InputStream fixture(String name) {
        InputStream in = NumberingPlanTest.class.getResourceAsStream("/policy/numbering/" + name);
        assertThat(in).as("fixture " + name).isNotNull();
        return in;
    }

    static NumberingPlan allThree() throws IOException {
        try (InputStream def = fixture("DEF-9xx-8col.csv");
             InputStream abc4 = fixture("ABC-4xx-7col.csv");
             InputStream abc3 = fixture("ABC-3xx-6col-cp1251.csv")) {
            return NumberingPlan.builder().add("DEF-9xx.csv", def).add("ABC-4xx.csv", abc4)
                    .add("ABC-3xx.csv", abc3).build();
        }
    }

    @Test
    @DisplayName("the current 8-column file (UTF-8 with BOM) is read with its ГАР territory and INN, skipping a broken row")
    void eightColumns() throws IOException {
        NumberingPlan plan;
        try (InputStream in = fixture("DEF-9xx-8col.csv")) {
            plan = NumberingPlan.builder().add("DEF-9xx.csv", in).build();
        }
        PlanFileReport r = plan.reports().get(0);
        assertThat(r.layout()).isEqualTo(PlanLayout.EIGHT_WITH_GAR);
        assertThat(r.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(r.ranges()).isEqualTo(9);
        assertThat(r.skipped()).isEqualTo(1);
        assertThat(r.problems()).singleElement().asString().startsWith("line 11: code '9XX'");
        assertThat(plan.lookup("+79142105555")).hasValueSatisfying(range -> {
            assertThat(range.code()).isEqualTo(914);
            assertThat(range.from()).isEqualTo(2_100_000);
            assertThat(range.to()).isEqualTo(2_109_999);
            assertThat(range.region()).isEqualTo("-");
            assertThat(range.garTerritory()).isEqualTo("п. Усть-Нера|Оймяконский м.р-н|Республика Саха (Якутия)");
            assertThat(range.operator()).isEqualTo("ПАО \"МегаФон\"");
            assertThat(range.inn()).isEqualTo("7812014560");
        });
    }

    @Test
    @DisplayName("the 7-column file (…;Регион;ИНН) is read, a quoted operator name unquoted")
    void sevenColumns() throws IOException {
        NumberingPlan plan;
        try (InputStream in = fixture("ABC-4xx-7col.csv")) {
            plan = NumberingPlan.builder().add("ABC-4xx.csv", in).build();
        }
        assertThat(plan.reports().get(0).layout()).isEqualTo(PlanLayout.SEVEN_WITH_INN);
        assertThat(plan.size()).isEqualTo(5);
        assertThat(plan.lookup("74152123456")).hasValueSatisfying(range -> {
            assertThat(range.region()).isEqualTo("Камчатский край");
            assertThat(range.operator()).isEqualTo("ПАО \"Ростелеком\"");
            assertThat(range.garTerritory()).isEmpty();
            assertThat(range.inn()).isEqualTo("7707049388");
        });
    }

    @Test
    @DisplayName("the old 6-column file in windows-1251 is recognised by its bytes and read")
    void sixColumnsWindows1251() throws IOException {
        NumberingPlan plan;
        try (InputStream in = fixture("ABC-3xx-6col-cp1251.csv")) {
            plan = NumberingPlan.builder().add("ABC-3xx.csv", in).build();
        }
        PlanFileReport r = plan.reports().get(0);
        assertThat(r.layout()).isEqualTo(PlanLayout.SIX_COLUMNS);
        assertThat(r.charset().name()).isEqualTo("windows-1251");
        assertThat(plan.lookup("+78432555555")).map(NumberRange::region).contains("Республика Татарстан");
        assertThat(plan.lookup("+74112299999")).map(NumberRange::region).contains("Республика Саха /Якутия/");
        assertThat(plan.lookup("+74112300000")).isEmpty();
    }

    @Test
    @DisplayName("lookup finds a range's first and last numbers and nothing in the gaps, before or after")
    void rangeEdges() throws IOException {
        NumberingPlan plan = allThree();
        assertThat(plan.size()).isEqualTo(18);
        assertThat(plan.lookup("+79140200000")).map(NumberRange::region).contains("Камчатский край");
        assertThat(plan.lookup("+79140299999")).map(NumberRange::region).contains("Камчатский край");
        assertThat(plan.lookup("+79140300000")).isEmpty();
        assertThat(plan.lookup("+79140199999")).isEmpty();
        assertThat(plan.lookup("+73000000000")).isEmpty();
        assertThat(plan.lookup("+79999999999")).isEmpty();
        assertThat(plan.lookup("+79160000000")).map(NumberRange::region).contains("г. Москва и Московская область");
    }

    @Test
    @DisplayName("numbers that are not Russian E.164 are not looked up")
    void notRussian() throws IOException {
        NumberingPlan plan = allThree();
        assertThat(plan.lookup("+380441234567")).isEmpty();
        assertThat(plan.lookup("89160000000")).isEmpty();
        assertThat(plan.lookup("+7916000000")).isEmpty();
        assertThat(plan.lookup(null)).isEmpty();
        assertThat(NumberingPlan.empty().lookup("+79160000000")).isEmpty();
    }

    @Test
    @DisplayName("an HTML error page served instead of the file is refused, naming what it found")
    void refusesHtml() {
        byte[] page = "<!DOCTYPE html><html><body>403 Forbidden</body></html>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> NumberingPlan.builder().add("DEF-9xx.csv", page))
                .isInstanceOf(NumberingPlanFormatException.class)
                .hasMessageContaining("DEF-9xx.csv").hasMessageContaining("403 Forbidden");
    }

    @Test
    @DisplayName("a file with the header but no readable row is refused rather than loaded as an empty plan")
    void refusesEmptyPlan() {
        byte[] onlyHeader = "АВС/ DEF;От;До;Емкость;Оператор;Регион\r\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> NumberingPlan.builder().add("ABC-8xx.csv", onlyHeader))
                .isInstanceOf(NumberingPlanFormatException.class).hasMessageContaining("no range");
    }

    @Test
    @DisplayName("a range that overlaps one starting before it is dropped and counted")
    void overlaps() {
        String a = "АВС/ DEF;От;До;Емкость;Оператор;Регион\n900;0000000;0099999;100000;A;Камчатский край\n";
        String b = "АВС/ DEF;От;До;Емкость;Оператор;Регион\n900;0050000;0150000;100001;B;г. Москва\n";
        NumberingPlan plan = NumberingPlan.builder().add("a.csv", a.getBytes(StandardCharsets.UTF_8))
                .add("b.csv", b.getBytes(StandardCharsets.UTF_8)).build();
        assertThat(plan.overlapsDropped()).isEqualTo(1);
        assertThat(plan.lookup("+79000060000")).map(NumberRange::operator).contains("A");
        assertThat(plan.lookup("+79000120000")).isEmpty();
    }

    @Test
    @DisplayName("fields are split on semicolons, with quotes honoured only around a whole field")
    void splitting() {
        assertThat(PlanFileReader.split("1;\"a;\"\"b\"\"\";ПАО \"X\";")).containsExactly("1", "a;\"b\"", "ПАО \"X\"", "");
    }
}
