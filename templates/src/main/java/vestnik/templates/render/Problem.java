package vestnik.templates.render;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One reason a render failed.
 *
 * @param variable the variable concerned, or null when the problem is not about one (a syntax error)
 * @param message  a sentence for the person who sent the job or wrote the template; says which channel when
 *                 the problem is in one channel's text
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(ProblemCode code, String variable, String message) {
}
