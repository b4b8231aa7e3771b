package vestnik.channels.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vestnik.channels.spi.InboundEvent;
import vestnik.loadtest.smsc.DeliverResponse;
import vestnik.loadtest.smsc.ReceiptOutcome;
import vestnik.loadtest.smsc.SimulatedSmsc;

class SmppChannelInboundTest {

    private SmppTestBed bed;

    @BeforeEach
    void setUp() throws Exception {
        bed = new SmppTestBed(SimulatedSmsc.builder().credentials("gw", "secret").start());
        bed.startReady(Map.of());
        await().atMost(SmppTestBed.WAIT).until(() -> bed.smsc.boundSessions() == 1);
    }

    @AfterEach
    void tearDown() {
        bed.close();
    }

    @Test
    @DisplayName("a debtor's 'СТОП' arrives as one message from +79161234567 to the short code, then is acknowledged")
    void singleMo() {
        int status = bed.smsc.sendMo("+79161234567", "7755", "СТОП");

        assertThat(status).isZero();
        List<InboundEvent.InboundMessage> messages = bed.events(InboundEvent.InboundMessage.class);
        assertThat(messages).hasSize(1);
        InboundEvent.InboundMessage mo = messages.get(0);
        assertThat(mo.channelId()).isEqualTo("sms");
        assertThat(mo.from().phone()).isEqualTo("+79161234567");
        assertThat(mo.to()).isEqualTo("7755");
        assertThat(mo.text()).isEqualTo("СТОП");
        assertThat(mo.fragment()).isNull();
    }

    @Test
    @DisplayName("the parts of a concatenated MO that arrive out of order become one event each, with their fragment")
    void concatenatedMoOutOfOrder() {
        String text = "Я оплачу долг за отопление и горячую воду до конца месяца, прошу не начислять пени. Спасибо!";

        assertThat(bed.smsc.sendConcatenatedMo("+79161234567", "7755", text, 2, 1)).containsExactly(0, 0);

        List<InboundEvent.InboundMessage> parts = bed.events(InboundEvent.InboundMessage.class);
        assertThat(parts).hasSize(2);
        InboundEvent.Fragment second = parts.get(0).fragment();
        InboundEvent.Fragment first = parts.get(1).fragment();
        assertThat(second.seq()).isEqualTo(2);
        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.total()).isEqualTo(2);
        assertThat(first.reference()).isEqualTo(second.reference());
        assertThat(parts.get(1).text() + parts.get(0).text()).isEqualTo(text);
        assertThat(parts.get(1).text()).hasSize(67);
    }

    @Test
    @DisplayName("deliver_sm_resp is withheld until the sink has stored the event")
    void responseWaitsForTheSink() {
        Promise<Void> storing = Promise.promise();
        bed.sink.behaviour = e -> storing.future();

        CompletableFuture<Integer> mo = CompletableFuture.supplyAsync(
                () -> bed.smsc.sendMo("+79161234567", "7755", "Oplachu zavtra"));

        await().atMost(SmppTestBed.WAIT).until(() -> bed.sink.events.size() == 1);
        assertThat(bed.smsc.deliverResponses()).isEmpty();
        assertThat(mo).isNotDone();

        storing.complete();

        assertThat(mo.join()).isZero();
        assertThat(bed.smsc.deliverResponses()).extracting(DeliverResponse::commandStatus).containsExactly(0);
    }

    @Test
    @DisplayName("a sink that fails to store makes the channel answer ESME_RSYSERR, so the SMSC redelivers")
    void failingSinkRefuses() {
        bed.sink.behaviour = e -> Future.failedFuture(new IllegalStateException("redis down"));

        int status = bed.smsc.sendMo("+79161234567", "7755", "STOP");

        assertThat(status).isEqualTo(0x08);
        assertThat(bed.smsc.deliverResponses()).extracting(DeliverResponse::commandStatus).containsExactly(0x08);
    }

    @Test
    @DisplayName("a receipt whose sink store fails is refused with 0x08 too")
    void failingSinkRefusesReceipts() {
        bed.sink.behaviour = e -> Future.failedFuture(new IllegalStateException("redis down"));

        bed.send("+79161234567", "Your code is 4821");

        await().atMost(SmppTestBed.WAIT).until(() -> !bed.smsc.deliverResponses().isEmpty());
        DeliverResponse response = bed.smsc.deliverResponses().get(0);
        assertThat(response.kind()).isEqualTo(DeliverResponse.Kind.RECEIPT);
        assertThat(response.commandStatus()).isEqualTo(0x08);
    }

    @Test
    @DisplayName("an ENROUTE receipt is acknowledged and dropped: nothing reaches the sink")
    void intermediateReceiptIgnored() {
        bed.smsc.defaultOutcome(ReceiptOutcome.ENROUTE);

        bed.send("+79161234567", "Your code is 4821");

        await().atMost(SmppTestBed.WAIT).until(() -> bed.smsc.receiptsAcknowledged() == 1);
        assertThat(bed.sink.events).isEmpty();
    }
}
