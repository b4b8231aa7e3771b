package vestnik.gateway.templates;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Collectors;
import vestnik.gateway.api.ApiError;
import vestnik.gateway.api.ErrorCode;
import vestnik.templates.lint.Finding;
import vestnik.templates.model.VersioningException;
import vestnik.templates.render.Problem;
import vestnik.templates.render.RenderException;

/** The template library's refusals as API errors: one code for the answer, every problem itemised in details. */
public final class TemplateProblems {

    private TemplateProblems() {
    }

    /** A render that failed: the code of its first problem ({@code missing_variable} …), each problem in details. */
    public static ApiError of(RenderException e) {
        List<Problem> problems = e.problems();
        JsonArray details = new JsonArray();
        for (Problem p : problems) {
            JsonObject d = new JsonObject().put("code", p.code().jsonName()).put("message", p.message());
            if (p.variable() != null) {
                d.put("variable", p.variable());
            }
            details.add(d);
        }
        ErrorCode code = switch (problems.get(0).code()) {
            case MISSING_VARIABLE -> ErrorCode.MISSING_VARIABLE;
            case UNKNOWN_VARIABLE -> ErrorCode.UNKNOWN_VARIABLE;
            case INVALID_VALUE -> ErrorCode.INVALID_VARIABLE;
            case NO_VARIANT -> ErrorCode.NO_VARIANT_FOR_CHANNEL;
            default -> ErrorCode.TEMPLATE_RENDER_FAILED;
        };
        return new ApiError(code, problems.stream().map(Problem::message).collect(Collectors.joining("; ")), details);
    }

    /** Publish checks that block: 422 {@code lint_failed} with {@code [{code, channel, message}]}. */
    static ApiError lintFailed(String key, List<Finding> blocking) {
        return new ApiError(ErrorCode.LINT_FAILED, "template " + key + " fails " + blocking.size()
                + " publish check(s): " + blocking.stream().map(Finding::message).collect(Collectors.joining("; ")),
                findings(blocking));
    }

    static JsonArray findings(List<Finding> findings) {
        JsonArray out = new JsonArray();
        for (Finding f : findings) {
            JsonObject d = new JsonObject().put("code", f.code().jsonName()).put("message", f.message())
                    .put("blocking", f.blocking());
            if (f.channel() != null) {
                d.put("channel", f.channel());
            }
            out.add(d);
        }
        return out;
    }

    static ApiError of(VersioningException e) {
        ErrorCode code = switch (e.reason()) {
            case NO_DRAFT -> ErrorCode.NO_DRAFT;
            case UNCHANGED -> ErrorCode.UNCHANGED;
            case UNKNOWN_VERSION -> ErrorCode.UNKNOWN_VERSION;
            case NOT_PUBLISHED -> ErrorCode.UNKNOWN_TEMPLATE;
        };
        return new ApiError(code, e.getMessage());
    }

    static ApiError notFound(String key) {
        return new ApiError(ErrorCode.NOT_FOUND, "no template '" + key + "'");
    }
}
