package vestnik.gateway.policy;

import java.util.Locale;
import vestnik.channels.spi.ChannelType;

/**
 * The law's kinds of creditor-initiated contact that the gateway's channels fall into (230-FZ art. 7;
 * regulation.md §1.2, R-CP-2). Each has its own caps; the windows are the same.
 */
public enum ContactClass {
    /**
     * "Telegraph, text, voice and other messages over telecom networks": SMS, messengers, e-mail, voice
     * messages — 2 a day, 4 a week, 16 a month.
     */
    MESSAGE("msg"),
    /**
     * "Telephone conversations", live or by a voice robot / automated intelligent agent (since 01.02.2024) —
     * 1 a day, 2 a week, 8 a month, counting calls that were answered, plus an attempts cap.
     */
    CALL("call");

    private final String keyPrefix;

    ContactClass(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }

    /** The prefix of this class's counter keys ({@code msg:d:2026-11-24}). */
    public String keyPrefix() {
        return keyPrefix;
    }

    /**
     * The class a channel type's sends fall into.
     *
     * <p>{@code voice-http} is a MESSAGE: it drives a cloud "voice message" API (MTS Exolve MakeVoiceMessage,
     * channel-contracts.md §6.2) that plays one recorded or synthesised announcement and hangs up — a voice
     * message delivered by the network, with no conversation, which is the law's "voice messages" row and the
     * issue's "MESSAGE (… voice message)". Whether an autoinformer is instead a "telephone conversation" is an
     * open question for counsel (regulation.md §6.7 Q4); a tenant can count it as a CALL
     * ({@link TenantPolicy#voiceMessagesAsCalls()}), which is stricter. {@code ari} drives Asterisk IVR and robot
     * dialogues: CALL.
     */
    public static ContactClass of(ChannelType type) {
        return switch (type) {
            case SMPP, TELEGRAM, VIBER, WHATSAPP, MAX, EMAIL, VOICE_HTTP -> MESSAGE;
            case ARI -> CALL;
        };
    }

    /** The class for a channel's {@code type:} name in the configuration ({@code smpp}, {@code ari}, …). */
    public static ContactClass forChannelType(String configName) {
        return ChannelType.fromConfigName(configName).map(ContactClass::of)
                .orElseThrow(() -> new IllegalArgumentException("'" + configName + "' is not a channel type"));
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
