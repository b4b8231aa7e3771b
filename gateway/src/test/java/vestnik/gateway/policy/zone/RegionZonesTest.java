package vestnik.gateway.policy.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegionZonesTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private final RegionZones zones = RegionZones.bundled();

    private static int offsetHours(ZoneId z) {
        return z.getRules().getOffset(NOW).getTotalSeconds() / 3600;
    }

    @Test
    @DisplayName("every ISO 3166-2:RU subject is listed, plus Crimea and Sevastopol, each with a zone or its districts")
    void everySubjectListed() {
        Set<String> iso = Set.of("RU-AD", "RU-AL", "RU-ALT", "RU-AMU", "RU-ARK", "RU-AST", "RU-BA", "RU-BEL",
                "RU-BRY", "RU-BU", "RU-CE", "RU-CHE", "RU-CHU", "RU-CU", "RU-DA", "RU-IN", "RU-IRK", "RU-IVA",
                "RU-KAM", "RU-KB", "RU-KC", "RU-KDA", "RU-KEM", "RU-KGD", "RU-KGN", "RU-KHA", "RU-KHM", "RU-KIR",
                "RU-KK", "RU-KL", "RU-KLU", "RU-KO", "RU-KOS", "RU-KR", "RU-KRS", "RU-KYA", "RU-LEN", "RU-LIP",
                "RU-MAG", "RU-ME", "RU-MO", "RU-MOS", "RU-MOW", "RU-MUR", "RU-NEN", "RU-NGR", "RU-NIZ", "RU-NVS",
                "RU-OMS", "RU-ORE", "RU-ORL", "RU-PER", "RU-PNZ", "RU-PRI", "RU-PSK", "RU-ROS", "RU-RYA", "RU-SA",
                "RU-SAK", "RU-SAM", "RU-SAR", "RU-SE", "RU-SMO", "RU-SPE", "RU-STA", "RU-SVE", "RU-TA", "RU-TAM",
                "RU-TOM", "RU-TUL", "RU-TVE", "RU-TY", "RU-TYU", "RU-UD", "RU-ULY", "RU-VGG", "RU-VLA", "RU-VLG",
                "RU-VOR", "RU-YAN", "RU-YAR", "RU-YEV", "RU-ZAB");
        assertThat(iso).hasSize(83);
        Set<String> listed = zones.regions().stream().map(Region::code).collect(Collectors.toSet());
        assertThat(listed).containsAll(iso).contains("RU-CR", "RU-SEV").hasSize(85);
        assertThat(zones.regions()).allSatisfy(r -> assertThat(r.zones()).isNotEmpty());
        assertThat(zones.regions()).filteredOn(Region::needsDistrict).extracting(Region::code).containsExactly("RU-SA");
    }

    @Test
    @DisplayName("the zones span Russia's eleven offsets, UTC+2 in Kaliningrad to UTC+12 in Kamchatka")
    void elevenOffsets() {
        Set<Integer> offsets = zones.allZones().stream().map(RegionZonesTest::offsetHours).collect(Collectors.toSet());
        assertThat(offsets).containsExactlyInAnyOrder(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    }

    @ParameterizedTest(name = "{0} → {1} (UTC+{2})")
    @CsvSource(delimiter = ';', value = {
            "RU-KGD;Europe/Kaliningrad;2",
            "Калининградская обл.;Europe/Kaliningrad;2",
            "г. Москва;Europe/Moscow;3",
            "Город Санкт-Петербург;Europe/Moscow;3",
            "Республика Татарстан (Татарстан);Europe/Moscow;3",
            "Tatarstan;Europe/Moscow;3",
            "16;Europe/Moscow;3",
            "ru-ta;Europe/Moscow;3",
            "Волгоградская область;Europe/Volgograd;3",
            "Республика Крым;Europe/Simferopol;3",
            "Самарская обл.;Europe/Samara;4",
            "Udmurt Republic;Europe/Samara;4",
            "Республика Башкортостан;Asia/Yekaterinburg;5",
            "Ханты - Мансийский - Югра АО;Asia/Yekaterinburg;5",
            "Омская область;Asia/Omsk;6",
            "Кемеровская область - Кузбасс;Asia/Novokuznetsk;7",
            "Altai Krai;Asia/Barnaul;7",
            "Республика Алтай;Asia/Barnaul;7",
            "Иркутская обл.;Asia/Irkutsk;8",
            "Забайкальский край;Asia/Chita;9",
            "Амурская область;Asia/Yakutsk;9",
            "Приморский край;Asia/Vladivostok;10",
            "Еврейская АО;Asia/Vladivostok;10",
            "Магаданская обл.;Asia/Magadan;11",
            "Сахалинская область;Asia/Sakhalin;11",
            "Чукотский АО;Asia/Anadyr;12",
            "Камчатский край;Asia/Kamchatka;12",
            "RU-KAM;Asia/Kamchatka;12",
            "41;Asia/Kamchatka;12"})
    void placesRegions(String text, String zone, int offset) {
        RegionMatch m = zones.match(text);
        assertThat(m.placed()).isTrue();
        assertThat(m.zone()).isEqualTo(ZoneId.of(zone));
        assertThat(offsetHours(m.zone())).isEqualTo(offset);
        assertThat(m.byDistrict()).isFalse();
    }

    @Test
    @DisplayName("a short name two subjects share places neither, while each full name places its own")
    void sharedShortNames() {
        assertThat(zones.region("Altai")).isEmpty();
        assertThat(zones.region("Altai Krai")).map(Region::code).contains("RU-ALT");
        assertThat(zones.region("Altai Republic")).map(Region::code).contains("RU-AL");
        assertThat(zones.region("Moscow")).map(Region::code).contains("RU-MOW");
        assertThat(zones.region("Moscow Oblast")).map(Region::code).contains("RU-MOS");
    }

    @Test
    @DisplayName("a numbering-plan text naming two subjects in one zone places the debtor in it and keeps both subjects")
    void compoundSameZone() {
        RegionMatch m = zones.match("г. Москва и Московская область");
        assertThat(m.zone()).isEqualTo(ZoneId.of("Europe/Moscow"));
        assertThat(m.regionCodes()).containsExactlyInAnyOrder("RU-MOW", "RU-MOS");
    }

    @Test
    @DisplayName("subjects in different zones leave the debtor between them")
    void compoundDifferentZones() {
        RegionMatch m = zones.match("Калининградская область|Камчатский край");
        assertThat(m.placed()).isFalse();
        assertThat(m.candidates()).containsExactlyInAnyOrder(ZoneId.of("Europe/Kaliningrad"), ZoneId.of("Asia/Kamchatka"));
    }

    @Test
    @DisplayName("Yakutia without a district is ambiguous between UTC+9, UTC+10 and UTC+11")
    void yakutiaAmbiguous() {
        RegionMatch m = zones.match("Республика Саха (Якутия)");
        assertThat(m.found()).isTrue();
        assertThat(m.placed()).isFalse();
        assertThat(m.candidates().stream().map(RegionZonesTest::offsetHours).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(9, 10, 11);
        assertThat(m.candidates()).contains(ZoneId.of("Asia/Yakutsk"), ZoneId.of("Asia/Vladivostok"),
                ZoneId.of("Asia/Srednekolymsk"));
    }

    @ParameterizedTest(name = "{0} / {1} → {2}")
    @CsvSource(delimiter = ';', value = {
            "Республика Саха (Якутия);Оймяконский улус;Asia/Ust-Nera;10",
            "Якутия;Верхоянский район;Asia/Vladivostok;10",
            "RU-SA;Усть-Янский;Asia/Vladivostok;10",
            "Sakha Republic;Verkhoyansky District;Asia/Vladivostok;10",
            "14;Среднеколымский улус;Asia/Srednekolymsk;11",
            "Саха /Якутия/;Абыйский м.р-н;Asia/Srednekolymsk;11",
            "Республика Саха /Якутия/;п. Черский|Нижнеколымский м.р-н|Республика Саха (Якутия);Asia/Srednekolymsk;11",
            "Якутия;г. Якутск;Asia/Yakutsk;9",
            "Якутия;Мирнинский район;Asia/Yakutsk;9",
            "Якутия;Томпонский улус;Asia/Khandyga;9"})
    void yakutiaDistricts(String region, String district, String zone, int offset) {
        RegionMatch m = zones.match(region, district);
        assertThat(m.zone()).isEqualTo(ZoneId.of(zone));
        assertThat(offsetHours(m.zone())).isEqualTo(offset);
        assertThat(m.byDistrict()).isTrue();
        assertThat(m.regionCodes()).containsExactly("RU-SA");
    }

    @Test
    @DisplayName("an address line gives the subject and the district; a street named after a region does not")
    void addresses() {
        RegionMatch m = zones.matchAddress("678730, Республика Саха (Якутия), Оймяконский улус, п. Усть-Нера, ул. Ленина, 1");
        assertThat(m.zone()).isEqualTo(ZoneId.of("Asia/Ust-Nera"));
        assertThat(m.district()).isEqualTo("Оймяконский улус");
        assertThat(zones.matchAddress("г. Казань, Республика Татарстан, ул. Баумана, 16").zone())
                .isEqualTo(ZoneId.of("Europe/Moscow"));
        assertThat(zones.matchAddress("ул. Московская, 16").found()).isFalse();
    }

    @Test
    @DisplayName("texts that name no subject are not found")
    void unknownTexts() {
        assertThat(zones.match("Российская Федерация").found()).isFalse();
        assertThat(zones.match("-").found()).isFalse();
        assertThat(zones.match(null).found()).isFalse();
        assertThat(zones.match("Донецкая Народная Республика").found()).isFalse();
    }

    @Test
    @DisplayName("the subjects of a zone include those that use it on part of their territory")
    void regionsInZone() {
        assertThat(zones.regionsIn(ZoneId.of("Europe/Moscow"))).contains("RU-MOW", "RU-TA").doesNotContain("RU-BA");
        assertThat(zones.regionsIn(ZoneId.of("Asia/Srednekolymsk"))).containsExactly("RU-SA");
        assertThat(zones.regionsIn(ZoneOffset.ofHours(3))).isEmpty();
    }

    @Test
    @DisplayName("a replacement table that gives one name to two subjects is refused")
    void refusesClashingNames() {
        String regions = "RU-MOW;77;Europe/Moscow;Москва\nRU-MOS;50;Europe/Moscow;Москва\n";
        assertThatThrownBy(() -> RegionZones.load(regions, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RU-MOW").hasMessageContaining("RU-MOS");
    }

    @Test
    @DisplayName("a replacement table with a zone that is not an IANA name is refused")
    void refusesBadZones() {
        assertThatThrownBy(() -> RegionZones.load("RU-MOW;77;MSK;Москва\n", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MSK");
    }
}
