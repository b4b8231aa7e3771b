package vestnik.gateway.policy.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vestnik.gateway.policy.numbering.NumberingPlan;
import vestnik.gateway.policy.numbering.NumberingPlanFixtures;

class ZoneResolverTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final ZoneId KAMCHATKA = ZoneId.of("Asia/Kamchatka");
    private static ZoneResolver resolver;

    @BeforeAll
    static void plan() throws IOException {
        NumberingPlan plan = NumberingPlanFixtures.allThree();
        resolver = new ZoneResolver(RegionZones.bundled(), plan);
    }

    @Test
    @DisplayName("the contact's own zone comes first, even when the region and the phone say otherwise")
    void contactZoneFirst() {
        ZoneResolution r = resolver.resolve(ContactFacts.none().withZone("Asia/Omsk").withRegion("Татарстан")
                .withPhone("+79140200001"), MOSCOW);
        assertThat(r.zone()).isEqualTo(ZoneId.of("Asia/Omsk"));
        assertThat(r.source()).isEqualTo(ZoneSource.CONTACT_ZONE);
        assertThat(r.regions()).containsExactly("RU-TA");
    }

    @Test
    @DisplayName("the region decides when there is no zone, and a zone that is not an IANA name is ignored")
    void regionSecond() {
        ZoneResolution r = resolver.resolve(ContactFacts.none().withZone("MSK+9").withRegion("RU-KAM")
                .withPhone("+79160000001"), MOSCOW);
        assertThat(r.zone()).isEqualTo(KAMCHATKA);
        assertThat(r.source()).isEqualTo(ZoneSource.REGION);
        assertThat(r.basis()).isEqualTo("region RU-KAM");
    }

    @Test
    @DisplayName("in Yakutia the district decides, and the source says so")
    void yakutiaDistrict() {
        ZoneResolution r = resolver.resolve(ContactFacts.none().withRegion("Республика Саха (Якутия)")
                .withDistrict("Среднеколымский улус"), null);
        assertThat(r.zone()).isEqualTo(ZoneId.of("Asia/Srednekolymsk"));
        assertThat(r.source()).isEqualTo(ZoneSource.REGION_DISTRICT);
        assertThat(r.basis()).isEqualTo("region RU-SA, district Среднеколымский улус");
    }

    @Test
    @DisplayName("in Yakutia without a district the address can still name it")
    void yakutiaDistrictFromAddress() {
        ZoneResolution r = resolver.resolve(ContactFacts.none().withRegion("Якутия")
                .withAddress("678900, Республика Саха (Якутия), Верхоянский улус, п. Батагай, ул. Ленина, 5"), null);
        assertThat(r.zone()).isEqualTo(ZoneId.of("Asia/Vladivostok"));
        assertThat(r.source()).isEqualTo(ZoneSource.REGION_DISTRICT);
    }

    @Test
    @DisplayName("Yakutia without a district falls back to the numbering plan, whose ГАР territory names the district")
    void yakutiaFallsBackToPlan() {
        ZoneResolution r = resolver.resolve(ContactFacts.none().withRegion("Якутия").withPhone("+79142111234"), MOSCOW);
        assertThat(r.zone()).isEqualTo(ZoneId.of("Asia/Srednekolymsk"));
        assertThat(r.source()).isEqualTo(ZoneSource.NUMBERING_PLAN);
        assertThat(r.regions()).containsExactly("RU-SA");
    }

    @Test
    @DisplayName("Yakutia without a district ignores a tenant default outside Yakutia and keeps Yakutia's zones")
    void yakutiaAmbiguousStaysInYakutia() {
        ZoneResolution r = resolver.resolve(ContactFacts.none().withRegion("Якутия").withPhone("+79142000001"), MOSCOW);
        assertThat(r.isKnown()).isFalse();
        assertThat(r.source()).isEqualTo(ZoneSource.UNKNOWN);
        assertThat(r.candidates()).contains(ZoneId.of("Asia/Yakutsk"), ZoneId.of("Asia/Vladivostok"),
                ZoneId.of("Asia/Srednekolymsk")).doesNotContain(MOSCOW);
        assertThat(r.regions()).containsExactly("RU-SA");
        assertThat(r.basis()).contains("RU-SA");
    }

    @Test
    @DisplayName("a job hint outside the region the contact names is not taken")
    void jobHintMustAgree() {
        ZoneResolution r = resolver.resolve(ContactFacts.none().withRegion("Якутия").withJobZone("Europe/Moscow")
                .withJobRegion("Якутия, Оймяконский улус"), null);
        assertThat(r.zone()).isEqualTo(ZoneId.of("Asia/Ust-Nera"));
        assertThat(r.source()).isEqualTo(ZoneSource.JOB_HINT);
    }

    @Test
    @DisplayName("the job's to.timezone and to.region are asked before the numbering plan")
    void jobHintBeforePlan() {
        ZoneResolution zoneHint = resolver.resolve(ContactFacts.none().withJobZone("Asia/Irkutsk")
                .withPhone("+79140200001"), MOSCOW);
        assertThat(zoneHint.zone()).isEqualTo(ZoneId.of("Asia/Irkutsk"));
        assertThat(zoneHint.source()).isEqualTo(ZoneSource.JOB_HINT);
        ZoneResolution regionHint = resolver.resolve(ContactFacts.none().withJobRegion("Иркутская область")
                .withPhone("+79140200001"), MOSCOW);
        assertThat(regionHint.zone()).isEqualTo(ZoneId.of("Asia/Irkutsk"));
        assertThat(regionHint.basis()).isEqualTo("job to.region RU-IRK");
    }

    @Test
    @DisplayName("the phone's range places the debtor when the contact and the job do not, from Kaliningrad to Kamchatka")
    void numberingPlan() {
        assertThat(resolver.resolve(ContactFacts.none().withPhone("+79520512345"), MOSCOW))
                .extracting(ZoneResolution::zone, ZoneResolution::source)
                .containsExactly(ZoneId.of("Europe/Kaliningrad"), ZoneSource.NUMBERING_PLAN);
        assertThat(resolver.resolve(ContactFacts.none().withPhone("+74152123456"), MOSCOW).zone()).isEqualTo(KAMCHATKA);
        assertThat(resolver.resolve(ContactFacts.none().withPhone("+74272123456"), MOSCOW).zone())
                .isEqualTo(ZoneId.of("Asia/Anadyr"));
        assertThat(resolver.resolve(ContactFacts.none().withPhone("+73467123456"), MOSCOW).zone())
                .isEqualTo(ZoneId.of("Asia/Yekaterinburg"));
        ZoneResolution moscow = resolver.resolve(ContactFacts.none().withPhone("+79160000001"), null);
        assertThat(moscow.zone()).isEqualTo(MOSCOW);
        assertThat(moscow.regions()).containsExactlyInAnyOrder("RU-MOW", "RU-MOS");
        assertThat(resolver.resolve(ContactFacts.none().withPhone("+79142101234"), null).zone())
                .isEqualTo(ZoneId.of("Asia/Ust-Nera"));
    }

    @Test
    @DisplayName("the tenant default places only what nothing else does")
    void tenantDefault() {
        ZoneResolution r = resolver.resolve(ContactFacts.none().withPhone("+79580012345"), MOSCOW);
        assertThat(r.zone()).isEqualTo(MOSCOW);
        assertThat(r.source()).isEqualTo(ZoneSource.TENANT_DEFAULT);
        assertThat(r.basis()).isEqualTo("tenant default");
    }

    @Test
    @DisplayName("with nothing to go on the zone is unknown and every Russian zone is a candidate")
    void unknown() {
        ZoneResolution r = resolver.resolve(ContactFacts.none().withPhone("+79580012345"), null);
        assertThat(r.isKnown()).isFalse();
        assertThat(r.candidates()).isEqualTo(RegionZones.bundled().allZones());
        assertThat(r.regions()).isEmpty();
        assertThat(r.countingZone()).isEqualTo(ZoneId.of("Europe/Kaliningrad"));
    }

    @Test
    @DisplayName("a new plan gives a new resolver and leaves the old one as it was")
    void swapPlan() {
        ZoneResolver empty = resolver.withPlan(NumberingPlan.empty());
        assertThat(empty.resolve(ContactFacts.none().withPhone("+79520512345"), null).isKnown()).isFalse();
        assertThat(resolver.resolve(ContactFacts.none().withPhone("+79520512345"), null).isKnown()).isTrue();
    }

    @Test
    @DisplayName("the facts' text form keeps the phone and the address out of logs")
    void factsMasked() {
        String s = ContactFacts.none().withPhone("+79161234567").withAddress("ул. Ленина, 1").toString();
        assertThat(s).doesNotContain("9161234567").doesNotContain("Ленина");
    }
}
