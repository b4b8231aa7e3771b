package vestnik.gateway.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The caps per contact class, and the call-attempt cap. */
public record Caps(CapLimits message, CapLimits call, CallAttempts callAttempts) {

    /**
     * 230-FZ art. 7 (regulation.md §0, §1.2, R-CP-2): messages 2/4/16, calls 1/2/8 (answered); call attempts 3 a
     * day, 2 hours apart (R-CP-3, the product default, which tenants may only tighten as well).
     */
    public static final Caps LEGAL = new Caps(new CapLimits(2, 4, 16), new CapLimits(1, 2, 8),
            new CallAttempts(3, Duration.ofHours(2)));

    public Caps {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(callAttempts, "callAttempts");
    }

    public CapLimits limits(ContactClass c) {
        return switch (c) {
            case MESSAGE -> message;
            case CALL -> call;
        };
    }

    /** Every way these caps are looser than {@code limit}; empty when they are as strict or stricter. */
    public List<String> loosenings(Caps limit) {
        List<String> out = new ArrayList<>();
        out.addAll(message.loosenings(limit.message, "caps.message"));
        out.addAll(call.loosenings(limit.call, "caps.call"));
        out.addAll(callAttempts.loosenings(limit.callAttempts, "caps.callAttempts"));
        return out;
    }
}
