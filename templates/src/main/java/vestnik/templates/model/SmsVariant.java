package vestnik.templates.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** @param text the SMS text template */
public record SmsVariant(String text) implements ChannelVariant {

    @JsonIgnore
    @Override
    public VariantKind kind() {
        return VariantKind.SMS;
    }
}
