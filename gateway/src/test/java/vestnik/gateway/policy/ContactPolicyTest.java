package vestnik.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vestnik.channels.spi.ChannelType;
import vestnik.gateway.policy.PolicyDecision.Allow;
import vestnik.gateway.policy.PolicyDecision.Defer;
import vestnik.gateway.policy.PolicyDecision.Reject;
import vestnik.gateway.policy.time.CapWindows;
import vestnik.gateway.policy.zone.RegionZones;
import vestnik.gateway.policy.zone.ZoneResolution;
import vestnik.gateway.policy.zone.ZoneSource;

class ContactPolicyTest {

    private static final String MOSCOW = "Europe/Moscow";
    private static final String VLADIVOSTOK = "Asia/Vladivostok";
    private final ContactPolicy policy = ContactPolicy.bundled();

    private static Clock clockAt(String localDateTime, String zone) {
        return Clock.fixed(LocalDateTime.parse(localDateTime).atZone(ZoneId.of(zone)).toInstant(), ZoneOffset.UTC);
    }

    private static Instant local(String localDateTime, String zone) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of(zone)).toInstant();
    }

    private static ZoneResolution zone(String id, String... regions) {
        return ZoneResolution.known(ZoneId.of(id), ZoneSource.REGION, Set.of(regions), "test");
    }

    /** A decision as the dispatcher will make it: one instant from the clock, counters read for its windows. */
    private final class Ask {
        final Instant now;
        ZoneResolution zone;
        ChannelType channel = ChannelType.SMPP;
        ContactRestrictions contact = ContactRestrictions.none();
        TenantPolicy tenant = TenantPolicy.LEGAL;
        int day;
        int week;
        int month;
        int attempts;
        Instant lastAttempt;
        Instant acceptedAt;
        Instant expiresAt;
        boolean debtorSession;

        Ask(Clock clock, ZoneResolution zone) {
            this.now = clock.instant();
            this.zone = zone;
            this.acceptedAt = now.minus(Duration.ofHours(1));
            this.expiresAt = now.plus(Duration.ofDays(10));
        }

        Ask counts(int d, int w, int m) {
            day = d;
            week = w;
            month = m;
            return this;
        }

        PolicyDecision decide() {
            CapWindows windows = policy.windowsFor(now, zone);
            Usage usage = Usage.of(windows, day, week, month).withCallAttempts(attempts, lastAttempt);
            return policy.decide(new PolicyRequest(now, zone, contact, channel, usage, acceptedAt, expiresAt,
                    debtorSession), tenant);
        }
    }

    private Ask ask(String localDateTime, String zoneId, String... regions) {
        return new Ask(clockAt(localDateTime, zoneId), zone(zoneId, regions));
    }

    private static Defer deferred(PolicyDecision d) {
        assertThat(d).isInstanceOf(Defer.class);
        return (Defer) d;
    }

    private static Reject rejected(PolicyDecision d) {
        assertThat(d).isInstanceOf(Reject.class);
        return (Reject) d;
    }

    @Test
    @DisplayName("a message inside the window and under every cap is allowed now, with the three counters to reserve")
    void allowWithReservations() {
        PolicyDecision d = ask("2026-11-24T10:00", MOSCOW).counts(1, 1, 1).decide();
        assertThat(d).isInstanceOf(Allow.class);
        Allow a = (Allow) d;
        assertThat(a.localTime()).contains(LocalDateTime.parse("2026-11-24T10:00"));
        assertThat(a.source()).isEqualTo(ZoneSource.REGION);
        assertThat(a.contactClass()).isEqualTo(ContactClass.MESSAGE);
        assertThat(a.reservations()).containsExactly(
                new Reservation("msg:d:2026-11-24", 2, Instant.parse("2026-11-24T21:00:00Z"), false),
                new Reservation("msg:w:2026-W48", 4, Instant.parse("2026-11-29T21:00:00Z"), false),
                new Reservation("msg:m:2026-11", 16, Instant.parse("2026-11-30T21:00:00Z"), false));
        assertThat(a.spacing()).isNull();
    }

    @Test
    @DisplayName("Friday 22:30 waits for Saturday 09:00: quiet hours")
    void fridayNight() {
        Defer d = deferred(ask("2026-11-27T22:30", MOSCOW).decide());
        assertThat(d.localUntil()).contains(LocalDateTime.parse("2026-11-28T09:00"));
        assertThat(d.reason()).isEqualTo(DeferReason.QUIET_HOURS);
        assertThat(d.reason().wireName()).isEqualTo("quiet_hours");
    }

    @Test
    @DisplayName("the third message of a local day waits for the next day's first allowed moment")
    void dailyCap() {
        Defer d = deferred(ask("2026-11-24T15:00", MOSCOW).counts(2, 2, 5).decide());
        assertThat(d.localUntil()).contains(LocalDateTime.parse("2026-11-25T08:00"));
        assertThat(d.reason()).isEqualTo(DeferReason.DAILY_CAP);
        assertThat(d.reasons()).containsExactlyInAnyOrder(DeferReason.DAILY_CAP, DeferReason.QUIET_HOURS);
    }

    @Test
    @DisplayName("a daily cap reached on a Friday moves the message to Saturday's rest-day window")
    void dailyCapIntoWeekend() {
        Defer d = deferred(ask("2026-11-27T12:00", MOSCOW).counts(2, 2, 2).decide());
        assertThat(d.localUntil()).contains(LocalDateTime.parse("2026-11-28T09:00"));
        assertThat(d.reason()).isEqualTo(DeferReason.DAILY_CAP);
    }

    @Test
    @DisplayName("a weekly cap reached on Thursday waits across the weekend and the 9 March day off: Monday 09:00")
    void weeklyCapAcrossWeekendAndHoliday() {
        Defer d = deferred(ask("2026-03-05T12:00", "Europe/Samara").counts(0, 4, 4).decide());
        assertThat(d.localUntil()).contains(LocalDateTime.parse("2026-03-09T09:00"));
        assertThat(d.reason()).isEqualTo(DeferReason.WEEKLY_CAP);
    }

    @Test
    @DisplayName("a weekly cap reached before the New Year holidays waits until the first day of the next week")
    void weeklyCapOverNewYear() {
        Defer d = deferred(ask("2026-12-30T11:00", "Asia/Omsk").counts(1, 4, 10).decide());
        // Monday 4 January 2027 is still a New Year holiday: the rest-day window.
        assertThat(d.localUntil()).contains(LocalDateTime.parse("2027-01-04T09:00"));
    }

    @Test
    @DisplayName("a monthly cap waits for the 1st, which in November 2026 is a Sunday: 09:00")
    void monthlyCap() {
        Ask a = ask("2026-10-20T12:00", "Asia/Yekaterinburg").counts(0, 1, 16);
        a.expiresAt = a.now.plus(Duration.ofDays(30));
        Defer d = deferred(a.decide());
        assertThat(d.localUntil()).contains(LocalDateTime.parse("2026-11-01T09:00"));
        assertThat(d.reason()).isEqualTo(DeferReason.MONTHLY_CAP);
        a.expiresAt = local("2026-10-31T23:00", "Asia/Yekaterinburg");
        assertThat(rejected(a.decide()).reason().wireName()).isEqualTo("monthly_cap");
    }

    @Test
    @DisplayName("a full week in Vladivostok frees up at Monday 08:00 local, which is still Sunday in UTC")
    void weekBoundaryInLocalTime() {
        Ask sundayNight = ask("2026-11-29T23:30", VLADIVOSTOK).counts(0, 4, 8);
        assertThat(sundayNight.now).isEqualTo(Instant.parse("2026-11-29T13:30:00Z"));
        Defer d = deferred(sundayNight.decide());
        assertThat(d.until()).isEqualTo(Instant.parse("2026-11-29T22:00:00Z"));
        assertThat(d.reason()).isEqualTo(DeferReason.QUIET_HOURS);
        assertThat(d.reasons()).containsExactlyInAnyOrder(DeferReason.QUIET_HOURS);

        // 23:30 UTC on Sunday is Monday 09:30 in Vladivostok: a new day and week, whose counters start at zero.
        Ask mondayMorning = new Ask(Clock.fixed(Instant.parse("2026-11-29T23:30:00Z"), ZoneOffset.UTC), zone(VLADIVOSTOK));
        PolicyDecision allow = mondayMorning.counts(0, 0, 8).decide();
        assertThat(allow).isInstanceOf(Allow.class);
        assertThat(((Allow) allow).reservations()).extracting(Reservation::key)
                .containsExactly("msg:d:2026-11-30", "msg:w:2026-W49", "msg:m:2026-11");
    }

    @Test
    @DisplayName("a message whose TTL ends before the next window is rejected with the reason, not dropped")
    void expiryBeforeWindow() {
        Ask a = ask("2026-11-27T22:30", MOSCOW);
        a.expiresAt = local("2026-11-28T08:00", MOSCOW);
        Reject r = rejected(a.decide());
        assertThat(r.reason()).isEqualTo(RejectReason.QUIET_HOURS);
        assertThat(r.reason().wireName()).isEqualTo("quiet_hours");
        assertThat(r.notBefore()).isEqualTo(local("2026-11-28T09:00", MOSCOW));
        assertThat(r.zone().zone()).isEqualTo(ZoneId.of(MOSCOW));
    }

    @Test
    @DisplayName("a TTL that ends tonight turns a daily-cap deferral into a daily_cap rejection")
    void expiryBeforeDailyCapFrees() {
        Ask a = ask("2026-11-24T15:00", MOSCOW).counts(2, 2, 2);
        a.expiresAt = local("2026-11-24T23:00", MOSCOW);
        assertThat(rejected(a.decide()).reason()).isEqualTo(RejectReason.DAILY_CAP);
    }

    @Test
    @DisplayName("a message whose TTL has passed is rejected as expired")
    void alreadyExpired() {
        Ask a = ask("2026-11-24T15:00", MOSCOW);
        a.expiresAt = a.now;
        assertThat(rejected(a.decide()).reason()).isEqualTo(RejectReason.EXPIRED);
    }

    @ParameterizedTest(name = "{0} blocks messages: {1}, calls: {2}")
    @CsvSource({
            "REFUSED_INTERACTION, true, true",
            "REPRESENTATIVE_ONLY, true, true",
            "BANKRUPTCY, false, true",
            "INCAPACITATED, false, true",
            "INPATIENT, false, true",
            "DISABILITY_GROUP_1, false, true",
            "MINOR, false, true",
            "DECEASED, true, true",
            "DISPUTE_PENDING, true, true"})
    void blockingStatuses(BlockingStatus status, boolean blocksMessages, boolean blocksCalls) {
        for (ChannelType channel : new ChannelType[] {ChannelType.SMPP, ChannelType.ARI}) {
            Ask a = ask("2026-11-24T10:00", MOSCOW);
            a.channel = channel;
            a.contact = ContactRestrictions.none().withStatuses(status);
            PolicyDecision d = a.decide();
            boolean expectBlocked = channel == ChannelType.ARI ? blocksCalls : blocksMessages;
            if (expectBlocked) {
                Reject r = rejected(d);
                assertThat(r.reason()).isEqualTo(RejectReason.BLOCKED_STATUS);
                assertThat(r.statuses()).containsExactly(status);
            } else {
                assertThat(d).as(status + " on " + channel).isInstanceOf(Allow.class);
            }
        }
    }

    @Test
    @DisplayName("an opt-out of one channel type rejects it and leaves the others; a global opt-out rejects all")
    void optOuts() {
        Ask sms = ask("2026-11-24T10:00", MOSCOW);
        sms.contact = ContactRestrictions.none().withOptOuts(OptOuts.of(ChannelType.SMPP));
        assertThat(rejected(sms.decide()).reason()).isEqualTo(RejectReason.OPTED_OUT);
        Ask email = ask("2026-11-24T10:00", MOSCOW);
        email.channel = ChannelType.EMAIL;
        email.contact = sms.contact;
        assertThat(email.decide()).isInstanceOf(Allow.class);
        email.contact = ContactRestrictions.none().withOptOuts(OptOuts.everything());
        assertThat(rejected(email.decide()).reason().wireName()).isEqualTo("opted_out");
    }

    @Test
    @DisplayName("a payment cancels messages accepted before it, not those accepted after")
    void paymentReceived() {
        Ask before = ask("2026-11-24T10:00", MOSCOW);
        before.contact = ContactRestrictions.none().withPaymentReceivedAt(before.now.minus(Duration.ofMinutes(5)));
        assertThat(rejected(before.decide()).reason().wireName()).isEqualTo("payment_received");
        Ask after = ask("2026-11-24T10:00", MOSCOW);
        after.contact = before.contact;
        after.acceptedAt = after.now.minus(Duration.ofMinutes(1));
        assertThat(after.decide()).isInstanceOf(Allow.class);
    }

    @Test
    @DisplayName("an allowed robot call reserves the answered-call caps (released if unanswered), an attempt and the spacing")
    void callReservations() {
        Ask a = ask("2026-11-24T10:00", MOSCOW);
        a.channel = ChannelType.ARI;
        Allow allow = (Allow) a.decide();
        assertThat(allow.contactClass()).isEqualTo(ContactClass.CALL);
        assertThat(allow.reservations()).containsExactly(
                new Reservation("call:d:2026-11-24", 1, Instant.parse("2026-11-24T21:00:00Z"), true),
                new Reservation("call:w:2026-W48", 2, Instant.parse("2026-11-29T21:00:00Z"), true),
                new Reservation("call:m:2026-11", 8, Instant.parse("2026-11-30T21:00:00Z"), true),
                new Reservation("call-attempt:d:2026-11-24", 3, Instant.parse("2026-11-24T21:00:00Z"), false));
        assertThat(allow.spacing()).isEqualTo(new SpacingGuard("call-last-attempt", Duration.ofHours(2)));
    }

    @Test
    @DisplayName("one answered call a day: the next call waits for tomorrow 08:00")
    void answeredCallCap() {
        Ask a = ask("2026-11-24T10:00", MOSCOW).counts(1, 1, 1);
        a.channel = ChannelType.ARI;
        Defer d = deferred(a.decide());
        assertThat(d.localUntil()).contains(LocalDateTime.parse("2026-11-25T08:00"));
        assertThat(d.reason()).isEqualTo(DeferReason.DAILY_CAP);
    }

    @Test
    @DisplayName("call attempts: two hours apart, at most three a day")
    void callAttempts() {
        Ask spaced = ask("2026-11-24T10:00", MOSCOW);
        spaced.channel = ChannelType.ARI;
        spaced.attempts = 1;
        spaced.lastAttempt = local("2026-11-24T09:00", MOSCOW);
        Defer d = deferred(spaced.decide());
        assertThat(d.localUntil()).contains(LocalDateTime.parse("2026-11-24T11:00"));
        assertThat(d.reason().wireName()).isEqualTo("call_attempts");

        Ask late = ask("2026-11-24T21:00", MOSCOW);
        late.channel = ChannelType.ARI;
        late.attempts = 2;
        late.lastAttempt = local("2026-11-24T20:30", MOSCOW);
        assertThat(deferred(late.decide()).localUntil()).as("22:30 is quiet hours: next morning")
                .contains(LocalDateTime.parse("2026-11-25T08:00"));

        Ask third = ask("2026-11-24T18:00", MOSCOW);
        third.channel = ChannelType.ARI;
        third.attempts = 3;
        third.lastAttempt = local("2026-11-24T14:00", MOSCOW);
        Defer next = deferred(third.decide());
        assertThat(next.localUntil()).contains(LocalDateTime.parse("2026-11-25T08:00"));
        assertThat(next.reason()).isEqualTo(DeferReason.CALL_ATTEMPTS);
    }

    @Test
    @DisplayName("a voice message counts as a message, unless the tenant counts voice messages as calls")
    void voiceMessages() {
        Ask a = ask("2026-11-24T10:00", MOSCOW).counts(1, 1, 1);
        a.channel = ChannelType.VOICE_HTTP;
        assertThat(((Allow) a.decide()).contactClass()).isEqualTo(ContactClass.MESSAGE);
        a.tenant = new TenantPolicy(Caps.LEGAL, TenantPolicy.LEGAL.windows(), null, true);
        assertThat(deferred(a.decide()).reason()).isEqualTo(DeferReason.DAILY_CAP);
    }

    @Test
    @DisplayName("R-CP-7: a reply in a debtor-opened session goes in quiet hours and over the day's cap, uncounted, "
            + "only where the tenant enabled it")
    void debtorInitiatedReplies() {
        Ask a = ask("2026-11-24T23:10", MOSCOW).counts(2, 2, 2);
        a.debtorSession = true;
        assertThat(deferred(a.decide()).reason()).isEqualTo(DeferReason.QUIET_HOURS);

        a.tenant = new TenantPolicy(Caps.LEGAL, TenantPolicy.LEGAL.windows(), null, false,
                TenantPolicy.DEFAULT_LEDGER_RETENTION, Duration.ofMinutes(30));
        Allow allowed = (Allow) a.decide();
        assertThat(allowed.reservations()).isEmpty();
        assertThat(allowed.spacing()).isNull();

        a.contact = new ContactRestrictions(Set.of(BlockingStatus.REFUSED_INTERACTION), OptOuts.none(), null);
        assertThat(rejected(a.decide()).reason()).isEqualTo(RejectReason.BLOCKED_STATUS);

        a.contact = ContactRestrictions.none();
        a.debtorSession = false;
        assertThat(deferred(a.decide()).reason()).isEqualTo(DeferReason.QUIET_HOURS);
    }

    @Test
    @DisplayName("a tenant's stricter cap and narrower hours are applied")
    void tenantStricter() {
        Ask a = ask("2026-11-24T08:30", MOSCOW).counts(1, 1, 1);
        a.tenant = new TenantPolicy(new Caps(new CapLimits(1, 4, 16), Caps.LEGAL.call(), Caps.LEGAL.callAttempts()),
                vestnik.gateway.policy.time.DayWindows.of("09:00-21:00", "10:00-19:00"), null, false);
        Defer d = deferred(a.decide());
        assertThat(d.localUntil()).contains(LocalDateTime.parse("2026-11-25T09:00"));
        assertThat(d.reason()).isEqualTo(DeferReason.DAILY_CAP);
    }

    @Test
    @DisplayName("a class capped at zero by the tenant is rejected once the TTL runs out, never sent")
    void zeroCap() {
        Ask a = ask("2026-11-24T10:00", MOSCOW);
        a.channel = ChannelType.ARI;
        a.tenant = new TenantPolicy(new Caps(Caps.LEGAL.message(), new CapLimits(0, 0, 0), Caps.LEGAL.callAttempts()),
                TenantPolicy.LEGAL.windows(), null, false);
        a.expiresAt = null;
        assertThat(rejected(a.decide()).reason()).isEqualTo(RejectReason.MONTHLY_CAP);
    }

    @Test
    @DisplayName("an unknown zone is allowed only in the hour common to all zones on a Saturday, and counted by date")
    void unknownZone() {
        ZoneResolution unknown = ZoneResolution.unknown(RegionZones.bundled().allZones(), Set.of(), "test");
        Ask inside = new Ask(Clock.fixed(Instant.parse("2026-11-28T07:30:00Z"), ZoneOffset.UTC), unknown);
        Allow allow = (Allow) inside.decide();
        assertThat(allow.localTime()).isEmpty();
        assertThat(allow.source()).isEqualTo(ZoneSource.UNKNOWN);
        assertThat(allow.reservations().get(0).key()).isEqualTo("msg:d:2026-11-28");

        Ask after = new Ask(Clock.fixed(Instant.parse("2026-11-28T08:00:00Z"), ZoneOffset.UTC), unknown);
        Defer d = deferred(after.decide());
        assertThat(d.until()).isEqualTo(Instant.parse("2026-11-29T07:00:00Z"));
        assertThat(d.localUntil()).isEmpty();
    }

    @Test
    @DisplayName("counters read for another day are refused: the decision would count the wrong window")
    void staleCounters() {
        Instant now = local("2026-11-24T10:00", MOSCOW);
        Usage yesterday = Usage.of(CapWindows.at(now.minus(Duration.ofDays(1)), ZoneId.of(MOSCOW)), 0, 0, 0);
        PolicyRequest req = new PolicyRequest(now, zone(MOSCOW), ContactRestrictions.none(), ChannelType.SMPP,
                yesterday, null, null);
        assertThatThrownBy(() -> policy.decide(req, TenantPolicy.LEGAL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("windowsFor");
    }

    @Test
    @DisplayName("over two weeks of New Year in three zones, every decision is a send now or a later instant inside the window")
    void neverDropped() {
        for (String z : new String[] {"Europe/Kaliningrad", "Asia/Yakutsk", "Asia/Kamchatka"}) {
            Instant t = local("2026-12-28T00:10", z);
            Instant end = local("2027-01-12T00:00", z);
            for (; t.isBefore(end); t = t.plus(Duration.ofMinutes(50))) {
                Ask a = new Ask(Clock.fixed(t, ZoneOffset.UTC), zone(z)).counts(2, 3, 3);
                PolicyDecision d = a.decide();
                assertThat(d).isInstanceOf(Defer.class);
                Defer defer = (Defer) d;
                assertThat(defer.until()).isAfter(t);
                assertThat(policy.quietHours().isAllowed(defer.until(), zone(z))).isTrue();
                assertThat(CapWindows.at(defer.until(), ZoneId.of(z)).day().key())
                        .isNotEqualTo(CapWindows.at(t, ZoneId.of(z)).day().key());
            }
        }
    }
}
