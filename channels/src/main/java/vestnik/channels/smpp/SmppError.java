package vestnik.channels.smpp;

import java.time.Duration;
import vestnik.channels.spi.ErrorClass;
import vestnik.channels.spi.SendResult;

/**
 * What one SMPP {@code command_status} means to us: the error class the gateway decides on, our stable code,
 * the provider's raw code as {@code 0x0000000B} and the spec's name of the status for humans.
 */
public record SmppError(int commandStatus, ErrorClass errorClass, String code, String name, Duration retryAfter) {

    public String providerCode() {
        return SmppErrors.providerCode(commandStatus);
    }

    public SendResult.Failed toFailed(String message) {
        return new SendResult.Failed(errorClass, code, providerCode(), message, retryAfter);
    }

    public SendResult.Failed toFailed() {
        return toFailed(name + " (" + providerCode() + ")");
    }
}
