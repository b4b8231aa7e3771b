package vestnik.gateway.policy;

import java.util.List;

/** A tenant policy that is invalid or would relax the law; names every offending setting. */
public class PolicyConfigException extends IllegalArgumentException {

    private final List<String> problems;

    public PolicyConfigException(List<String> problems) {
        this(problems, "");
    }

    private PolicyConfigException(List<String> problems, String suffix) {
        super("contact policy: " + String.join("; ", problems) + suffix);
        this.problems = List.copyOf(problems);
    }

    /** Settings that are valid but looser than the law. */
    static PolicyConfigException relaxing(List<String> problems) {
        return new PolicyConfigException(problems, " (a tenant's policy can only be stricter than the law)");
    }

    public List<String> problems() {
        return problems;
    }
}
