package vestnik.loadtest.smsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The simulator against a plain jSMPP client, so the channel's tests can trust what it observes. */
class SimulatedSmscTest {

    private SimulatedSmsc smsc;
    private final List<SMPPSession> clients = new CopyOnWriteArrayList<>();
    private final List<DeliverSm> received = new CopyOnWriteArrayList<>();
    private volatile int answerWith;

    @AfterEach
    void tearDown() {
        clients.forEach(SMPPSession::unbindAndClose);
        if (smsc != null) {
            smsc.close();
        }
    }

    @Test
    @DisplayName("a bind with the right credentials succeeds on a port the OS chose; a wrong password gets 0x0E")
    void binds() throws Exception {
        smsc = SimulatedSmsc.builder().credentials("gw", "secret").start();

        assertThat(smsc.port()).isPositive();
        bind("secret");
        assertThatThrownBy(() -> bind("wrong"))
                .isInstanceOf(IOException.class)
                .hasRootCauseInstanceOf(NegativeResponseException.class)
                .rootCause().extracting(e -> ((NegativeResponseException) e).getCommandStatus()).isEqualTo(0x0E);

        assertThat(smsc.bindCount()).isEqualTo(1);
        assertThat(smsc.rejectedBinds()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> smsc.boundSessions() == 1);
    }

    @Test
    @DisplayName("an accepted submit is recorded with its fields and followed by a DELIVRD receipt in text and TLVs")
    void submitAndReceipt() throws Exception {
        smsc = SimulatedSmsc.builder().messageIdFormat(MessageIdFormat.HEX_IN_RESP_DECIMAL_IN_RECEIPT).start();
        SMPPSession client = bind("any");

        String id = submit(client, "79161234567", "Your code is 4821");

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
        DeliverSm receipt = received.get(0);
        String decimal = Long.toString(Long.parseLong(id, 16));
        assertThat(receipt.isSmscDeliveryReceipt()).isTrue();
        assertThat(new String(receipt.getShortMessage(), StandardCharsets.US_ASCII))
                .startsWith("id:" + decimal + " sub:001 dlvrd:001 submit date:")
                .contains("stat:DELIVRD err:000 text:Your code is 4821");
        assertThat(((OptionalParameter.COctetString) receipt.getOptionalParameter(
                OptionalParameter.Tag.RECEIPTED_MESSAGE_ID)).getValueAsString()).isEqualTo(decimal);
        assertThat(((OptionalParameter.Byte) receipt.getOptionalParameter(OptionalParameter.Tag.MESSAGE_STATE))
                .getValue()).isEqualTo((byte) 2);
        assertThat(receipt.getSourceAddr()).isEqualTo("79161234567");
        assertThat(receipt.getDestAddress()).isEqualTo("VESTNIK");

        ReceivedSubmit submit = smsc.submits().get(0);
        assertThat(submit.destinationAddr()).isEqualTo("79161234567");
        assertThat(submit.sourceTon()).isEqualTo(5);
        assertThat(submit.registeredDelivery()).isEqualTo(1);
        assertThat(submit.messageId()).isEqualTo(id);
        await().atMost(Duration.ofSeconds(10)).until(() -> smsc.receiptsAcknowledged() == 1);
        assertThat(smsc.deliverResponses()).containsExactly(
                new DeliverResponse(DeliverResponse.Kind.RECEIPT, decimal, 0));
    }

    @Test
    @DisplayName("scripted outcomes, TLV-only receipts and a refused receipt are visible to the client and recorded")
    void outcomesAndRefusals() throws Exception {
        smsc = SimulatedSmsc.builder().receiptCarrier(ReceiptCarrier.TLV_ONLY).start()
                .outcomeFor("79160000001", ReceiptOutcome.UNDELIV);
        SMPPSession client = bind("any");
        answerWith = 0x08;

        submit(client, "79160000001", "hello");

        await().atMost(Duration.ofSeconds(10)).until(() -> !smsc.deliverResponses().isEmpty());
        DeliverSm receipt = received.get(0);
        assertThat(receipt.getShortMessage()).isEmpty();
        assertThat(((OptionalParameter.Byte) receipt.getOptionalParameter(OptionalParameter.Tag.MESSAGE_STATE))
                .getValue()).isEqualTo((byte) 5);
        assertThat(smsc.deliverResponses().get(0).commandStatus()).isEqualTo(0x08);
    }

    @Test
    @DisplayName("every second submit is throttled with 0x58 and a scripted destination is refused with 0x0B")
    void throttleAndReject() throws Exception {
        smsc = SimulatedSmsc.builder().receipts(false).start()
                .throttleEvery(2)
                .rejectDestination("79169999999");
        SMPPSession client = bind("any");

        submit(client, "79161234567", "one");
        assertThatThrownBy(() -> submit(client, "79161234567", "two"))
                .isInstanceOfSatisfying(NegativeResponseException.class,
                        e -> assertThat(e.getCommandStatus()).isEqualTo(0x58));
        assertThatThrownBy(() -> submit(client, "79169999999", "three"))
                .isInstanceOfSatisfying(NegativeResponseException.class,
                        e -> assertThat(e.getCommandStatus()).isEqualTo(0x0B));

        assertThat(smsc.submits()).extracting(ReceivedSubmit::commandStatus).containsExactly(0, 0x58, 0x0B);
        assertThat(smsc.acceptedSubmits()).hasSize(1);
    }

    @Test
    @DisplayName("an MO in Cyrillic goes as UCS2; a concatenated MO arrives in the scripted part order")
    void mobileOriginated() throws Exception {
        smsc = SimulatedSmsc.builder().start();
        bind("any");
        await().atMost(Duration.ofSeconds(10)).until(() -> smsc.boundSessions() == 1);

        assertThat(smsc.sendMo("+79161234567", "7755", "СТОП")).isZero();
        assertThat(smsc.sendConcatenatedMo("+79161234567", "7755", "Ж".repeat(70) + "конец", 2, 1))
                .containsExactly(0, 0);

        assertThat(received).hasSize(3);
        DeliverSm mo = received.get(0);
        assertThat(mo.getSourceAddr()).isEqualTo("79161234567");
        assertThat(mo.getDataCoding()).isEqualTo((byte) 0x08);
        assertThat(new String(mo.getShortMessage(), StandardCharsets.UTF_16BE)).isEqualTo("СТОП");
        assertThat(received.get(1).getEsmClass()).isEqualTo((byte) 0x40);
        assertThat(received.get(1).getShortMessage()[5]).isEqualTo((byte) 2);
        assertThat(received.get(2).getShortMessage()[5]).isEqualTo((byte) 1);
        assertThat(received.get(1).getShortMessage()[3]).isEqualTo(received.get(2).getShortMessage()[3]);
        assertThat(smsc.sendMo("+79161234567", "7755", "STOP please")).isZero();
        assertThat(received.get(3).getDataCoding()).isZero();
    }

    @Test
    @DisplayName("connections drop after the scripted number of submits, and the client sees its session close")
    void dropAfterSubmits() throws Exception {
        smsc = SimulatedSmsc.builder().receipts(false).start();
        SMPPSession client = bind("any");
        smsc.dropConnectionsAfter(2);

        submit(client, "79161234567", "one");
        submit(client, "79161234567", "two");

        // both ends notice the cut independently: wait for the simulator's side too, not only the client's
        await().atMost(Duration.ofSeconds(10)).until(() -> !client.getSessionState().isBound() && smsc.boundSessions() == 0);
    }

    private SMPPSession bind(String password) throws IOException {
        SMPPSession session = new SMPPSession();
        session.setMessageReceiverListener(new MessageReceiverListener() {
            @Override
            public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
                received.add(deliverSm);
                if (answerWith != 0) {
                    throw new ProcessRequestException("scripted", answerWith);
                }
            }

            @Override
            public void onAcceptAlertNotification(AlertNotification alertNotification) {
            }

            @Override
            public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) {
                return null;
            }
        });
        session.setTransactionTimer(3000);
        session.connectAndBind("127.0.0.1", smsc.port(), new BindParameter(BindType.BIND_TRX, "gw", password, "",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 3000);
        clients.add(session);
        return session;
    }

    private static String submit(SMPPSession client, String destination, String text) throws Exception {
        return client.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "VESTNIK",
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, destination, new ESMClass(), (byte) 0,
                (byte) 0, null, null, new RegisteredDelivery(1), (byte) 0, DataCodings.ZERO, (byte) 0,
                text.getBytes(StandardCharsets.US_ASCII)).getMessageId();
    }
}
