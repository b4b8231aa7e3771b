package vestnik.gateway.templates;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vestnik.templates.model.TemplateVersion;

/**
 * Published versions already read, least recently used dropped first. Safe to keep without expiry: a version is
 * immutable once published, and only templates never published are ever deleted.
 */
final class VersionCache {

    private record Key(String tenantId, String templateKey, int number) {
    }

    private final Map<Key, TemplateVersion> versions;

    VersionCache(int capacity) {
        this.versions = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, TemplateVersion> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Optional<TemplateVersion> get(String tenantId, String templateKey, int number) {
        return Optional.ofNullable(versions.get(new Key(tenantId, templateKey, number)));
    }

    synchronized void put(TemplateVersion v) {
        versions.put(new Key(v.tenant(), v.key(), v.number()), v);
    }
}
