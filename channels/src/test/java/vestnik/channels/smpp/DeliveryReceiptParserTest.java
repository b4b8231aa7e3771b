package vestnik.channels.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.util.DefaultDecomposer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vestnik.channels.testing.Fixtures;

class DeliveryReceiptParserTest {

    private static List<String> receiptLines() {
        return Fixtures.lines("smpp-dlr-short-message.txt");
    }

    @Test
    @DisplayName("every receipt line of the fixture parses into an id and a stat")
    void everyFixtureLine() {
        List<String> lines = receiptLines();
        assertThat(lines).hasSize(7);

        assertThat(lines).allSatisfy(line -> assertThat(DeliveryReceiptParser.parse(line)).isPresent());
        assertThat(lines.stream().map(l -> DeliveryReceiptParser.parse(l).orElseThrow()).map(DeliveryReceipt::stat))
                .containsExactly("DELIVRD", "EXPIRED", "UNDELIV", "REJECTD", "DELIVRD", "DELIVRD", "DELIVRD");
        assertThat(lines.stream().map(l -> DeliveryReceiptParser.parse(l).orElseThrow()).map(DeliveryReceipt::id))
                .containsExactly("6D5C7B1A", "6D5C7B1A", "6D5C7B1B", "6D5C7B1C", "40072910491427628",
                        "7a44aaba-336f-4a92-9502-dd106aa7369f", "261BD3E2");
    }

    @Test
    @DisplayName("the canonical receipt yields every field, with 10-digit dates")
    void canonical() {
        DeliveryReceipt r = DeliveryReceiptParser.parse(receiptLines().get(0)).orElseThrow();

        assertThat(r).isEqualTo(new DeliveryReceipt("6D5C7B1A", "001", "001",
                LocalDateTime.of(2025, 1, 15, 14, 32), LocalDateTime.of(2025, 1, 15, 14, 33),
                "DELIVRD", "000", "Your code is 4821"));
    }

    @Test
    @DisplayName("a capitalised Text: field is read like text:")
    void capitalisedText() {
        DeliveryReceipt r = DeliveryReceiptParser.parse(receiptLines().get(2)).orElseThrow();

        assertThat(r.stat()).isEqualTo("UNDELIV");
        assertThat(r.err()).isEqualTo("001");
        assertThat(r.text()).isEqualTo("Your code is 4821");
    }

    @Test
    @DisplayName("a receipt without a text field, and one with an empty text, are both accepted")
    void missingAndEmptyText() {
        DeliveryReceipt none = DeliveryReceiptParser.parse(receiptLines().get(4)).orElseThrow();
        DeliveryReceipt empty = DeliveryReceiptParser.parse(receiptLines().get(3)).orElseThrow();

        assertThat(none.text()).isNull();
        assertThat(none.err()).isEqualTo("000");
        assertThat(none.doneDate()).isEqualTo(LocalDateTime.of(2010, 7, 29, 10, 49));
        assertThat(empty.text()).isEmpty();
        assertThat(empty.err()).isEqualTo("011");
    }

    @Test
    @DisplayName("12-digit dates keep their seconds, and a single-digit err is kept as written")
    void twelveDigitDates() {
        DeliveryReceipt uuid = DeliveryReceiptParser.parse(receiptLines().get(5)).orElseThrow();
        DeliveryReceipt shortErr = DeliveryReceiptParser.parse(receiptLines().get(6)).orElseThrow();

        assertThat(uuid.submitDate()).isEqualTo(LocalDateTime.of(2023, 11, 23, 19, 37, 58));
        assertThat(uuid.doneDate()).isEqualTo(LocalDateTime.of(2023, 11, 23, 19, 38, 0));
        assertThat(shortErr.err()).isEqualTo("0");
        assertThat(shortErr.text()).isEqualTo("report");
    }

    @Test
    @DisplayName("field names are case-insensitive and the free text may itself contain field names")
    void caseInsensitiveNames() {
        DeliveryReceipt r = DeliveryReceiptParser.parse(
                "ID:abc SUB:001 DLVRD:001 Submit Date:2501151432 Done Date:2501151433 Stat:delivrd Err:000 "
                        + "Text:stat:UNDELIV id:zzz").orElseThrow();

        assertThat(r.id()).isEqualTo("abc");
        assertThat(r.stat()).isEqualTo("DELIVRD");
        assertThat(r.text()).isEqualTo("stat:UNDELIV id:zzz");
    }

    @Test
    @DisplayName("text that is not a receipt yields nothing")
    void notAReceipt() {
        assertThat(DeliveryReceiptParser.parse("СТОП")).isEmpty();
        assertThat(DeliveryReceiptParser.parse("id:123 without a state")).isEmpty();
    }

    @Test
    @DisplayName("the deliver_sm fixture's receipted_message_id and message_state TLVs agree with its text")
    void fixturePdu() throws Exception {
        DeliverSm pdu = new DefaultDecomposer().deliverSm(Fixtures.pduHex("smpp-deliver-sm-dlr-pdu.txt", "deliver_sm_dlr"));

        DeliverSmMapper.Outcome outcome = new DeliverSmMapper("sms").map(pdu, java.time.Instant.EPOCH);
        DeliveryReceipt fromText = DeliveryReceiptParser.parse(new String(pdu.getShortMessage(),
                StandardCharsets.US_ASCII)).orElseThrow();
        DeliveryReceipt withTlvs = DeliveryReceiptParser.parse(pdu.getShortMessage(), "6D5C7B1A", 2).orElseThrow();

        assertThat(fromText.id()).isEqualTo("6D5C7B1A");
        assertThat(withTlvs).isEqualTo(fromText);
        assertThat(outcome).isInstanceOf(DeliverSmMapper.Outcome.Event.class);
    }

    @Test
    @DisplayName("the TLVs win over the text: receipted_message_id for the id, message_state for the stat")
    void tlvsWin() {
        byte[] text = "id:1840437146 sub:001 dlvrd:001 submit date:2501151432 done date:2501151433 stat:DELIVRD err:000"
                .getBytes(StandardCharsets.US_ASCII);

        DeliveryReceipt r = DeliveryReceiptParser.parse(text, "6DB3E49A", 5).orElseThrow();

        assertThat(r.id()).isEqualTo("6DB3E49A");
        assertThat(r.stat()).isEqualTo("UNDELIV");
        assertThat(r.err()).isEqualTo("000");
    }

    @Test
    @DisplayName("a receipt carried only in TLVs, with an empty short_message, is still a receipt")
    void tlvOnly() {
        DeliveryReceipt r = DeliveryReceiptParser.parse(new byte[0], "6D5C7B1A", 3).orElseThrow();

        assertThat(r.id()).isEqualTo("6D5C7B1A");
        assertThat(r.stat()).isEqualTo("EXPIRED");
        assertThat(r.text()).isNull();
        assertThat(DeliveryReceiptParser.parse(new byte[0], "6D5C7B1A", null)).isEmpty();
    }
}
