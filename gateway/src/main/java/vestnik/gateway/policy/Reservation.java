package vestnik.gateway.policy;

import java.time.Instant;

/**
 * One counter an allowed send must take a slot in, atomically with the others of the same decision: the store
 * increments every counter of the decision only if each is below its limit (and the spacing guard holds), and
 * otherwise increments none and decides again with fresh values — so two dispatchers can never both send the
 * third message of a day.
 *
 * @param key                 the key suffix ({@link CounterKeys})
 * @param limit               the value the counter must be below
 * @param windowEnd           when the period ends: the key can expire then (plus the store's grace)
 * @param releaseIfUnanswered for CALL caps, which count answered calls: the slot is taken when dialling and
 *                            given back if the call is not answered, so two answered calls can never race past
 *                            the cap; false for messages and for call attempts, which count when made
 */
public record Reservation(String key, int limit, Instant windowEnd, boolean releaseIfUnanswered) {
}
