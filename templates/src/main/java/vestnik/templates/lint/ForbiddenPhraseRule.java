package vestnik.templates.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vestnik.templates.model.ChannelVariant;
import vestnik.templates.model.EmailVariant;
import vestnik.templates.model.IvrPrompt;
import vestnik.templates.model.IvrVariant;
import vestnik.templates.model.MessengerButton;
import vestnik.templates.model.MessengerVariant;
import vestnik.templates.model.SmsVariant;
import vestnik.templates.model.VariantSlot;
import vestnik.templates.model.WhatsAppVariant;

/** No text of any variant (button labels, e-mail subject, robot speech included) may contain a forbidden phrase. */
final class ForbiddenPhraseRule implements LintRule {

    @Override
    public List<Finding> check(LintSubject s) {
        ForbiddenPhrases phrases = s.context().config().forbiddenPhrases();
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<VariantSlot, ChannelVariant> e : s.template().content().channels().present().entrySet()) {
            String channel = e.getKey().jsonName();
            for (String text : texts(e.getValue())) {
                for (ForbiddenPhrases.Match m : phrases.find(text)) {
                    Finding f = Finding.blocking(FindingCode.FORBIDDEN_PHRASE, channel, channel
                            + " contains the forbidden phrase '" + m.phrase() + "' (\"" + m.matched() + "\")");
                    if (!out.contains(f)) {
                        out.add(f);
                    }
                }
            }
        }
        return out;
    }

    private static List<String> texts(ChannelVariant variant) {
        List<String> texts = new ArrayList<>();
        if (variant instanceof SmsVariant sms) {
            texts.add(sms.text());
        } else if (variant instanceof MessengerVariant m) {
            texts.add(m.text());
            m.buttons().stream().map(MessengerButton::text).forEach(texts::add);
        } else if (variant instanceof EmailVariant email) {
            texts.add(email.subject());
            texts.add(email.html());
            texts.add(email.text());
        } else if (variant instanceof WhatsAppVariant wa) {
            texts.add(wa.body());
        } else if (variant instanceof IvrVariant ivr) {
            ivr.prompts().stream().map(IvrPrompt::tts).forEach(texts::add);
        }
        return texts;
    }
}
