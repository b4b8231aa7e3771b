package vestnik.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vestnik.channels.email.DeliveryStatus.Action;
import vestnik.channels.testing.Fixtures;

class DeliveryStatusTest {

    @Test
    @DisplayName("the RFC 3464 example reads as one recipient that failed with 4.0.0 after an SMTP 426")
    void simpleFixture() {
        DeliveryStatus dsn = DeliveryStatus.parse(Fixtures.text("email-dsn-rfc3464-simple-delivery-status.txt"));

        assertThat(dsn.perMessage()).containsEntry("reporting-mta", "dns; mta.example.org");
        assertThat(dsn.recipients()).singleElement().satisfies(r -> {
            assertThat(r.address()).isEqualTo("user@customer.example");
            assertThat(r.action()).isEqualTo(Action.FAILED);
            assertThat(r.status()).isEqualTo("4.0.0");
            assertThat(r.statusClass()).isEqualTo(4);
            assertThat(r.diagnosticCode()).isEqualTo("smtp; 426 connection timed out");
            assertThat(r.diagnosticReplyCode()).isEqualTo(426);
        });
    }

    @Test
    @DisplayName("the hard bounce's status part reads with its folded Diagnostic-Code joined again")
    void hardBounceFixture() {
        String mail = Fixtures.text("email-dsn-bounce-hard.eml");
        int start = mail.indexOf("Content-Type: message/delivery-status\r\n\r\n") + 41;
        String part = mail.substring(start, mail.indexOf("--AB12C3D4", start));

        DeliveryStatus dsn = DeliveryStatus.parse(part);

        assertThat(dsn.perMessage()).containsEntry("Original-Envelope-Id", "gw-7f3c2a");
        assertThat(dsn.recipients()).singleElement().satisfies(r -> {
            assertThat(r.originalRecipient()).isEqualTo("rfc822;nobody@customer.example");
            assertThat(r.address()).isEqualTo("nobody@customer.example");
            assertThat(r.action()).isEqualTo(Action.FAILED);
            assertThat(r.status()).isEqualTo("5.1.1");
            assertThat(r.remoteMta()).isEqualTo("dns; mx.customer.example");
            assertThat(r.diagnosticCode())
                    .isEqualTo("smtp; 550 5.1.1 <nobody@customer.example>: Recipient address rejected: User unknown");
            assertThat(r.diagnosticReplyCode()).isEqualTo(550);
        });
    }

    @Test
    @DisplayName("several recipients, an unknown action, a status with a comment and a non-rfc822 address")
    void variants() {
        DeliveryStatus dsn = DeliveryStatus.parse("""
                Reporting-MTA: dns; mx.example

                Final-Recipient: rfc822; <a@example.ru>
                Action: delayed
                Status: 4.4.7 (delivery time expired)

                Final-Recipient: x400; /C=RU/
                Action: withdrawn
                Status: 5.x.x
                """);

        assertThat(dsn.recipients()).hasSize(2);
        assertThat(dsn.recipients().get(0).address()).isEqualTo("a@example.ru");
        assertThat(dsn.recipients().get(0).action()).isEqualTo(Action.DELAYED);
        assertThat(dsn.recipients().get(0).status()).isEqualTo("4.4.7");
        assertThat(dsn.recipients().get(1).address()).isNull();
        assertThat(dsn.recipients().get(1).action()).isEqualTo(Action.OTHER);
        assertThat(dsn.recipients().get(1).status()).isNull();
        assertThat(dsn.recipients().get(1).statusClass()).isZero();
    }
}
