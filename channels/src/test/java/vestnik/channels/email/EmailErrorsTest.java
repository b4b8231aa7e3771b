package vestnik.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.ext.mail.SMTPException;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vestnik.channels.spi.ErrorClass;
import vestnik.channels.spi.FailureCodes;
import vestnik.channels.spi.SendResult.Failed;

class EmailErrorsTest {

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @DisplayName("each SMTP reply maps to the class the table says")
    @CsvSource(nullValues = "-", value = {
            "421, 4.7.0, TRANSIENT,           provider_unavailable",
            "450, 4.2.1, TRANSIENT,           provider_error",
            "451, 4.7.1, TRANSIENT,           provider_error",
            "452, -,     TRANSIENT,           provider_error",
            "550, 5.1.1, PERMANENT_RECIPIENT, invalid_recipient",
            "550, 5.1.10, PERMANENT_RECIPIENT, invalid_recipient",
            "553, 5.1.3, PERMANENT_RECIPIENT, invalid_recipient",
            "550, 5.1.7, PERMANENT_CONFIG,    bad_configuration",
            "550, 5.2.1, PERMANENT_RECIPIENT, invalid_recipient",
            "552, 5.2.2, PERMANENT_RECIPIENT, invalid_recipient",
            "552, 5.3.4, PERMANENT_CONFIG,    invalid_content",
            "554, 5.6.0, PERMANENT_CONFIG,    invalid_content",
            "550, 5.4.4, PERMANENT_RECIPIENT, invalid_recipient",
            "554, 5.4.6, PERMANENT_RECIPIENT, rejected_by_provider",
            "550, 5.7.1, PERMANENT_CONFIG,    bad_configuration",
            "535, 5.7.8, PERMANENT_CONFIG,    bad_configuration",
            "550, 5.7.26, PERMANENT_CONFIG,   bad_configuration",
            "501, 5.5.4, PERMANENT_CONFIG,    bad_configuration",
            "550, 5.0.0, PERMANENT_RECIPIENT, invalid_recipient",
            "550, -,     PERMANENT_RECIPIENT, invalid_recipient",
            "551, -,     PERMANENT_RECIPIENT, invalid_recipient",
            "554, -,     PERMANENT_RECIPIENT, rejected_by_provider",
            "535, -,     PERMANENT_CONFIG,    bad_configuration",
            "530, -,     PERMANENT_CONFIG,    bad_configuration",
            "559, -,     PERMANENT_RECIPIENT, rejected_by_provider",
            "999, -,     TRANSIENT,           provider_error"})
    void table(int code, String enhanced, ErrorClass errorClass, String failureCode) {
        Failed failed = EmailErrors.forReply(code, enhanced);

        assertThat(failed.errorClass()).isEqualTo(errorClass);
        assertThat(failed.code()).isEqualTo(failureCode);
        assertThat(failed.providerCode()).isEqualTo(enhanced == null ? String.valueOf(code) : code + " " + enhanced);
        assertThat(failed.retryAfter()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("the enhanced status is found in a reply's text, and a text without one has none")
    @CsvSource(nullValues = "-", delimiter = '|', value = {
            "550 5.1.1 <nobody@customer.example>: Recipient address rejected: User unknown | 5.1.1",
            "550-5.7.26 Unauthenticated email is not accepted                            | 5.7.26",
            "5.1.1 User unknown                                                          | 5.1.1",
            "550 Requested action not taken: mailbox unavailable                         | -",
            "451 Try again in 4.5 minutes                                                | -"})
    void enhancedStatus(String text, String expected) {
        assertThat(EmailErrors.enhancedStatus(text)).isEqualTo(expected);
    }

    @Test
    @DisplayName("an SMTP refusal is read by its codes and the reply text, which quotes the address, is not kept")
    void smtpException() {
        SMTPException refusal = new SMTPException("RCPT TO failed", 550,
                List.of("550 5.1.1 <nobody@customer.example>: Recipient address rejected: User unknown"), false);

        Failed failed = EmailErrors.forSendFailure(refusal);

        assertThat(failed.errorClass()).isEqualTo(ErrorClass.PERMANENT_RECIPIENT);
        assertThat(failed.providerCode()).isEqualTo("550 5.1.1");
        assertThat(failed.message()).doesNotContain("nobody", "customer.example");
    }

    @Test
    @DisplayName("a refused connection and a timeout are transient: the letter may go again")
    void transport() {
        assertThat(EmailErrors.forSendFailure(new ConnectException("Connection refused")))
                .extracting(Failed::errorClass, Failed::code)
                .containsExactly(ErrorClass.TRANSIENT, FailureCodes.PROVIDER_UNAVAILABLE);
        assertThat(EmailErrors.forSendFailure(new TimeoutException())).extracting(Failed::errorClass)
                .isEqualTo(ErrorClass.TRANSIENT);
    }

    @Test
    @DisplayName("only a refusal of our credentials marks the account as broken")
    void credentials() {
        assertThat(EmailErrors.refusesCredentials(EmailErrors.forReply(535, "5.7.8"))).isTrue();
        assertThat(EmailErrors.refusesCredentials(EmailErrors.forReply(530, null))).isTrue();
        assertThat(EmailErrors.refusesCredentials(EmailErrors.forReply(550, "5.7.1"))).isFalse();
        assertThat(EmailErrors.refusesCredentials(EmailErrors.forReply(550, "5.1.1"))).isFalse();
    }
}
