package vestnik.templates.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ForbiddenPhrasesTest {

    private final ForbiddenPhrases phrases = ForbiddenPhrases.of(List.of("уголовн* дел*", "арест имущества", "суд"));

    @Test
    @DisplayName("matching ignores case, treats ё as е, spaces of any kind alike, and Latin look-alikes as Cyrillic")
    void normalisation() {
        assertThat(phrases.find("УГОЛОВНОЕ\u00A0ДЕЛО")).extracting(ForbiddenPhrases.Match::phrase).containsExactly("уголовн* дел*");
        assertThat(phrases.find("Возможен apecт  имущества")).extracting(ForbiddenPhrases.Match::phrase)
                .containsExactly("арест имущества");
        assertThat(ForbiddenPhrases.of(List.of("придём к вам")).find("Придем к вам домой")).hasSize(1);
    }

    @Test
    @DisplayName("a starred word matches any ending; an unstarred one only the whole word")
    void wordBoundaries() {
        assertThat(phrases.find("возбуждение уголовного дела")).extracting(ForbiddenPhrases.Match::matched)
                .containsExactly("уголовного дела");
        assertThat(phrases.find("Ссуда выдана")).isEmpty();
        assertThat(phrases.find("обратимся в суд.")).extracting(ForbiddenPhrases.Match::phrase).containsExactly("суд");
    }

    @Test
    @DisplayName("the built-in list loads from its resource and finds the classic threats")
    void defaults() {
        assertThat(ForbiddenPhrases.defaultList()).contains("уголовн* дел*", "арест* имуществ*", "коллектор* приед*");
        assertThat(ForbiddenPhrases.defaults().find("К вам приедут коллекторы? Нет: коллекторы приедут завтра"))
                .extracting(ForbiddenPhrases.Match::phrase).containsExactly("коллектор* приед*");
        assertThat(ForbiddenPhrases.defaults().find("Оплатите долг до 25 ноября. Тел. 8 800 555-35-35")).isEmpty();
    }

    @Test
    @DisplayName("a blank phrase or a star inside a word is refused when the list is built")
    void badPhrases() {
        assertThatThrownBy(() -> ForbiddenPhrases.of(List.of(" "))).hasMessageContaining("blank");
        assertThatThrownBy(() -> ForbiddenPhrases.of(List.of("уго*ловное"))).hasMessageContaining("may only end a word");
    }
}
