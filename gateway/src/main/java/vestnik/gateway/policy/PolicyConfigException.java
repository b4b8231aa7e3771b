package vestnik.gateway.policy;

import java.util.List;

/** A tenant policy that is invalid or would relax the law; names every offending setting. */
public class PolicyConfigException extends IllegalArgumentException {

    private final List<String> problems;

    public PolicyConfigException(List<String> problems) {
        super("contact policy: " + String.join("; ", problems)
                + (problems.stream().anyMatch(p -> p.contains("looser") || p.contains("wider") || p.contains("shorter"))
                ? " (a tenant's policy can only be stricter than the law)" : ""));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
