package vestnik.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vestnik.channels.spi.ChannelType;
import vestnik.gateway.policy.time.DayWindows;

class TenantPolicyTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode yaml(String text) throws Exception {
        return YAML.readTree(text).path("policy");
    }

    @Test
    @DisplayName("without a policy a tenant gets the law: 2/4/16 messages, 1/2/8 calls, 3 attempts 2 h apart, 08–22 and 09–20")
    void legalDefault() throws Exception {
        TenantPolicy p = TenantPolicy.fromJson(yaml("name: acme"));
        assertThat(p).isEqualTo(TenantPolicy.LEGAL);
        assertThat(p.caps().message()).isEqualTo(new CapLimits(2, 4, 16));
        assertThat(p.caps().call()).isEqualTo(new CapLimits(1, 2, 8));
        assertThat(p.caps().callAttempts()).isEqualTo(new CallAttempts(3, Duration.ofHours(2)));
        assertThat(p.windows()).isEqualTo(DayWindows.LEGAL);
        assertThat(p.defaultZoneId()).isEmpty();
    }

    @Test
    @DisplayName("stricter caps, narrower hours, a default zone and voice messages as calls are read from the settings")
    void stricterSettings() throws Exception {
        TenantPolicy p = TenantPolicy.fromJson(yaml("""
                policy:
                  defaultZone: Europe/Moscow
                  caps:
                    message: {day: 1, week: 3}
                    call: {month: 6}
                    callAttempts: {day: 2, minSpacing: 3h}
                  hours: {working: "09:00-21:00", rest: "10:00-19:00"}
                  voiceMessagesAsCalls: true
                """));
        assertThat(p.defaultZone()).isEqualTo(ZoneId.of("Europe/Moscow"));
        assertThat(p.caps().message()).isEqualTo(new CapLimits(1, 3, 16));
        assertThat(p.caps().call()).isEqualTo(new CapLimits(1, 2, 6));
        assertThat(p.caps().callAttempts()).isEqualTo(new CallAttempts(2, Duration.ofHours(3)));
        assertThat(p.windows().workingStart()).isEqualTo(LocalTime.of(9, 0));
        assertThat(p.windows().restEnd()).isEqualTo(LocalTime.of(19, 0));
        assertThat(p.classify(ChannelType.VOICE_HTTP)).isEqualTo(ContactClass.CALL);
    }

    @Test
    @DisplayName("looser caps, a shorter spacing and wider hours are refused, each named with the legal value")
    void refusesLooser() {
        assertThatThrownBy(() -> TenantPolicy.fromJson(yaml("""
                policy:
                  caps:
                    message: {day: 3}
                    call: {week: 3}
                    callAttempts: {minSpacing: 60m}
                  hours: {working: "07:00-22:00"}
                """)))
                .isInstanceOfSatisfying(PolicyConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "caps.message.day = 3 is looser than the legal 2",
                        "caps.call.week = 3 is looser than the legal 2",
                        "caps.callAttempts.minSpacing = 60 min is shorter than the default 120 min",
                        "hours: working-day window 07:00-22:00 is wider than the legal 08:00-22:00"))
                .hasMessageContaining("can only be stricter");
    }

    @Test
    @DisplayName("a record built in code cannot relax the law either")
    void refusesLooserRecord() {
        assertThatThrownBy(() -> new TenantPolicy(new Caps(new CapLimits(2, 4, 20), Caps.LEGAL.call(),
                Caps.LEGAL.callAttempts()), DayWindows.of(null, "09:00-21:00"), null, false))
                .isInstanceOfSatisfying(PolicyConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "caps.message.month = 20 is looser than the legal 16",
                        "hours: weekend and holiday window 09:00-21:00 is wider than the legal 09:00-20:00"));
    }

    @Test
    @DisplayName("unknown keys, bad zones and bad numbers are refused with their path")
    void refusesMistakes() {
        assertThatThrownBy(() -> TenantPolicy.fromJson(yaml("""
                policy:
                  defaultZone: MSK
                  caps:
                    mesage: {day: 1}
                    call: {day: -1}
                  hours: {working: "9-21"}
                """)))
                .isInstanceOfSatisfying(PolicyConfigException.class, e -> assertThat(e.problems()).anySatisfy(
                        p -> assertThat(p).startsWith("policy.defaultZone 'MSK'"))
                        .anySatisfy(p -> assertThat(p).startsWith("policy.caps.mesage is not a setting"))
                        .anySatisfy(p -> assertThat(p).startsWith("policy.caps.call.day must be a whole number"))
                        .anySatisfy(p -> assertThat(p).startsWith("policy.hours:")));
    }
}
