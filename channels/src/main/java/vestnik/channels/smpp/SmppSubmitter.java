package vestnik.channels.smpp;

import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import vestnik.channels.spi.ErrorClass;
import vestnik.channels.spi.FailureCodes;
import vestnik.channels.spi.SendResult;

/**
 * Submits the parts of one message, in order, each on any bind with a free window slot, on the calling thread
 * (one of the channel's submit threads, never a Vert.x event loop).
 *
 * <p>A concatenated message must end fully accepted or failed, because a later retry of the whole message would
 * send again the parts already accepted. So:
 * <ul>
 *   <li>the first part fails the message the way the SMSC answered it (throttled: RATE_LIMITED; bad number:
 *       PERMANENT_RECIPIENT; ...), nothing has been sent yet;</li>
 *   <li>a later part refused with a retryable status (0x58/0x14 throttling, 0x08 and other transient errors) or
 *       not sent because its bind was down is retried itself, up to {@code partRetries} times with a growing pause
 *       ({@code throttleRetryAfter} x attempt), on any bind;</li>
 *   <li>if a later part still fails, the message fails with that part's error and the message says which parts the
 *       SMSC had already accepted: a permanent failure leaves the debtor with a fragment, a retryable one will make
 *       the gateway send the whole text again under a new reference (at-least-once, never a silent loss).</li>
 * </ul>
 * A part whose submit timed out or whose link dropped mid-flight may have been accepted: that is TRANSIENT, and the
 * gateway's retry may duplicate it (at-least-once).
 */
final class SmppSubmitter {

    private final BindPool binds;
    private final SmppConfig config;
    private final Timer submitTimer;

    SmppSubmitter(BindPool binds, SmppConfig config, Timer submitTimer) {
        this.binds = binds;
        this.config = config;
        this.submitTimer = submitTimer;
    }

    SendResult submitAll(List<SubmitSmFields> parts) throws InterruptedException {
        List<String> ids = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            boolean later = i > 0;
            int attempt = 0;
            while (true) {
                PartOutcome outcome = submitOnce(parts.get(i));
                if (outcome instanceof PartOutcome.Accepted accepted) {
                    ids.add(accepted.messageId());
                    break;
                }
                SendResult.Failed failed = failure(outcome);
                if (later && failed.errorClass().isRetryable() && !(outcome instanceof PartOutcome.Unknown)
                        && attempt < config.partRetries()) {
                    attempt++;
                    Thread.sleep(config.throttleRetryAfter().multipliedBy(attempt).toMillis());
                    continue;
                }
                return later ? afterPartialAcceptance(failed, i + 1, parts.size(), ids) : failed;
            }
        }
        return new SendResult.Accepted(ids);
    }

    private PartOutcome submitOnce(SubmitSmFields part) throws InterruptedException {
        SmppConnection connection = binds.acquire(config.transactionTimeout());
        if (connection == null) {
            return new PartOutcome.NotSent(binds.anyBound()
                    ? "no window slot free within " + config.transactionTimeout().toMillis() + " ms"
                    : "no SMPP bind is up");
        }
        Timer.Sample sample = Timer.start();
        try {
            return connection.submit(part);
        } finally {
            sample.stop(submitTimer);
            connection.release();
        }
    }

    private SendResult.Failed failure(PartOutcome outcome) {
        if (outcome instanceof PartOutcome.Refused refused) {
            return SmppErrors.classify(refused.commandStatus(), config.throttleRetryAfter()).toFailed();
        }
        if (outcome instanceof PartOutcome.NotSent notSent) {
            return SendResult.Failed.of(ErrorClass.TRANSIENT, FailureCodes.PROVIDER_UNAVAILABLE, notSent.reason());
        }
        if (outcome instanceof PartOutcome.Unknown unknown) {
            return SendResult.Failed.of(ErrorClass.TRANSIENT, FailureCodes.PROVIDER_UNAVAILABLE,
                    unknown.reason() + "; the SMSC may have accepted it, a retry may duplicate it");
        }
        PartOutcome.Invalid invalid = (PartOutcome.Invalid) outcome;
        return SendResult.Failed.of(ErrorClass.PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION,
                "submit_sm could not be composed: " + invalid.reason());
    }

    private static SendResult.Failed afterPartialAcceptance(SendResult.Failed failed, int part, int total,
            List<String> acceptedIds) {
        String consequence = failed.errorClass().isRetryable()
                ? "a retry sends the whole text again"
                : "the debtor may receive only those parts";
        String message = "part " + part + " of " + total + " failed after the SMSC accepted parts 1.."
                + (part - 1) + " as " + acceptedIds + " (" + consequence + "): " + failed.message();
        return new SendResult.Failed(failed.errorClass(), failed.code(), failed.providerCode(), message,
                failed.retryAfter());
    }
}
