package vestnik.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    @DisplayName("an already-E.164 +79 number gets the same answer from the fast path as from the parser, valid or not")
    void fastPathAgreesWithTheParser() {
        Random random = new Random(42);
        int valid = 0;
        int invalid = 0;
        for (int prefix = 0; prefix < 1000; prefix++) {
            for (int k = 0; k < 8; k++) {
                String phone = String.format("+79%03d%06d", prefix, k == 0 ? 0 : random.nextInt(1_000_000));
                assertThat(PhoneNumbers.isRussianMobileE164(phone)).isTrue();
                assertThat(PhoneNumbers.toE164(phone)).as(phone).isEqualTo(PhoneNumbers.parsed(phone));
                if (PhoneNumbers.toE164(phone).isPresent()) {
                    valid++;
                } else {
                    invalid++;
                }
            }
        }
        // the sweep covers both answers: +7930 000... is not a valid Russian mobile number
        assertThat(PhoneNumbers.toE164("+79300000000")).isEmpty();
        assertThat(valid).isPositive();
        assertThat(invalid).isPositive();
    }

    @Test
    @DisplayName("numbers written any other way still go through the parser")
    void otherFormsAreParsed() {
        assertThat(PhoneNumbers.isRussianMobileE164("89161234567")).isFalse();
        assertThat(PhoneNumbers.isRussianMobileE164("+7 916 123-45-67")).isFalse();
        assertThat(PhoneNumbers.isRussianMobileE164("+791612345678")).isFalse();
        assertThat(PhoneNumbers.isRussianMobileE164("+74951234567")).isFalse();
        assertThat(PhoneNumbers.toE164("89161234567")).contains("+79161234567");
        assertThat(PhoneNumbers.toE164("+7 916 123-45-67")).contains("+79161234567");
        assertThat(PhoneNumbers.toE164("+74951234567")).contains("+74951234567");
        assertThat(PhoneNumbers.toE164("+7916123456")).isEmpty();
    }
}
