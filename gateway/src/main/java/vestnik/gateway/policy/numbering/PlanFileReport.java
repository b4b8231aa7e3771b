package vestnik.gateway.policy.numbering;

import java.nio.charset.Charset;
import java.util.List;

/**
 * What reading one range file found, for the admin upload's answer and the log.
 *
 * @param source    the file's name as given by the caller
 * @param layout    its column layout
 * @param charset   the encoding it was read in (UTF-8, with or without BOM, or windows-1251)
 * @param ranges    rows read into ranges
 * @param skipped   data rows that could not be read (bad numbers, too few columns)
 * @param problems  the first few skipped rows, by line number and reason
 */
public record PlanFileReport(String source, PlanLayout layout, Charset charset, int ranges, int skipped,
                             List<String> problems) {

    public PlanFileReport {
        problems = List.copyOf(problems);
    }
}
