package vestnik.channels.common;

import java.util.Optional;
import vestnik.channels.spi.ContentProblem;
import vestnik.channels.spi.FailureCodes;

/** The text checks most channels make before a job is accepted: there is a text, and it fits. */
public final class TextLimits {

    private TextLimits() {
    }

    /**
     * @param emptyMessage what to say when there is no text ("a Telegram message needs a text")
     * @param what         what takes at most {@code max} characters ("Telegram", "a spoken call")
     */
    public static Optional<ContentProblem> check(String text, int max, String emptyMessage, String what) {
        if (text == null || text.isBlank()) {
            return Optional.of(new ContentProblem(FailureCodes.TEXT_EMPTY, emptyMessage));
        }
        if (text.length() > max) {
            return Optional.of(new ContentProblem(FailureCodes.TEXT_TOO_LONG,
                    what + " takes at most " + max + " characters, this text has " + text.length()));
        }
        return Optional.empty();
    }
}
