package vestnik.gateway.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderIdsTest {

    @ParameterizedTest(name = "submit id {0} is matched by receipt id {1}")
    @DisplayName("a receipt id matches its submission whether written in hex or decimal, any case, with or without leading zeros")
    @CsvSource({
            "6D5C7B1A, 6D5C7B1A",
            "6D5C7B1A, 6d5c7b1a",
            "6D5C7B1A, 00006D5C7B1A",
            "6D5C7B1A, 1834777370",
            "00ff, 255",
            "12345, 12345",
            "1834777370, 6D5C7B1A",
            "7a44aaba-336f-4a92-9502-dd106aa7369f, 7A44AABA-336F-4A92-9502-DD106AA7369F"
    })
    void matches(String submitted, String received) {
        assertThat(ProviderIds.candidates(received)).contains(ProviderIds.normalize(submitted));
    }

    @org.junit.jupiter.api.Test
    @DisplayName("ids whose case carries meaning (base64 wamids) are kept exactly")
    void caseSensitiveIdsKept() {
        assertThat(ProviderIds.normalize("wamid.HBgLMTY1MDM4NzkwNDMVAgASGBQzQUJDRA==")).isEqualTo("wamid.HBgLMTY1MDM4NzkwNDMVAgASGBQzQUJDRA==");
        assertThat(ProviderIds.candidates("wamid.HBgL")).doesNotContain("wamid.hbgl");
    }

    @ParameterizedTest(name = "{0} is tried as written first")
    @DisplayName("the receipt id as written is always the first candidate")
    @CsvSource({"100", "ABC", "uuid-like-id"})
    void asWrittenFirst(String id) {
        assertThat(ProviderIds.candidates(id).get(0)).isEqualTo(ProviderIds.normalize(id));
    }
}
