package vestnik.channels.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vestnik.channels.spi.ContentProblem;
import vestnik.channels.spi.ErrorClass;
import vestnik.channels.spi.OutboundMessage;
import vestnik.channels.spi.Recipient;
import vestnik.channels.spi.SendResult;
import vestnik.loadtest.smsc.ReceivedSubmit;
import vestnik.loadtest.smsc.SimulatedSmsc;

class SmppChannelFailureTest {

    private SmppTestBed bed;

    @AfterEach
    void tearDown() {
        if (bed != null) {
            bed.close();
        }
    }

    private SmppChannel started(Map<String, Object> settings) throws Exception {
        bed = new SmppTestBed(SimulatedSmsc.builder().credentials("gw", "secret").receipts(false).start());
        return bed.startReady(settings);
    }

    @Test
    @DisplayName("ESME_RTHROTTLED on a single SMS is RATE_LIMITED with the configured retryAfter and the raw code")
    void throttled() throws Exception {
        started(Map.of("throttleRetryAfter", "PT1.5S"));
        bed.smsc.throttleEvery(1);

        SendResult result = bed.send("+79161234567", "Pay today");

        assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class, f -> {
            assertThat(f.errorClass()).isEqualTo(ErrorClass.RATE_LIMITED);
            assertThat(f.code()).isEqualTo("throttled");
            assertThat(f.providerCode()).isEqualTo("0x00000058");
            assertThat(f.retryAfter()).isEqualTo(Duration.ofMillis(1500));
        });
        assertThat(bed.smsc.submits()).hasSize(1);
    }

    @Test
    @DisplayName("ESME_RMSGQFUL (0x14) is handled like throttling")
    void queueFull() throws Exception {
        started(Map.of());
        bed.smsc.throttleEvery(1, 0x14);

        SendResult.Failed failed = (SendResult.Failed) bed.send("+79161234567", "Pay today");

        assertThat(failed.errorClass()).isEqualTo(ErrorClass.RATE_LIMITED);
        assertThat(failed.providerCode()).isEqualTo("0x00000014");
    }

    @Test
    @DisplayName("ESME_RINVDSTADR is PERMANENT_RECIPIENT / invalid_recipient with provider code 0x0000000B")
    void invalidDestination() throws Exception {
        started(Map.of());
        bed.smsc.rejectDestination("79160000000");

        SendResult.Failed failed = (SendResult.Failed) bed.send("+79160000000", "Pay today");

        assertThat(failed.errorClass()).isEqualTo(ErrorClass.PERMANENT_RECIPIENT);
        assertThat(failed.code()).isEqualTo("invalid_recipient");
        assertThat(failed.providerCode()).isEqualTo("0x0000000B");
        assertThat(failed.retryAfter()).isNull();
    }

    @Test
    @DisplayName("a throttled second part is retried by itself, so the message ends accepted without duplicating part 1")
    void throttledLaterPartRetried() throws Exception {
        started(Map.of());
        bed.smsc.throttleEvery(2);

        SendResult result = bed.send("+79161234567", "a".repeat(200));

        assertThat(result).isInstanceOf(SendResult.Accepted.class);
        assertThat(bed.smsc.submits()).extracting(ReceivedSubmit::commandStatus).containsExactly(0, 0x58, 0);
        assertThat(bed.smsc.submits()).extracting(s -> s.udh8()[2]).containsExactly(1, 2, 2);
        assertThat(((SendResult.Accepted) result).providerIds()).containsExactly(
                bed.smsc.submits().get(0).messageId(), bed.smsc.submits().get(2).messageId());
    }

    @Test
    @DisplayName("a part that stays throttled fails the message as RATE_LIMITED, naming the parts already accepted")
    void laterPartKeepsFailing() throws Exception {
        started(Map.of("partRetries", 2));
        bed.smsc.refuseSubmitsAfter(1, 0x58);

        SendResult result = bed.send("+79161234567", "b".repeat(200));

        ReceivedSubmit first = bed.smsc.submits().get(0);
        assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class, f -> {
            assertThat(f.errorClass()).isEqualTo(ErrorClass.RATE_LIMITED);
            assertThat(f.providerCode()).isEqualTo("0x00000058");
            assertThat(f.message()).contains("part 2 of 2", "parts 1..1", first.messageId(), "whole text again");
        });
        assertThat(bed.smsc.submits()).extracting(ReceivedSubmit::commandStatus).containsExactly(0, 0x58, 0x58, 0x58);
        assertThat(bed.smsc.submits()).extracting(s -> s.udh8()[2]).containsExactly(1, 2, 2, 2);
    }

    @Test
    @DisplayName("a later part refused permanently fails the message permanently and names the parts already accepted")
    void laterPartPermanentFailure() throws Exception {
        started(Map.of());
        bed.smsc.throttleEvery(2, 0x65);

        SendResult result = bed.send("+79161234567", "d".repeat(200));

        ReceivedSubmit first = bed.smsc.submits().get(0);
        assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class, f -> {
            assertThat(f.errorClass()).isEqualTo(ErrorClass.PERMANENT_RECIPIENT);
            assertThat(f.code()).isEqualTo("rejected_by_provider");
            assertThat(f.providerCode()).isEqualTo("0x00000065");
            assertThat(f.message()).contains("part 2 of 2", "parts 1..1", first.messageId(), "only those parts");
        });
        assertThat(bed.smsc.submits()).hasSize(2);
    }

    @Test
    @DisplayName("empty and over-long texts are refused before anything is sent, with the part count in the message")
    void contentChecks() throws Exception {
        SmppChannel channel = started(Map.of("maxParts", 2));

        assertThat(channel.checkContent("")).contains(new ContentProblem("text_empty", "the SMS text is empty"));
        ContentProblem tooLong = channel.checkContent("Ж".repeat(140)).orElseThrow();
        assertThat(tooLong.code()).isEqualTo("text_too_long");
        assertThat(tooLong.message()).contains("3 SMS parts", "UCS2", "67", "at most 2");
        assertThat(channel.checkContent("Ж".repeat(134))).isEmpty();

        SendResult.Failed empty = (SendResult.Failed) bed.send("+79161234567", "");
        SendResult.Failed long3 = (SendResult.Failed) bed.send("+79161234567", "Ж".repeat(140));
        assertThat(empty.code()).isEqualTo("text_empty");
        assertThat(long3.code()).isEqualTo("text_too_long");
        assertThat(long3.errorClass()).isEqualTo(ErrorClass.PERMANENT_CONFIG);
        assertThat(bed.smsc.submits()).isEmpty();
    }

    @Test
    @DisplayName("a recipient without a usable phone number is PERMANENT_RECIPIENT and nothing is sent")
    void noPhone() throws Exception {
        SmppChannel channel = started(Map.of());

        SendResult.Failed failed = (SendResult.Failed) SmppTestBed.join(channel.send(new OutboundMessage(
                "m", "t", new Recipient(null, "debtor@example.ru", null, "c-1"), "Pay", null, null, null, 1, null)));

        assertThat(failed.errorClass()).isEqualTo(ErrorClass.PERMANENT_RECIPIENT);
        assertThat(failed.code()).isEqualTo("invalid_recipient");
        assertThat(bed.smsc.submits()).isEmpty();
    }
}
