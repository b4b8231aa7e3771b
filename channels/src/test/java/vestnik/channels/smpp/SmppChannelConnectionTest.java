package vestnik.channels.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vestnik.channels.spi.ErrorClass;
import vestnik.channels.spi.SendResult;
import vestnik.loadtest.smsc.ReceivedSubmit;
import vestnik.loadtest.smsc.SimulatedSmsc;

class SmppChannelConnectionTest {

    private SmppTestBed bed;

    @AfterEach
    void tearDown() {
        if (bed != null) {
            bed.close();
        }
    }

    private SmppTestBed bed(SimulatedSmsc.Builder smsc) throws Exception {
        bed = new SmppTestBed(smsc.credentials("gw", "secret").receipts(false).start());
        return bed;
    }

    @Test
    @DisplayName("when the SMSC drops the link, sends fail TRANSIENT at once until the channel has re-bound, then succeed")
    void dropAndRebind() throws Exception {
        bed(SimulatedSmsc.builder()).startReady(Map.of());
        assertThat(bed.send("+79161234567", "before")).isInstanceOf(SendResult.Accepted.class);

        bed.smsc.acceptBinds(false);
        bed.smsc.dropConnections();
        await().atMost(SmppTestBed.WAIT).until(() -> !bed.channel.isReady());

        SendResult whileDown = bed.send("+79161234567", "while down");
        assertThat(whileDown).isInstanceOfSatisfying(SendResult.Failed.class, f -> {
            assertThat(f.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
            assertThat(f.code()).isEqualTo("provider_unavailable");
        });
        await().atMost(SmppTestBed.WAIT).until(() -> bed.smsc.rejectedBinds() >= 2);

        bed.smsc.acceptBinds(true);
        await().atMost(SmppTestBed.WAIT).until(bed.channel::isReady);
        assertThat(bed.send("+79161234567", "after")).isInstanceOf(SendResult.Accepted.class);
        assertThat(bed.smsc.bindCount()).isEqualTo(2);
        assertThat(bed.smsc.acceptedSubmits()).extracting(ReceivedSubmit::destinationAddr).hasSize(2);
    }

    @Test
    @DisplayName("submits caught by a drop mid-stream end TRANSIENT (they may have been accepted), none is lost silently")
    void dropMidStream() throws Exception {
        bed(SimulatedSmsc.builder().pduProcessorDegree(8).submitDelay(Duration.ofMillis(20)))
                .startReady(Map.of("window", 8, "transactionTimeout", "PT1S"));
        bed.smsc.dropConnectionsAfter(5);

        List<io.vertx.core.Future<SendResult>> sends = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sends.add(bed.channel.send(SmppTestBed.message("+7916123456" + (i % 10), "message " + i)));
        }
        List<SendResult> results = sends.stream().map(SmppTestBed::join).toList();

        long accepted = results.stream().filter(r -> r instanceof SendResult.Accepted).count();
        assertThat(accepted).isGreaterThanOrEqualTo(5);
        assertThat(results).filteredOn(r -> r instanceof SendResult.Failed)
                .isNotEmpty()
                .allSatisfy(r -> assertThat(((SendResult.Failed) r).errorClass()).isEqualTo(ErrorClass.TRANSIENT));
        await().atMost(SmppTestBed.WAIT).until(bed.channel::isReady);
        assertThat(bed.send("+79161234567", "after the drop")).isInstanceOf(SendResult.Accepted.class);
    }

    @Test
    @DisplayName("no more submit_sm are ever unanswered on a bind than its window, even with many sends at once")
    void windowNeverExceeded() throws Exception {
        bed(SimulatedSmsc.builder().pduProcessorDegree(16).submitDelay(Duration.ofMillis(20)))
                .startReady(Map.of("window", 4));

        List<io.vertx.core.Future<SendResult>> sends = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            sends.add(bed.channel.send(SmppTestBed.message("+79161234567", "message " + i)));
        }
        List<SendResult> results = sends.stream().map(SmppTestBed::join).toList();

        assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(SendResult.Accepted.class));
        assertThat(bed.smsc.acceptedSubmits()).hasSize(40);
        assertThat(bed.smsc.maxConcurrentSubmits()).isBetween(2, 4);
        assertThat(bed.channel.maxInFlight()).isEqualTo(4);
    }

    @Test
    @DisplayName("with a wrong password the channel starts not ready and keeps re-binding until the SMSC accepts it")
    void badPassword() throws Exception {
        bed(SimulatedSmsc.builder());
        bed.smsc.credentials("gw", "other");

        bed.start(Map.of("bindTimeout", "PT0.5S"));

        assertThat(bed.channel.isReady()).isFalse();
        await().atMost(SmppTestBed.WAIT).until(() -> bed.smsc.rejectedBinds() >= 3);
        assertThat(bed.channel.isReady()).isFalse();
        SendResult.Failed failed = (SendResult.Failed) bed.send("+79161234567", "Pay today");
        assertThat(failed.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
        assertThat(bed.smsc.submits()).isEmpty();

        bed.smsc.credentials("gw", "secret");
        await().atMost(SmppTestBed.WAIT).until(bed.channel::isReady);
    }

    @Test
    @DisplayName("several binds share the load, and stop() unbinds every one of them")
    void severalBindsAndStop() throws Exception {
        bed(SimulatedSmsc.builder()).startReady(Map.of("binds", 3, "window", 2));
        await().atMost(SmppTestBed.WAIT).until(() -> bed.smsc.boundSessions() == 3);

        List<io.vertx.core.Future<SendResult>> sends = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            sends.add(bed.channel.send(SmppTestBed.message("+79161234567", "message " + i)));
        }
        assertThat(sends.stream().map(SmppTestBed::join)).allSatisfy(
                r -> assertThat(r).isInstanceOf(SendResult.Accepted.class));

        SmppTestBed.join(bed.channel.stop());

        await().atMost(SmppTestBed.WAIT).until(() -> bed.smsc.boundSessions() == 0);
        assertThat(bed.channel.isReady()).isFalse();
        bed.channel = null;
    }
}
