package vestnik.templates.lint;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalises Russian text for matching: lower case, {@code ё} as {@code е}, Latin look-alike letters as their
 * Cyrillic twins ({@code apecт} is {@code арест}), invisible characters dropped, any run of spaces as one space.
 * Both the text and the phrase go through it, so a phrase matches however it was typed.
 */
final class RussianText {

    private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200B-\\u200F\\u2060\\uFEFF]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u202F\\u2007\\u2009]+");
    private static final String LATIN = "aceopxykmthb";
    private static final String CYRILLIC = "асеорхукмтнв";

    private RussianText() {
    }

    static String normalize(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        s = INVISIBLE.matcher(s).replaceAll("");
        s = SPACES.matcher(s).replaceAll(" ");
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int latin = LATIN.indexOf(c);
            out.append(c == 'ё' ? 'е' : latin >= 0 ? CYRILLIC.charAt(latin) : c);
        }
        return out.toString();
    }
}
