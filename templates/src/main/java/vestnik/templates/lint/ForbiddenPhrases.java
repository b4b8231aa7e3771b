package vestnik.templates.lint;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A list of phrases no collection message may contain. Matching is on whole words, ignores case, treats
 * {@code ё} as {@code е} and Latin look-alikes as Cyrillic; a {@code *} ending a word matches any ending, so
 * {@code уголовн* дел*} finds "уголовное дело" and "уголовного дела". The built-in list
 * ({@code forbidden-phrases-ru.txt} beside this class) is a starting point for a tenant's own.
 */
public final class ForbiddenPhrases {

    /** A phrase found: the phrase as listed, and the text that matched it. */
    public record Match(String phrase, String matched) {
    }

    private record Entry(String phrase, Pattern pattern) {
    }

    private static final String RESOURCE = "forbidden-phrases-ru.txt";
    private static final String WORD_CHAR = "[\\p{L}\\p{N}]";

    private final List<Entry> entries;
    private final List<String> phrases;

    private ForbiddenPhrases(List<String> phrases) {
        this.phrases = List.copyOf(phrases);
        this.entries = this.phrases.stream().map(p -> new Entry(p, compile(p))).toList();
    }

    /** @throws IllegalArgumentException for a blank phrase or a {@code *} that does not end a word */
    @JsonCreator
    public static ForbiddenPhrases of(List<String> phrases) {
        return new ForbiddenPhrases(phrases);
    }

    public static ForbiddenPhrases none() {
        return new ForbiddenPhrases(List.of());
    }

    /** The built-in starting list, loaded once. */
    public static ForbiddenPhrases defaults() {
        return Defaults.INSTANCE;
    }

    /** The phrases of the built-in list, for a tenant to copy and edit. */
    public static List<String> defaultList() {
        try (InputStream in = ForbiddenPhrases.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            List<String> phrases = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String phrase = line.strip();
                    if (!phrase.isEmpty() && !phrase.startsWith("#")) {
                        phrases.add(phrase);
                    }
                }
            }
            return List.copyOf(phrases);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @JsonValue
    public List<String> phrases() {
        return phrases;
    }

    /** Every listed phrase that occurs in {@code text}, each once, in list order. */
    public List<Match> find(String text) {
        if (text == null || text.isEmpty() || entries.isEmpty()) {
            return List.of();
        }
        String normalized = RussianText.normalize(text);
        List<Match> found = new ArrayList<>();
        for (Entry e : entries) {
            Matcher m = e.pattern().matcher(normalized);
            if (m.find()) {
                found.add(new Match(e.phrase(), m.group()));
            }
        }
        return found;
    }

    public Optional<Match> first(String text) {
        return find(text).stream().findFirst();
    }

    private static Pattern compile(String phrase) {
        String normalized = phrase == null ? "" : RussianText.normalize(phrase).strip();
        if (normalized.isEmpty()) {
            throw new IllegalArgumentException("a forbidden phrase cannot be blank");
        }
        StringBuilder regex = new StringBuilder("(?<!" + WORD_CHAR + ")");
        String[] words = normalized.split(" ");
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            boolean open = word.endsWith("*");
            String stem = open ? word.substring(0, word.length() - 1) : word;
            if (stem.isEmpty() || stem.contains("*")) {
                throw new IllegalArgumentException("in forbidden phrase '" + phrase + "' a '*' may only end a word");
            }
            regex.append(i == 0 ? "" : " ").append(Pattern.quote(stem)).append(open ? WORD_CHAR + "*" : "");
        }
        return Pattern.compile(regex.append("(?!" + WORD_CHAR + ")").toString());
    }

    private static final class Defaults {
        static final ForbiddenPhrases INSTANCE = new ForbiddenPhrases(defaultList());
    }
}
