package vestnik.templates.preview;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A tenant's prices in roubles: per SMS part (operators bill each part of a long SMS), per messenger message
 * (Telegram, Viber, MAX, WhatsApp), per e-mail, per started call minute, and per call attempt (mass-call operator
 * fee since 2025-09-01, about 0.25 ₽ in 2026 reports).
 */
public record Tariff(BigDecimal smsPart, BigDecimal messengerMessage, BigDecimal email, BigDecimal callMinute,
                     BigDecimal callAttempt) {

    public Tariff {
        Objects.requireNonNull(smsPart, "smsPart");
        Objects.requireNonNull(messengerMessage, "messengerMessage");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(callMinute, "callMinute");
        callAttempt = callAttempt == null ? BigDecimal.ZERO : callAttempt;
        for (BigDecimal price : new BigDecimal[] {smsPart, messengerMessage, email, callMinute, callAttempt}) {
            if (price.signum() < 0) {
                throw new IllegalArgumentException("prices cannot be negative: " + price.toPlainString());
            }
        }
    }

    /** All prices zero: preview then still shows parts and lengths. */
    public static Tariff free() {
        return new Tariff(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }
}
