package concurrencylab.run;

import concurrencylab.experiment.ExperimentResult;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs as CSV (RFC 4180) for a spreadsheet: one row per run with its headline numbers, one column per claim the
 * rows tested (its outcome), and the parameters as JSON. The run JSON stays the full record.
 */
final class RunCsv {

    private RunCsv() {
    }

    static String of(List<RunView> runs, JsonMapper json) {
        TreeSet<String> claims = new TreeSet<>((a, b) -> Integer.compare(number(a), number(b)));
        runs.stream().map(RunView::result).filter(Objects::nonNull)
                .forEach(r -> r.verdicts().forEach(v -> claims.add(v.claim())));
        StringBuilder csv = new StringBuilder("id,experiment,status,submittedAt,startedAt,finishedAt,wallSeconds,"
                + "speedup,coresBusy,otherProcessesCores");
        claims.forEach(claim -> csv.append(',').append(claim));
        csv.append(",params,error\r\n");
        for (RunView run : runs) {
            ExperimentResult r = run.result();
            csv.append(field(run.id())).append(',').append(field(run.experiment())).append(',')
                    .append(run.status()).append(',').append(field(run.submittedAt())).append(',')
                    .append(field(run.startedAt())).append(',').append(field(run.finishedAt())).append(',')
                    .append(r == null ? "" : r.wallSeconds()).append(',')
                    .append(r == null ? "" : field(r.speedup())).append(',')
                    .append(r == null ? "" : r.cpuUtilisation()).append(',')
                    .append(r == null ? "" : field(r.otherProcessesCores()));
            for (String claim : claims) {
                csv.append(',').append(r == null ? "" : r.verdicts().stream().filter(v -> v.claim().equals(claim))
                        .map(v -> v.outcome().tag()).findFirst().orElse(""));
            }
            csv.append(',').append(field(json.writeValueAsString(run.params()))).append(',')
                    .append(field(run.error())).append("\r\n");
        }
        return csv.toString();
    }

    private static int number(String claim) {
        try {
            return Integer.parseInt(claim.substring(1));
        } catch (RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** A value, quoted when it holds a comma, a quote or a line break; empty for null. */
    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
