package vestnik.templates.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A place for one variant in a template's {@code channels} object. Messengers share the MESSENGER slot and
 * may each override it ({@code telegram}, {@code viber}, {@code max}), because their length limits and
 * audiences differ while most texts are the same.
 */
public enum VariantSlot {
    SMS("sms", VariantKind.SMS, 0),
    /** Serves every messenger without its own slot, so it must fit the strictest limit (MAX, 4000). */
    MESSENGER("messenger", VariantKind.MESSENGER, 4000),
    TELEGRAM("telegram", VariantKind.MESSENGER, 4096),
    VIBER("viber", VariantKind.MESSENGER, 7000),
    MAX("max", VariantKind.MESSENGER, 4000),
    WHATSAPP("whatsapp", VariantKind.WHATSAPP, 0),
    EMAIL("email", VariantKind.EMAIL, 0),
    IVR("ivr", VariantKind.IVR, 0);

    private final String jsonName;
    private final VariantKind kind;
    private final int textLimit;

    VariantSlot(String jsonName, VariantKind kind, int textLimit) {
        this.jsonName = jsonName;
        this.kind = kind;
        this.textLimit = textLimit;
    }

    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    public VariantKind kind() {
        return kind;
    }

    /** The longest text (UTF-16 units) the channel accepts in one message; empty where parts or no limit apply. */
    public OptionalInt textLimit() {
        return textLimit > 0 ? OptionalInt.of(textLimit) : OptionalInt.empty();
    }

    public static Optional<VariantSlot> fromJsonName(String name) {
        return Arrays.stream(values()).filter(s -> s.jsonName.equalsIgnoreCase(name)).findFirst();
    }

    /**
     * The slots that can serve a gateway channel type, most specific first: {@code telegram} → TELEGRAM then
     * MESSENGER; {@code smpp} → SMS; {@code ari}/{@code voice-http} → IVR. Empty for an unknown type.
     */
    public static List<VariantSlot> candidatesFor(String channelTypeConfigName) {
        String type = channelTypeConfigName == null ? "" : channelTypeConfigName.trim().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "smpp" -> List.of(SMS);
            case "telegram" -> List.of(TELEGRAM, MESSENGER);
            case "viber" -> List.of(VIBER, MESSENGER);
            case "max" -> List.of(MAX, MESSENGER);
            case "whatsapp" -> List.of(WHATSAPP);
            case "email" -> List.of(EMAIL);
            case "ari", "voice-http" -> List.of(IVR);
            default -> List.of();
        };
    }
}
