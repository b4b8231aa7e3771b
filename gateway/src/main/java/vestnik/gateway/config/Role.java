package vestnik.gateway.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a caller may do: upstream systems post jobs; agents work the inbox; marketers own templates. */
public enum Role {
    UPSTREAM,
    AGENT,
    MARKETER,
    ADMIN;

    public static Optional<Role> fromName(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(name)).findFirst();
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
