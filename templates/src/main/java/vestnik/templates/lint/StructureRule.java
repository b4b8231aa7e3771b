package vestnik.templates.lint;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import vestnik.templates.model.ChannelVariant;
import vestnik.templates.model.EmailVariant;
import vestnik.templates.model.IvrAction;
import vestnik.templates.model.IvrPrompt;
import vestnik.templates.model.IvrVariant;
import vestnik.templates.model.MessengerButton;
import vestnik.templates.model.MessengerVariant;
import vestnik.templates.model.SmsVariant;
import vestnik.templates.model.VariantSlot;
import vestnik.templates.model.WhatsAppVariant;

/**
 * Is each variant complete? An SMS or messenger text; e-mail subject and text part; buttons with a label and
 * exactly one of link or reply payload (Telegram caps {@code callback_data} at 64 bytes); a WhatsApp template
 * name, language and a parameter for each body placeholder; a robocall with prompts, safe sound names, valid
 * DTMF keys and a way to reach a human, which a debtor may demand of a robot since 2024-02-01.
 */
final class StructureRule implements LintRule {

    static final int MAX_BUTTON_PAYLOAD_BYTES = 64;
    private static final Pattern SOUND_NAME = Pattern.compile("[A-Za-z0-9_\\-]+(/[A-Za-z0-9_\\-]+)*");
    private static final Pattern DTMF_KEY = Pattern.compile("[0-9*#]");
    private static final Pattern WHATSAPP_PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\d+)\\s*}}");

    @Override
    public List<Finding> check(LintSubject s) {
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<VariantSlot, ChannelVariant> e : s.template().content().channels().present().entrySet()) {
            String channel = e.getKey().jsonName();
            ChannelVariant variant = e.getValue();
            if (variant instanceof SmsVariant sms) {
                requireText(sms.text(), channel, out);
            } else if (variant instanceof MessengerVariant m) {
                requireText(m.text(), channel, out);
                checkButtons(m.buttons(), channel, out);
            } else if (variant instanceof EmailVariant email) {
                if (blank(email.subject())) {
                    out.add(Finding.blocking(FindingCode.EMAIL_SUBJECT_MISSING, channel, "email has no subject"));
                }
                if (blank(email.text())) {
                    out.add(Finding.blocking(FindingCode.EMAIL_TEXT_MISSING, channel,
                            "email has no text part: every e-mail needs one besides the HTML"));
                }
            } else if (variant instanceof WhatsAppVariant wa) {
                checkWhatsApp(wa, channel, out);
            } else if (variant instanceof IvrVariant ivr) {
                checkIvr(ivr, channel, out);
            }
        }
        return out;
    }

    private static void requireText(String text, String channel, List<Finding> out) {
        if (blank(text)) {
            out.add(Finding.blocking(FindingCode.EMPTY_TEXT, channel, channel + " has no text"));
        }
    }

    private static void checkButtons(List<MessengerButton> buttons, String channel, List<Finding> out) {
        for (int i = 0; i < buttons.size(); i++) {
            MessengerButton b = buttons.get(i);
            String at = channel + " button " + (i + 1);
            if (blank(b.text())) {
                out.add(Finding.blocking(FindingCode.BAD_BUTTON, channel, at + " has no label"));
            }
            if (blank(b.url()) == blank(b.payload())) {
                out.add(Finding.blocking(FindingCode.BAD_BUTTON, channel, at + " needs exactly one of a link or a reply payload"));
            }
            if (b.payload() != null && b.payload().getBytes(StandardCharsets.UTF_8).length > MAX_BUTTON_PAYLOAD_BYTES) {
                out.add(Finding.blocking(FindingCode.BAD_BUTTON, channel, at + " payload is longer than "
                        + MAX_BUTTON_PAYLOAD_BYTES + " bytes"));
            }
        }
    }

    private static void checkWhatsApp(WhatsAppVariant wa, String channel, List<Finding> out) {
        if (blank(wa.name()) || blank(wa.language())) {
            out.add(Finding.blocking(FindingCode.WHATSAPP_INCOMPLETE, channel,
                    "whatsapp needs the approved template's name and language"));
        }
        if (wa.body() == null) {
            return;
        }
        Set<Integer> used = new TreeSet<>();
        Matcher m = WHATSAPP_PLACEHOLDER.matcher(wa.body());
        while (m.find()) {
            used.add(Integer.parseInt(m.group(1)));
        }
        Set<Integer> mapped = IntStream.rangeClosed(1, wa.parameters().size()).boxed().collect(Collectors.toCollection(TreeSet::new));
        if (!used.equals(mapped)) {
            out.add(Finding.blocking(FindingCode.WHATSAPP_PARAMETER_MISMATCH, channel, "whatsapp body has placeholders "
                    + used + " but " + wa.parameters().size() + " parameter(s) are mapped: Meta rejects a count mismatch"));
        }
    }

    private static void checkIvr(IvrVariant ivr, String channel, List<Finding> out) {
        if (ivr.prompts().isEmpty()) {
            out.add(Finding.blocking(FindingCode.IVR_EMPTY, channel, "ivr has no prompts"));
        }
        for (int i = 0; i < ivr.prompts().size(); i++) {
            IvrPrompt p = ivr.prompts().get(i);
            if (blank(p.tts()) == blank(p.sound())) {
                out.add(Finding.blocking(FindingCode.IVR_BAD_PROMPT, channel, "ivr prompt " + (i + 1)
                        + " needs exactly one of tts text or a sound file"));
            } else if (p.sound() != null && !SOUND_NAME.matcher(p.sound()).matches()) {
                out.add(Finding.blocking(FindingCode.IVR_BAD_SOUND, channel, "ivr prompt " + (i + 1) + " sound '"
                        + p.sound() + "' is not a media-library name (letters, digits, _ - and /)"));
            }
        }
        ivr.menu().keySet().stream().filter(k -> k == null || !DTMF_KEY.matcher(k).matches()).forEach(k ->
                out.add(Finding.blocking(FindingCode.IVR_BAD_DIGIT, channel, "ivr menu key '" + k
                        + "' is not a phone key (0-9, *, #)")));
        if (!ivr.menu().containsValue(IvrAction.OPERATOR)) {
            out.add(Finding.blocking(FindingCode.IVR_NO_OPERATOR, channel,
                    "ivr menu has no OPERATOR key: a debtor may ask a robot to be switched to a person"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
