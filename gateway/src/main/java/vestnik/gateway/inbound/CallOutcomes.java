package vestnik.gateway.inbound;

import java.util.StringJoiner;
import vestnik.channels.spi.CallResult;
import vestnik.channels.spi.InboundEvent;
import vestnik.channels.spi.MessageStatus;

/**
 * A robocall is {@code delivered} only when a person answered; an answering machine, no answer, busy,
 * rejected and failed calls end {@code failed}, with the outcome, the Q.850 cause, talk time and the DTMF
 * choices in the event's detail. An answering machine is kept apart from a person in the metrics, so it
 * never inflates the "contacted" figures.
 */
final class CallOutcomes {

    private CallOutcomes() {
    }

    static InboundEvent.StatusUpdate asStatusUpdate(InboundEvent.CallOutcome call) {
        MessageStatus status = call.result() == CallResult.ANSWERED_HUMAN ? MessageStatus.DELIVERED : MessageStatus.FAILED;
        StringJoiner detail = new StringJoiner(" ");
        detail.add(call.result().wireName());
        if (call.q850Cause() != null) {
            detail.add("cause=" + call.q850Cause() + (call.causeText() == null ? "" : " (" + call.causeText() + ")"));
        }
        if (!call.talkTime().isZero()) {
            detail.add("talk=" + call.talkTime().toMillis() / 1000.0 + "s");
        }
        if (!call.dtmfChoices().isEmpty()) {
            detail.add("dtmf=" + String.join(",", call.dtmfChoices()));
        }
        if (call.amdStatus() != null) {
            detail.add("amd=" + call.amdStatus());
        }
        return new InboundEvent.StatusUpdate(call.channelId(), call.providerId(), status,
                call.q850Cause() == null ? call.result().wireName() : Integer.toString(call.q850Cause()),
                detail.toString(), call.at());
    }
}
