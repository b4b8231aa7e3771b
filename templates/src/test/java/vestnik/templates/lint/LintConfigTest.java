package vestnik.templates.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LintConfigTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    @DisplayName("a tenant's settings bind from JSON; what they leave out takes the defaults")
    void json() throws Exception {
        LintConfig own = mapper.readValue("{\"maxSmsParts\":3,\"forbiddenPhrases\":[\"последний шанс\"]}", LintConfig.class);
        LintConfig defaults = mapper.readValue("{}", LintConfig.class);

        assertThat(own.maxSmsParts()).isEqualTo(3);
        assertThat(own.forbiddenPhrases().phrases()).containsExactly("последний шанс");
        assertThat(defaults.maxSmsParts()).isEqualTo(6);
        assertThat(defaults.forbiddenPhrases().phrases()).isEqualTo(ForbiddenPhrases.defaultList());
        assertThat(mapper.writeValueAsString(own)).isEqualTo("{\"maxSmsParts\":3,\"forbiddenPhrases\":[\"последний шанс\"]}");
    }
}
