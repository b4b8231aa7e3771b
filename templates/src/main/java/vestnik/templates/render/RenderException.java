package vestnik.templates.render;

import java.util.List;
import java.util.stream.Collectors;

/** A render that failed, with every problem found (not just the first), each naming its variable. */
public final class RenderException extends Exception {

    private final transient List<Problem> problems;

    public RenderException(List<Problem> problems) {
        super(problems.stream().map(Problem::message).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a render failure needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public RenderException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}
