package vestnik.channels.ari;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vestnik.channels.spi.CallResult;

/**
 * The numbers a channel calls from, in rotation, with each number's health. Operators' anti-spam systems
 * flag numbers that make many calls nobody answers (one agency found 28% of its numbers flagged), and a
 * flagged number is answered even less; so each number's answer rate is watched over its last
 * {@code window} calls and a number under {@code floor} (once it has {@code minSample} calls) leaves the
 * rotation, with a warning, until {@link #reinstate} gives it a fresh start.
 *
 * <p>The answer rate is answered calls (a person or a machine: the phone picked up) over calls that reached
 * the callee's side (answered, no answer, busy, rejected). {@link CallResult#FAILED} calls are left out:
 * an invalid number or a trunk failure says nothing about how the caller id is seen.
 *
 * <p>If every number is unhealthy the pool keeps calling from the best of them and warns: stopping silently
 * would look like an empty campaign, which is worse than calling from a tired number. Health lives in memory
 * of this gateway instance (each instance judges the calls it made) and starts afresh on restart.
 */
final class CallerIdPool {

    private static final Logger log = LoggerFactory.getLogger(CallerIdPool.class);

    /** One number's standing, for the gateway to list; {@code masked} is safe for logs and metric tags. */
    record CallerIdHealth(String callerId, String masked, int calls, int answered, double answerRate, boolean healthy) {
    }

    /** The number chosen for one call; {@code fallback} when it was chosen although unhealthy. */
    record Pick(String callerId, boolean fallback) {
    }

    private final String channelId;
    private final List<String> numbers;
    private final int window;
    private final double floor;
    private final int minSample;
    private final Map<String, Deque<Boolean>> history = new LinkedHashMap<>();
    private final Map<String, Boolean> healthy = new LinkedHashMap<>();
    private int next;
    private boolean exhaustedWarned;

    CallerIdPool(String channelId, List<String> numbers, int window, double floor, int minSample) {
        if (numbers.isEmpty()) {
            throw new IllegalArgumentException("a caller-id pool needs at least one number");
        }
        this.channelId = channelId;
        this.numbers = List.copyOf(numbers);
        this.window = window;
        this.floor = floor;
        this.minSample = minSample;
        for (String n : this.numbers) {
            history.put(n, new ArrayDeque<>());
            healthy.put(n, true);
        }
    }

    /** {@code 74951234567} becomes {@code ***4567}: enough to tell the pool's numbers apart in a log. */
    static String mask(String number) {
        if (number == null) {
            return "null";
        }
        return number.length() <= 4 ? "***" : "***" + number.substring(number.length() - 4);
    }

    boolean contains(String number) {
        return history.containsKey(number);
    }

    List<String> numbers() {
        return numbers;
    }

    /**
     * The next number in rotation, skipping unhealthy ones; {@code preferred} (a message's own sender) is
     * used as is when it belongs to the pool.
     */
    synchronized Pick pick(String preferred) {
        if (preferred != null && history.containsKey(preferred)) {
            return new Pick(preferred, !healthy.get(preferred));
        }
        for (int i = 0; i < numbers.size(); i++) {
            String candidate = numbers.get((next + i) % numbers.size());
            if (healthy.get(candidate)) {
                next = (next + i + 1) % numbers.size();
                exhaustedWarned = false;
                return new Pick(candidate, false);
            }
        }
        String best = numbers.get(0);
        for (String n : numbers) {
            if (rate(n) > rate(best)) {
                best = n;
            }
        }
        if (!exhaustedWarned) {
            exhaustedWarned = true;
            log.warn("channel {}: every caller id is under the answer-rate floor {}; calling from the best one, {} "
                    + "(answer rate {}), until numbers are replaced or reinstated", channelId, floor, mask(best),
                    String.format("%.2f", rate(best)));
        }
        return new Pick(best, true);
    }

    /** Counts one finished call against the number it was shown from. */
    synchronized void record(String callerId, CallResult result) {
        Deque<Boolean> calls = history.get(callerId);
        if (calls == null || result == CallResult.FAILED) {
            return;
        }
        calls.addLast(result == CallResult.ANSWERED_HUMAN || result == CallResult.ANSWERING_MACHINE);
        while (calls.size() > window) {
            calls.removeFirst();
        }
        boolean now = judge(calls);
        boolean before = healthy.put(callerId, now);
        if (before && !now) {
            log.warn("channel {}: caller id {} taken out of rotation: answer rate {} over its last {} calls is under "
                    + "the floor {} (operators may flag it as spam)", channelId, mask(callerId),
                    String.format("%.2f", rate(callerId)), calls.size(), floor);
        } else if (!before && now) {
            log.info("channel {}: caller id {} is back in rotation (answer rate {})", channelId, mask(callerId),
                    String.format("%.2f", rate(callerId)));
        }
    }

    /** Gives a number a fresh start (it was replaced or cleared with the operator). */
    synchronized boolean reinstate(String callerId) {
        Deque<Boolean> calls = history.get(callerId);
        if (calls == null) {
            return false;
        }
        calls.clear();
        healthy.put(callerId, true);
        log.info("channel {}: caller id {} reinstated", channelId, mask(callerId));
        return true;
    }

    synchronized boolean isHealthy(String callerId) {
        return Boolean.TRUE.equals(healthy.get(callerId));
    }

    synchronized double rate(String callerId) {
        Deque<Boolean> calls = history.get(callerId);
        if (calls == null || calls.isEmpty()) {
            return 1.0;
        }
        long answered = calls.stream().filter(Boolean::booleanValue).count();
        return (double) answered / calls.size();
    }

    synchronized List<CallerIdHealth> health() {
        List<CallerIdHealth> out = new ArrayList<>();
        for (String n : numbers) {
            Deque<Boolean> calls = history.get(n);
            int answered = (int) calls.stream().filter(Boolean::booleanValue).count();
            out.add(new CallerIdHealth(n, mask(n), calls.size(), answered, rate(n), healthy.get(n)));
        }
        return out;
    }

    private boolean judge(Deque<Boolean> calls) {
        if (calls.size() < minSample) {
            return true;
        }
        long answered = calls.stream().filter(Boolean::booleanValue).count();
        return (double) answered / calls.size() >= floor;
    }
}
