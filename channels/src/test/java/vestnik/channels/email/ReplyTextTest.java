package vestnik.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplyTextTest {

    @ParameterizedTest(name = "{0}")
    @DisplayName("the quoted letter is cut off the way each mail client marks it")
    @CsvSource(delimiter = '|', value = {
            "'>' quote right below                | Когда привезут?\\n\\n> Здравствуйте!\\n> Ваш заказ",
            "Gmail English attribution            | Когда привезут?\\n\\nOn Wed, 15 Jan 2025 at 14:32, MyShop <noreply@shop.example> wrote:\\n\\n> Здравствуйте!",
            "Gmail attribution wrapped            | Когда привезут?\\n\\nOn Wed, 15 Jan 2025 at 14:32, MyShop Support <\\nnoreply@shop.example> wrote:\\n> Здравствуйте!",
            "Gmail Russian attribution            | Когда привезут?\\n\\nср, 15 янв. 2025 г. в 14:32, MyShop <noreply@shop.example>:\\n> Здравствуйте!",
            "Gmail Russian wrapped                | Когда привезут?\\n\\nср, 15 янв. 2025 г. в 14:32, ООО «Демо» <\\nnoreply@demo.ru>:\\n> Здравствуйте!",
            "Mail.ru attribution without a quote  | Когда привезут?\\n\\nСреда, 15 января 2025, 14:32 +03:00 от ООО «Демо» <noreply@demo.ru>:\\nЗдравствуйте!",
            "Yandex attribution                   | Когда привезут?\\n\\n15.01.2025, 14:32, \"ООО «Демо»\" <noreply@demo.ru> пишет:\\nЗдравствуйте!",
            "Thunderbird attribution              | Когда привезут?\\n\\n15.01.2025 14:32, MyShop пишет:\\n> Здравствуйте!",
            "Outlook separator                    | Когда привезут?\\n\\n-----Original Message-----\\nFrom: MyShop\\nЗдравствуйте!",
            "Outlook header block                 | Когда привезут?\\n\\nFrom: MyShop <noreply@shop.example>\\nSent: Wednesday, January 15, 2025 2:32 PM\\nЗдравствуйте!",
            "Outlook Russian header block         | Когда привезут?\\n\\nОт: ООО «Демо» <noreply@demo.ru>\\nОтправлено: 15 января 2025 г. 14:32\\nЗдравствуйте!",
            "Russian separator                    | Когда привезут?\\n-------- Исходное сообщение --------\\nЗдравствуйте!"})
    void cut(String client, String text) {
        assertThat(ReplyText.newPart(text.replace("\\n", "\n"))).isEqualTo("Когда привезут?");
    }

    @Test
    @DisplayName("several paragraphs above the quote are all kept")
    void paragraphs() {
        assertThat(ReplyText.newPart("Добрый день.\n\nОплачу в пятницу.\nИван\n\n> Здравствуйте!"))
                .isEqualTo("Добрый день.\n\nОплачу в пятницу.\nИван");
    }

    @Test
    @DisplayName("a reply written inside the quote keeps the whole text rather than nothing")
    void inlineReply() {
        String text = "> Оплатите до 20 января\nОплатил вчера\n> Сумма 1500 рублей";

        assertThat(ReplyText.newPart(text)).isEqualTo(text);
    }

    @Test
    @DisplayName("a letter with no quote is kept as written, and a colon in the text is not an attribution")
    void noQuote() {
        assertThat(ReplyText.newPart("Мой новый номер: +79161234567\nИван")).isEqualTo("Мой новый номер: +79161234567\nИван");
        assertThat(ReplyText.newPart(null)).isEmpty();
    }
}
