package vestnik.templates.lint;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/** Everything the publish checks found; publishable when nothing blocks. */
public record LintReport(List<Finding> findings) {

    public LintReport {
        findings = List.copyOf(findings);
    }

    @JsonIgnore
    public List<Finding> blocking() {
        return findings.stream().filter(Finding::blocking).toList();
    }

    @JsonIgnore
    public boolean publishable() {
        return findings.stream().noneMatch(Finding::blocking);
    }
}
