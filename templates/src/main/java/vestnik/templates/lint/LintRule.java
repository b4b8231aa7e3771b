package vestnik.templates.lint;

import java.util.List;

/** One publish check. */
interface LintRule {

    List<Finding> check(LintSubject subject);
}
