package vestnik.gateway.config;

import java.time.Duration;

/**
 * How the dispatcher treats work: {@code reclaimAfter} is how long a job may sit unacknowledged with a
 * dead consumer before another takes it over (longer than any single send can take);
 * {@code maxAttempts} and the backoff bound transient retries; {@code defaultTtl} applies to jobs
 * that give none. {@code breakerOpenFor} is how long a failing provider gets no traffic before trial sends.
 * {@code contactPolicy} enforces the contact policy (quiet hours, caps, blocking statuses) before every send; it
 * is on unless a deployment that sends no debt-collection traffic (or a test of something else) turns it off.
 */
public record DispatchConfig(
        Duration reclaimAfter,
        int maxAttempts,
        Duration retryBase,
        Duration retryMax,
        Duration defaultTtl,
        Duration maxTtl,
        Duration schedulerInterval,
        Duration retention,
        Duration breakerOpenFor,
        boolean contactPolicy) {
}
