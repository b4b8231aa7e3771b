package vestnik.templates.lint;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * A tenant's publish-check settings.
 *
 * JSON: {@code {"maxSmsParts": 6, "forbiddenPhrases": ["уголовн* дел*", …]}}; a missing field takes its default.
 *
 * @param maxSmsParts the most SMS parts one message may take (default 6): operators bill each part, and long
 *                    concatenated messages arrive broken on some handsets
 */
public record LintConfig(int maxSmsParts, ForbiddenPhrases forbiddenPhrases) {

    public static final int DEFAULT_MAX_SMS_PARTS = 6;

    public LintConfig {
        if (maxSmsParts < 1) {
            throw new IllegalArgumentException("maxSmsParts must be at least 1, got " + maxSmsParts);
        }
        Objects.requireNonNull(forbiddenPhrases, "forbiddenPhrases");
    }

    @JsonCreator
    public static LintConfig of(@JsonProperty("maxSmsParts") Integer maxSmsParts,
                                @JsonProperty("forbiddenPhrases") List<String> forbiddenPhrases) {
        return new LintConfig(maxSmsParts == null ? DEFAULT_MAX_SMS_PARTS : maxSmsParts,
                forbiddenPhrases == null ? ForbiddenPhrases.defaults() : ForbiddenPhrases.of(forbiddenPhrases));
    }

    /** Six SMS parts and the built-in phrase list. */
    public static LintConfig defaults() {
        return new LintConfig(DEFAULT_MAX_SMS_PARTS, ForbiddenPhrases.defaults());
    }
}
