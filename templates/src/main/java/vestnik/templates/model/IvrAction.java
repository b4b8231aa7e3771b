package vestnik.templates.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** What a DTMF key in a robocall menu does. */
public enum IvrAction {
    /** Connect to a live operator: since 2024-02-01 a debtor may ask a robot to be switched to a human. */
    OPERATOR,
    /** The debtor says the debt is paid: the scenario should stop and the claim be checked. */
    PAID,
    /** The debtor promises to pay. */
    PROMISE_TO_PAY,
    /** Play the prompts again. */
    REPEAT,
    /** The debtor refuses calls on this channel. */
    OPT_OUT,
    HANGUP;

    @JsonValue
    public String jsonName() {
        return name();
    }

    @JsonCreator
    public static IvrAction fromJsonName(String name) {
        String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(a -> a.name().equals(n)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown IVR action '" + name
                        + "'; known: " + Arrays.toString(values())));
    }
}
