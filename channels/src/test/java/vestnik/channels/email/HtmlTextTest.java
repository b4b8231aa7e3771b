package vestnik.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    @DisplayName("paragraphs, lines and list items survive; tags and styles go, entities are decoded")
    void plain() {
        String html = "<html><head><title>x</title><style>p{color:red}</style></head><body>"
                + "<p>Здравствуйте, Иван!</p><div>Долг:&nbsp;1&#160;500&nbsp;&#x20BD;<br>Оплатите до 20.01</div>"
                + "<ul><li>онлайн</li><li>в кассе</li></ul><!-- tracking --><p>&laquo;Демо&raquo; &amp; партнёры</p></body></html>";

        assertThat(HtmlText.toPlain(html)).isEqualTo(
                "Здравствуйте, Иван!\n\nДолг: 1 500 ₽\nОплатите до 20.01\n- онлайн\n- в кассе\n«Демо» & партнёры");
    }

    @Test
    @DisplayName("an unknown entity stays as written and null is empty")
    void edges() {
        assertThat(HtmlText.toPlain("a &bogus; b")).isEqualTo("a &bogus; b");
        assertThat(HtmlText.toPlain(null)).isEmpty();
    }
}
