/**
 * The contact-policy engine's pure core (issue #8; regulation.md §0, §1.2–1.4, §5, §6.1): plain Java, no I/O, no
 * clock of its own — every decision takes its instant from the caller, who reads it once from its
 * {@link java.time.Clock} so that the counters it read and the decision agree on the day.
 *
 * <p>Pieces:
 * <ul>
 *   <li>{@link vestnik.gateway.policy.zone} — federal subjects → IANA zones, and the {@code ZoneResolver} that
 *       decides a debtor's zone and records which source did;</li>
 *   <li>{@link vestnik.gateway.policy.numbering} — the numbering-plan range index for the phone fallback;</li>
 *   <li>{@link vestnik.gateway.policy.time} — the production calendar, the quiet hours (including the window
 *       legal in every zone at once) and the day/week/month counting windows;</li>
 *   <li>this package — contact classes, caps, blocking statuses, opt-outs, the tenant's stricter-only policy,
 *       and {@link vestnik.gateway.policy.ContactPolicy#decide}, which returns a
 *       {@link vestnik.gateway.policy.PolicyDecision}.</li>
 * </ul>
 *
 * <p>Wiring at dispatch time (R-CP-1):
 * <ol>
 *   <li>{@code ZoneResolver.resolve(facts, tenant.defaultZone())} → {@code ZoneResolution} (store its source);</li>
 *   <li>{@code tenant.classify(channelType)} → the class; {@code policy.windowsFor(now, zone)} and
 *       {@code CounterKeys.of(class, windows)} → the keys to read, prefixed per creditor and debtor;</li>
 *   <li>{@code policy.decide(new PolicyRequest(...), tenant)};</li>
 *   <li>on {@code Allow}: in one script, check every {@code Reservation} is below its limit (and, for calls, the
 *       {@code SpacingGuard}), then increment them all and set their expiry to {@code windowEnd} plus a grace —
 *       or none, and decide again with fresh counters (so two instances can never both send the third message
 *       of a day); for calls, give back the reservations marked {@code releaseIfUnanswered} when the call was
 *       not answered;</li>
 *   <li>on {@code Defer}: schedule the message at {@code until} with the reason; it is decided again then;</li>
 *   <li>on {@code Reject}: mark it rejected with the reason (never dropped).</li>
 * </ol>
 *
 * <p>Choices made here, with their grounds:
 * <ul>
 *   <li>The job's {@code to.timezone}/{@code to.region} are asked before the numbering plan: they are the
 *       creditor's knowledge of the residence, the legal anchor; the number's region is a guess (§5.2).</li>
 *   <li>A region that does not place the debtor (Sakha without a district) narrows the candidate zones: later
 *       sources must agree with it, and an unknown result gets the window common to those zones only.</li>
 *   <li>"Сутки" is the local calendar day (§1.2 notes); rolling-window modes (R-CP-4, optional) are not offered.</li>
 *   <li>R-CP-7, replies in a conversation the debtor opened, is off unless the tenant sets {@code debtorInitiatedReplies}.</li>
 *   <li>The reported reason of a deferral is the strongest rule that moved it: month, week, day, call attempts,
 *       quiet hours.</li>
 * </ul>
 */
package vestnik.gateway.policy;
