package vestnik.gateway.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vestnik.gateway.api.ApiError;

class RowDecoderTest {

    @Test
    @DisplayName("a CSV header picks the separator; quoted cells keep separators and doubled quotes")
    void csvWithQuotes() {
        RowDecoder d = new RowDecoder(RowDecoder.Format.CSV);
        assertThat(d.wantsHeader()).isTrue();
        d.header("\uFEFFphone;name;debt");
        assertThat(d.wantsHeader()).isFalse();
        assertThat(d.decode("+79161234567;\"Иванов; И.\";\"1 200 \"\"₽\"\"\""))
                .isEqualTo(new RowDecoder.Decoded.Values(Map.of("phone", "+79161234567", "name", "Иванов; И.", "debt", "1 200 \"₽\"")));
    }

    @Test
    @DisplayName("a comma header reads comma rows; a short row or an open quote is that row's problem only")
    void csvProblems() {
        RowDecoder d = new RowDecoder(RowDecoder.Format.CSV);
        d.header("contactId,amount");
        assertThat(d.decode("c-1,100")).isEqualTo(new RowDecoder.Decoded.Values(Map.of("contactId", "c-1", "amount", "100")));
        assertThat(d.decode("c-2")).isEqualTo(new RowDecoder.Decoded.Problem("the row has 1 fields, the header 2"));
        assertThat(d.decode("c-3,\"100")).isEqualTo(new RowDecoder.Decoded.Problem("unterminated quote"));
    }

    @Test
    @DisplayName("a header without phone or contactId, or with a repeated column, makes the upload unusable")
    void badHeaders() {
        assertThatThrownBy(() -> new RowDecoder(RowDecoder.Format.CSV).header("name;debt"))
                .isInstanceOf(ApiError.class).hasMessageContaining("'phone' or a 'contactId'");
        assertThatThrownBy(() -> new RowDecoder(RowDecoder.Format.CSV).header("phone;a;a"))
                .isInstanceOf(ApiError.class).hasMessageContaining("repeated");
    }

    @Test
    @DisplayName("a JSON line is one flat object; numbers become text, nulls are left out, nesting is refused")
    void jsonLines() {
        RowDecoder d = new RowDecoder(RowDecoder.Format.JSON_LINES);
        assertThat(d.wantsHeader()).isFalse();
        assertThat(d.decode("{\"phone\":\"+79161234567\",\"debt\":1200,\"note\":null}"))
                .isEqualTo(new RowDecoder.Decoded.Values(Map.of("phone", "+79161234567", "debt", "1200")));
        assertThat(d.decode("{\"phone\":{\"x\":1}}")).isInstanceOf(RowDecoder.Decoded.Problem.class);
        assertThat(d.decode("[]")).isEqualTo(new RowDecoder.Decoded.Problem("a line must be one JSON object"));
        assertThat(d.decode("{")).isInstanceOf(RowDecoder.Decoded.Problem.class);
    }
}
