package vestnik.channels.smpp;

/** What became of one submit_sm on one bind. */
sealed interface PartOutcome {

    /** submit_sm_resp with ESME_ROK and the SMSC's message id. */
    record Accepted(String messageId) implements PartOutcome {
    }

    /** submit_sm_resp with an error status: the SMSC did not take this part. */
    record Refused(int commandStatus) implements PartOutcome {
    }

    /** Nothing reached the SMSC (no bind, the link failed while writing): safe to send again. */
    record NotSent(String reason) implements PartOutcome {
    }

    /**
     * The submit went out but no usable response came (timeout, link dropped mid-flight, malformed response):
     * the SMSC may or may not have taken it.
     */
    record Unknown(String reason) implements PartOutcome {
    }

    /** jSMPP refused to compose the PDU (a field too long or malformed): our data or configuration is wrong. */
    record Invalid(String reason) implements PartOutcome {
    }
}
