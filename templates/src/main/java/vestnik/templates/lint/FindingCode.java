package vestnik.templates.lint;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a publish check found. Whether it blocks is decided per finding, see {@link Finding#blocking()}. */
public enum FindingCode {
    NO_CHANNELS,
    /** a declared sample value does not fit its variable's type */
    BAD_SAMPLE,
    /** the variant does not render with the sample values */
    DOES_NOT_RENDER,
    MISSING_CREDITOR,
    MISSING_CONTACT_PHONE,
    /** the text lives elsewhere (a WhatsApp template without its body, a call of recorded sounds only) */
    IDENTIFICATION_UNVERIFIABLE,
    SMS_TOO_LONG,
    TEXT_TOO_LONG,
    EMPTY_TEXT,
    EMAIL_SUBJECT_MISSING,
    EMAIL_TEXT_MISSING,
    BAD_BUTTON,
    WHATSAPP_INCOMPLETE,
    WHATSAPP_PARAMETER_MISMATCH,
    IVR_EMPTY,
    IVR_BAD_PROMPT,
    IVR_BAD_SOUND,
    IVR_BAD_DIGIT,
    IVR_NO_OPERATOR,
    FORBIDDEN_PHRASE;

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
