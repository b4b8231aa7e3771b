package vestnik.gateway.stats;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.Function;
import java.util.stream.Stream;
import vestnik.channels.spi.ChannelType;
import vestnik.templates.preview.Tariff;

/**
 * What the messages handed to providers cost a tenant, from its tariff: SMS by the part, messengers and e-mail by
 * the message, calls by the attempt (call minutes are not known here, so they are not counted). A tenant without a
 * tariff (every price zero) has no cost figure at all.
 */
public final class Pricing {

    public static final String CURRENCY = "RUB";

    private final Function<String, Tariff> tariffs;
    private final Function<String, ChannelType> channelTypes;

    /**
     * @param tariffs      a tenant's tariff ({@link Tariff#free()} when it has none)
     * @param channelTypes a channel's type, null for a channel no longer configured (its sends then cost nothing)
     */
    public Pricing(Function<String, Tariff> tariffs, Function<String, ChannelType> channelTypes) {
        this.tariffs = tariffs;
        this.channelTypes = channelTypes;
    }

    public boolean priced(String tenantId) {
        Tariff t = tariffs.apply(tenantId);
        return Stream.of(t.smsPart(), t.messengerMessage(), t.email(), t.callMinute(), t.callAttempt())
                .anyMatch(p -> p.signum() > 0);
    }

    /** Roubles for {@code sent} messages of {@code parts} parts in all on {@code channelId}. */
    public BigDecimal cost(String tenantId, String channelId, long sent, long parts) {
        Tariff t = tariffs.apply(tenantId);
        ChannelType type = channelTypes.apply(channelId);
        if (type == null) {
            return BigDecimal.ZERO;
        }
        return switch (type) {
            case SMPP -> t.smsPart().multiply(BigDecimal.valueOf(parts));
            case TELEGRAM, VIBER, WHATSAPP, MAX -> t.messengerMessage().multiply(BigDecimal.valueOf(sent));
            case EMAIL -> t.email().multiply(BigDecimal.valueOf(sent));
            case ARI, VOICE_HTTP -> t.callAttempt().multiply(BigDecimal.valueOf(sent));
        };
    }

    /** {@code {"amount":"12.50","currency":"RUB"}}: the amount as a string, so no float rounds a rouble. */
    public static JsonObject money(BigDecimal amount) {
        return new JsonObject().put("amount", amount.setScale(2, RoundingMode.HALF_UP).toPlainString()).put("currency", CURRENCY);
    }
}
