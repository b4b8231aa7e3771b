package vestnik.templates.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The per-channel variants of a template, one optional field per {@link VariantSlot}; JSON is the
 * {@code channels} object: {@code {"sms":{"text":"…"},"telegram":{"text":"…"},"email":{…}}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Variants(
        @JsonAlias("smpp") SmsVariant sms,
        MessengerVariant messenger,
        MessengerVariant telegram,
        MessengerVariant viber,
        MessengerVariant max,
        WhatsAppVariant whatsapp,
        EmailVariant email,
        @JsonAlias({"voice", "ari"}) IvrVariant ivr) {

    public static Variants none() {
        return new Variants(null, null, null, null, null, null, null, null);
    }

    public Optional<ChannelVariant> get(VariantSlot slot) {
        return Optional.ofNullable(switch (slot) {
            case SMS -> sms;
            case MESSENGER -> messenger;
            case TELEGRAM -> telegram;
            case VIBER -> viber;
            case MAX -> max;
            case WHATSAPP -> whatsapp;
            case EMAIL -> email;
            case IVR -> ivr;
        });
    }

    /** A copy with {@code variant} in {@code slot}; the variant's kind must be the slot's kind. */
    public Variants with(VariantSlot slot, ChannelVariant variant) {
        if (variant != null && variant.kind() != slot.kind()) {
            throw new IllegalArgumentException(slot.jsonName() + " takes a " + slot.kind() + " variant, not "
                    + variant.kind());
        }
        return new Variants(
                slot == VariantSlot.SMS ? (SmsVariant) variant : sms,
                slot == VariantSlot.MESSENGER ? (MessengerVariant) variant : messenger,
                slot == VariantSlot.TELEGRAM ? (MessengerVariant) variant : telegram,
                slot == VariantSlot.VIBER ? (MessengerVariant) variant : viber,
                slot == VariantSlot.MAX ? (MessengerVariant) variant : max,
                slot == VariantSlot.WHATSAPP ? (WhatsAppVariant) variant : whatsapp,
                slot == VariantSlot.EMAIL ? (EmailVariant) variant : email,
                slot == VariantSlot.IVR ? (IvrVariant) variant : ivr);
    }

    /** The variants present, in slot order. */
    @JsonIgnore
    public Map<VariantSlot, ChannelVariant> present() {
        Map<VariantSlot, ChannelVariant> present = new EnumMap<>(VariantSlot.class);
        for (VariantSlot slot : VariantSlot.values()) {
            get(slot).ifPresent(v -> present.put(slot, v));
        }
        return Collections.unmodifiableMap(present);
    }

    /** The slot that serves a gateway channel type ({@code telegram} falls back to {@code messenger}), if any. */
    public Optional<VariantSlot> slotFor(String channelTypeConfigName) {
        return VariantSlot.candidatesFor(channelTypeConfigName).stream()
                .filter(slot -> get(slot).isPresent())
                .findFirst();
    }
}
