package vestnik.loadtest.driver;

import java.util.HashMap;
import java.util.Map;

/** Reads values out of a Prometheus text exposition (the gateway's {@code /metrics}). */
final class PrometheusText {

    private PrometheusText() {
    }

    /**
     * The sum of every sample of metric {@code name} whose labels include all of {@code labels}, e.g. the heap in
     * use is the sum of {@code jvm_memory_used_bytes{area="heap"}} over its pools; NaN when there is none.
     */
    static double sum(String exposition, String name, Map<String, String> labels) {
        double total = 0;
        boolean found = false;
        for (String line : exposition.split("\n")) {
            if (line.isEmpty() || line.charAt(0) == '#' || !line.startsWith(name)) {
                continue;
            }
            int after = name.length();
            if (line.length() <= after || (line.charAt(after) != '{' && line.charAt(after) != ' ')) {
                continue;
            }
            Map<String, String> present = new HashMap<>();
            int valueStart = after;
            if (line.charAt(after) == '{') {
                int close = line.indexOf('}', after);
                if (close < 0) {
                    continue;
                }
                parseLabels(line.substring(after + 1, close), present);
                valueStart = close + 1;
            }
            if (!present.entrySet().containsAll(labels.entrySet())) {
                continue;
            }
            String[] rest = line.substring(valueStart).trim().split("\\s+");
            try {
                total += Double.parseDouble(rest[0]);
                found = true;
            } catch (NumberFormatException e) {
                // a sample we cannot read is left out rather than failing the run
            }
        }
        return found ? total : Double.NaN;
    }

    private static void parseLabels(String body, Map<String, String> into) {
        int i = 0;
        while (i < body.length()) {
            int eq = body.indexOf('=', i);
            if (eq < 0 || eq + 1 >= body.length() || body.charAt(eq + 1) != '"') {
                return;
            }
            String key = body.substring(i, eq).trim();
            StringBuilder value = new StringBuilder();
            int j = eq + 2;
            while (j < body.length() && body.charAt(j) != '"') {
                if (body.charAt(j) == '\\' && j + 1 < body.length()) {
                    j++;
                }
                value.append(body.charAt(j++));
            }
            into.put(key, value.toString());
            i = j + 1;
            if (i < body.length() && body.charAt(i) == ',') {
                i++;
            }
        }
    }
}
