package vestnik.channels.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vestnik.channels.spi.ChannelType;
import vestnik.channels.spi.InboundEvent;
import vestnik.channels.spi.MessageStatus;
import vestnik.channels.spi.SendResult;
import vestnik.loadtest.smsc.DeliverResponse;
import vestnik.loadtest.smsc.MessageIdFormat;
import vestnik.loadtest.smsc.ReceiptCarrier;
import vestnik.loadtest.smsc.ReceiptOutcome;
import vestnik.loadtest.smsc.ReceivedSubmit;
import vestnik.loadtest.smsc.SimulatedSmsc;
import vestnik.templates.sms.Ucs2;

class SmppChannelSendTest {

    private SmppTestBed bed;

    @AfterEach
    void tearDown() {
        if (bed != null) {
            bed.close();
        }
    }

    private SmppTestBed bed(SimulatedSmsc.Builder smsc) throws Exception {
        bed = new SmppTestBed(smsc.credentials("gw", "secret").start());
        return bed;
    }

    @Test
    @DisplayName("a GSM7 text goes out as one submit_sm, is accepted with the SMSC's hex id and DELIVRD comes back for that id")
    void singlePartDelivered() throws Exception {
        bed(SimulatedSmsc.builder().messageIdFormat(MessageIdFormat.HEX_UPPER)).startReady(Map.of());

        SendResult result = bed.send("+79161234567", "Your code is 4821");

        ReceivedSubmit submit = bed.smsc.submits().get(0);
        assertThat(result).isEqualTo(SendResult.Accepted.of(submit.messageId()));
        assertThat(submit.messageId()).matches("[0-9A-F]+");
        assertThat(submit.sourceAddr()).isEqualTo("VESTNIK");
        assertThat(submit.sourceTon()).isEqualTo(5);
        assertThat(submit.sourceNpi()).isZero();
        assertThat(submit.destinationAddr()).isEqualTo("79161234567");
        assertThat(submit.destTon()).isEqualTo(1);
        assertThat(submit.destNpi()).isEqualTo(1);
        assertThat(submit.esmClass()).isZero();
        assertThat(submit.dataCoding()).isZero();
        assertThat(submit.registeredDelivery()).isEqualTo(1);
        assertThat(new String(submit.shortMessage(), StandardCharsets.US_ASCII)).isEqualTo("Your code is 4821");

        InboundEvent.StatusUpdate update = bed.awaitEvents(InboundEvent.StatusUpdate.class, 1).get(0);
        assertThat(update.channelId()).isEqualTo("sms");
        assertThat(update.providerId()).isEqualTo(submit.messageId());
        assertThat(update.status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(update.errorCode()).isEqualTo("000");
        assertThat(update.detail()).isEqualTo("stat=DELIVRD err=000");
        await().atMost(SmppTestBed.WAIT).until(() -> bed.smsc.receiptsAcknowledged() == 1);
        assertThat(bed.smsc.deliverResponses()).extracting(DeliverResponse::commandStatus).containsExactly(0);
        assertThat(bed.channel.type()).isEqualTo(ChannelType.SMPP);
    }

    @Test
    @DisplayName("a receipt that writes the id in decimal is passed on exactly as written, for the gateway to match")
    void decimalInReceipt() throws Exception {
        bed(SimulatedSmsc.builder().messageIdFormat(MessageIdFormat.HEX_IN_RESP_DECIMAL_IN_RECEIPT)
                .receiptCarrier(ReceiptCarrier.TEXT_ONLY)).startReady(Map.of());

        SendResult.Accepted accepted = (SendResult.Accepted) bed.send("+79161234567", "Pay 100 RUB today");

        InboundEvent.StatusUpdate update = bed.awaitEvents(InboundEvent.StatusUpdate.class, 1).get(0);
        assertThat(update.providerId()).isEqualTo(Long.toString(Long.parseLong(accepted.providerId(), 16)));
        assertThat(update.status()).isEqualTo(MessageStatus.DELIVERED);
    }

    @Test
    @DisplayName("a receipt carried only in TLVs gives the id of receipted_message_id and the state of message_state")
    void tlvOnlyReceipt() throws Exception {
        bed(SimulatedSmsc.builder().messageIdFormat(MessageIdFormat.DECIMAL).receiptCarrier(ReceiptCarrier.TLV_ONLY)
                .defaultOutcome(ReceiptOutcome.UNDELIV)).startReady(Map.of());

        SendResult.Accepted accepted = (SendResult.Accepted) bed.send("+79161234567", "Pay today");

        InboundEvent.StatusUpdate update = bed.awaitEvents(InboundEvent.StatusUpdate.class, 1).get(0);
        assertThat(update.providerId()).isEqualTo(accepted.providerId());
        assertThat(update.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(update.detail()).isEqualTo("stat=UNDELIV");
    }

    @Test
    @DisplayName("a 98-character Cyrillic text goes as two UCS2 submit_sm with one UDH reference, and both parts get receipts")
    void ucs2TwoParts() throws Exception {
        bed(SimulatedSmsc.builder()).startReady(Map.of());
        String text = "Здравствуйте! Ваш заказ №12345 собран и передан в службу доставки. Ожидайте SMS с кодом получения.";

        SendResult.Accepted accepted = (SendResult.Accepted) bed.send("+79161234567", text);

        List<ReceivedSubmit> submits = bed.smsc.submits();
        assertThat(submits).hasSize(2);
        assertThat(accepted.providerIds()).containsExactly(submits.get(0).messageId(), submits.get(1).messageId());
        assertThat(submits).allSatisfy(s -> {
            assertThat(s.esmClass()).isEqualTo(0x40);
            assertThat(s.dataCoding()).isEqualTo(0x08);
            assertThat(s.registeredDelivery()).isEqualTo(1);
        });
        int[] first = submits.get(0).udh8();
        int[] second = submits.get(1).udh8();
        assertThat(first[0]).isEqualTo(second[0]);
        assertThat(first).endsWith(2, 1);
        assertThat(second).endsWith(2, 2);
        assertThat(submits.get(0).shortMessage()).hasSize(6 + 134);
        byte[] secondText = Arrays.copyOfRange(submits.get(1).shortMessage(), 6,
                submits.get(1).shortMessage().length);
        assertThat(Ucs2.decode(secondText)).isEqualTo("Ожидайте SMS с кодом получения.");

        List<InboundEvent.StatusUpdate> updates = bed.awaitEvents(InboundEvent.StatusUpdate.class, 2);
        assertThat(updates).extracting(InboundEvent.StatusUpdate::providerId)
                .containsExactlyInAnyOrderElementsOf(accepted.providerIds());
        assertThat(bed.channel.segments(text)).isEqualTo(2);
    }

    @Test
    @DisplayName("a receipt that arrives before submit_sm_resp is stored first, and the send still completes accepted")
    void receiptBeforeResponse() throws Exception {
        bed(SimulatedSmsc.builder().receiptBeforeResponse(true)).startReady(Map.of());

        SendResult.Accepted accepted = (SendResult.Accepted) bed.send("+79161234567", "Your code is 4821");

        List<InboundEvent.StatusUpdate> updates = bed.events(InboundEvent.StatusUpdate.class);
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).providerId()).isEqualTo(accepted.providerId());
        assertThat(bed.smsc.deliverResponses()).extracting(DeliverResponse::commandStatus).containsExactly(0);
    }

    @Test
    @DisplayName("submit latency, bound binds and the window in use are published per channel")
    void metrics() throws Exception {
        bed(SimulatedSmsc.builder().receipts(false)).startReady(Map.of("binds", 2, "window", 8));

        bed.send("+79161234567", "one");
        bed.send("+79161234567", "a".repeat(200));

        await().atMost(SmppTestBed.WAIT).until(() -> bed.smsc.boundSessions() == 2);
        assertThat(bed.metrics.get("vestnik_smpp_submit").tag("channel", "sms").timer().count()).isEqualTo(3);
        assertThat(bed.metrics.get("vestnik_smpp_binds_bound").tag("channel", "sms").gauge().value()).isEqualTo(2.0);
        assertThat(bed.metrics.get("vestnik_smpp_window_in_use").tag("channel", "sms").gauge().value()).isZero();
        assertThat(bed.channel.maxInFlight()).isEqualTo(16);
        assertThat(bed.channel.maxRate()).isEqualTo(500);
        assertThat(Duration.ofMillis((long) bed.metrics.get("vestnik_smpp_submit").timer()
                .totalTime(TimeUnit.MILLISECONDS))).isPositive();
    }
}
