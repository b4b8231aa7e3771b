package vestnik.channels.spi;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** The outcome of handing one message to a provider. */
public sealed interface SendResult {

    /**
     * The provider took the message. {@code providerIds} are the provider's own ids, one per submission
     * (an SMS split into three parts has three); receipts are matched against them. Never invented by us.
     */
    record Accepted(List<String> providerIds) implements SendResult {
        public Accepted {
            Objects.requireNonNull(providerIds, "providerIds");
            if (providerIds.isEmpty()) {
                throw new IllegalArgumentException("an accepted send has at least one provider id");
            }
            providerIds = List.copyOf(providerIds);
        }

        public static Accepted of(String providerId) {
            return new Accepted(List.of(providerId));
        }

        public String providerId() {
            return providerIds.get(0);
        }
    }

    /**
     * The provider did not take the message. {@code code} is ours, stable and machine-readable (see
     * {@link FailureCodes}; a channel may add its own in the form {@code <type>_<what>});
     * {@code providerCode} is the provider's raw code ({@code 0x0000000B}, {@code 403}, {@code 131047}) or null;
     * {@code message} is for humans and never holds personal data; {@code retryAfter} is the provider's
     * hint, or null.
     */
    record Failed(ErrorClass errorClass, String code, String providerCode, String message, Duration retryAfter)
            implements SendResult {
        public Failed {
            Objects.requireNonNull(errorClass, "errorClass");
            Objects.requireNonNull(code, "code");
            message = message == null ? code : message;
        }

        public static Failed of(ErrorClass errorClass, String code, String message) {
            return new Failed(errorClass, code, null, message, null);
        }
    }
}
