package vestnik.templates.render;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.StringLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Two strict Pebble engines (plain text; HTML with autoescaping) and a bounded cache of compiled templates
 * keyed by their source text, so that every version of every template compiles once and an edited draft
 * previewed many times does not grow memory without end (Pebble's own cache is unbounded, so it is off).
 */
final class CompiledTemplates {

    /** Longest output a template may produce; a loop gone wrong fails instead of filling memory. */
    static final int MAX_RENDERED_CHARS = 200_000;

    private record Key(boolean html, String source) {
    }

    private final PebbleEngine text = engine(false);
    private final PebbleEngine html = engine(true);
    private final Map<Key, PebbleTemplate> cache;

    CompiledTemplates(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("cache capacity must be positive");
        }
        this.cache = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, PebbleTemplate> eldest) {
                return size() > capacity;
            }
        };
    }

    /** @throws io.pebbletemplates.pebble.error.PebbleException for a template that does not compile */
    PebbleTemplate get(String source, boolean escapeHtml) {
        Key key = new Key(escapeHtml, source);
        synchronized (cache) {
            PebbleTemplate cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        PebbleTemplate compiled = (escapeHtml ? html : text).getTemplate(source);
        synchronized (cache) {
            cache.putIfAbsent(key, compiled);
        }
        return compiled;
    }

    int size() {
        synchronized (cache) {
            return cache.size();
        }
    }

    private static PebbleEngine engine(boolean escapeHtml) {
        return new PebbleEngine.Builder()
                .loader(new StringLoader())
                .strictVariables(true)
                .autoEscaping(escapeHtml)
                .defaultEscapingStrategy("html")
                .cacheActive(false)
                .defaultLocale(Locale.forLanguageTag("ru-RU"))
                .maxRenderedSize(MAX_RENDERED_CHARS)
                .extension(new RussianFormatExtension())
                .build();
    }
}
