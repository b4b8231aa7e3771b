package vestnik.gateway.policy.zone;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a place name as people and registers write it ({@code "Ханты - Мансийский - Югра АО"}, {@code "г. Москва"},
 * {@code "Оймяконский м.р-н"}, {@code "Republic of Tatarstan"}) into comparable keys: the lower-cased words in
 * sorted order, once with every word ({@link #full}) and once without the words that only say what kind of place it
 * is ({@link #bare}). Word order and punctuation differ between the numbering plan, ГАР and addresses; the kind
 * words are sometimes abbreviated, sometimes missing.
 */
final class NameKeys {

    /** Words that name the kind of a place, not the place. Single letters (г., п., м.р-н) are dropped as well. */
    private static final Set<String> KIND_WORDS = Set.of(
            "гор", "город", "обл", "область", "респ", "республика", "край", "ао", "автономный", "автономная",
            "округ", "аобл", "гфз", "федерального", "значения", "район", "мр", "рн", "муниципальный",
            "улус", "го", "городской", "поселок", "пос", "пгт", "село", "деревня", "наслег", "национальный",
            "city", "oblast", "region", "krai", "kray", "republic", "of", "the", "autonomous", "okrug", "ao",
            "district", "rayon", "raion", "municipal", "ulus", "federal", "town", "settlement");

    private NameKeys() {
    }

    static List<String> words(String text) {
        String s = text.toLowerCase(Locale.ROOT).replace('ё', 'е');
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                w.append(c);
            } else if (w.length() > 0) {
                out.add(w.toString());
                w.setLength(0);
            }
        }
        if (w.length() > 0) {
            out.add(w.toString());
        }
        return out;
    }

    /** All words, sorted; empty when the text has none. */
    static String full(String text) {
        return String.join(" ", new TreeSet<>(words(text)));
    }

    /** The words that name the place itself, sorted; empty when only kind words were given. */
    static String bare(String text) {
        TreeSet<String> kept = new TreeSet<>();
        for (String w : words(text)) {
            if (w.length() > 1 && !KIND_WORDS.contains(w)) {
                kept.add(w);
            }
        }
        return String.join(" ", kept);
    }

    /**
     * The pieces a compound place text is made of: ГАР writes "settlement|district|subject", the numbering plan
     * joins subjects with " и " ("г. Москва и Московская область"), addresses use commas.
     */
    static List<String> parts(String text) {
        List<String> out = new ArrayList<>();
        for (String p : text.split("\\||;|,|\\s+и\\s+|\\s+and\\s+")) {
            if (!p.isBlank()) {
                out.add(p.trim());
            }
        }
        return out;
    }
}
