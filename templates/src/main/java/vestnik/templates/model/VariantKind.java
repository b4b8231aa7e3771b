package vestnik.templates.model;

import java.util.Locale;
import java.util.Optional;

/** The shape of content a channel takes: what a template must provide for that channel. */
public enum VariantKind {
    SMS,
    MESSENGER,
    WHATSAPP,
    EMAIL,
    IVR;

    /**
     * The kind a gateway channel type needs, from the type's config name ({@code type:} in YAML):
     * {@code smpp} → SMS; {@code telegram}, {@code viber}, {@code max} → MESSENGER; {@code whatsapp} → WHATSAPP;
     * {@code email} → EMAIL; {@code ari}, {@code voice-http} → IVR. Empty for a name nobody knows.
     */
    public static Optional<VariantKind> forChannelType(String configName) {
        if (configName == null) {
            return Optional.empty();
        }
        return switch (configName.trim().toLowerCase(Locale.ROOT)) {
            case "smpp" -> Optional.of(SMS);
            case "telegram", "viber", "max" -> Optional.of(MESSENGER);
            case "whatsapp" -> Optional.of(WHATSAPP);
            case "email" -> Optional.of(EMAIL);
            case "ari", "voice-http" -> Optional.of(IVR);
            default -> Optional.empty();
        };
    }
}
