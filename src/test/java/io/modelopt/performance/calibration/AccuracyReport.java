package io.modelopt.performance.calibration;

import io.modelopt.performance.PerformanceModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Errors of the model on the calibration table: per row, by metric, by hardware, the share
 * within 2x and the hardware-ranking check, as text for the console and as docs/accuracy.md.
 */
final class AccuracyReport {

    /** Pairs whose measured values differ by less than this are ties, not ranking claims. */
    static final double TIE = 0.05;
    static final String HAND_WRITTEN = "<!-- Everything below this line is hand-written and"
            + " kept by the fit. -->";

    /** One row's comparison. */
    record Result(CalibrationCase c, double predicted, boolean overCapacity) {

        double ratio() {
            return predicted / c.measured();
        }

        double ape() {
            return Double.isNaN(predicted) ? Double.POSITIVE_INFINITY
                    : Math.abs(predicted - c.measured()) / c.measured();
        }

        boolean within2x() {
            return ratio() <= 2 && ratio() >= 0.5;
        }
    }

    /** Ranking check of two rows of one workload on different hardware. */
    record Pair(Result a, Result b, boolean tie, boolean right) {
    }

    private final List<Result> results;
    private final List<CalibrationCases.Exclusion> exclusions;
    private final List<Pair> pairs;

    private AccuracyReport(List<Result> results, List<CalibrationCases.Exclusion> exclusions) {
        this.results = results;
        this.exclusions = exclusions;
        this.pairs = pairs(results);
    }

    static AccuracyReport of(CalibrationCases.Loaded loaded, PerformanceModel model) {
        List<Result> results = new ArrayList<>();
        for (CalibrationCase c : loaded.cases()) {
            results.add(new Result(c, c.predict(model), c.overCapacity(model)));
        }
        return new AccuracyReport(results, loaded.exclusions());
    }

    List<Result> results() {
        return results;
    }

    private static List<Pair> pairs(List<Result> results) {
        Map<String, List<Result>> groups = new LinkedHashMap<>();
        for (Result r : results) {
            String key = r.c().modelKey() + "|" + r.c().workloadKey();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<Pair> pairs = new ArrayList<>();
        for (List<Result> group : groups.values()) {
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    Result a = group.get(i);
                    Result b = group.get(j);
                    if (a.c().accelerator().equals(b.c().accelerator())) {
                        continue;
                    }
                    double measuredGap = Math.abs(a.c().measured() - b.c().measured())
                            / Math.min(a.c().measured(), b.c().measured());
                    boolean tie = measuredGap < TIE;
                    boolean right = Math.signum(a.c().measured() - b.c().measured())
                            == Math.signum(a.predicted() - b.predicted());
                    pairs.add(new Pair(a, b, tie, right));
                }
            }
        }
        return pairs;
    }

    // ---- statistics ----

    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    private static double[] apes(List<Result> rs) {
        return rs.stream().mapToDouble(Result::ape).toArray();
    }

    double medianApe() {
        return percentile(apes(results), 0.5);
    }

    double p90Ape() {
        return percentile(apes(results), 0.9);
    }

    double shareWithin2x() {
        return results.stream().filter(Result::within2x).count() / (double) results.size();
    }

    long rankedPairs() {
        return pairs.stream().filter(p -> !p.tie()).count();
    }

    long rankedRight() {
        return pairs.stream().filter(p -> !p.tie() && p.right()).count();
    }

    private Map<String, List<Result>> by(Function<Result, String> key) {
        Map<String, List<Result>> groups = new TreeMap<>();
        for (Result r : results) {
            groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
        }
        return groups;
    }

    // ---- text ----

    String rowTable() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%-50s %12s %12s %7s %7s%n", "case_id", "measured", "predicted", "ratio", "APE"));
        for (Result r : results) {
            out.append(String.format(Locale.ROOT, "%-50s %12.4g %12.4g %7.2f %6.1f%%%n",
                    r.c().id(), r.c().measured(), r.predicted(), r.ratio(), 100 * r.ape()));
        }
        return out.toString();
    }

    String exclusionTable() {
        StringBuilder out = new StringBuilder("excluded rows:\n");
        for (CalibrationCases.Exclusion e : exclusions) {
            out.append("  ").append(e.id()).append(": ").append(e.reason()).append('\n');
        }
        return out.toString();
    }

    String summary() {
        return String.format(Locale.ROOT, "rows %d, excluded %d; median APE %.1f%%, p90 APE"
                + " %.1f%%, within 2x %.0f%%; ranking %d of %d pairs right (%d ties)",
                results.size(), exclusions.size(), 100 * medianApe(), 100 * p90Ape(),
                100 * shareWithin2x(), rankedRight(), rankedPairs(),
                pairs.stream().filter(Pair::tie).count());
    }

    String markdown(String command) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Accuracy of the performance model\n\n");
        md.append("Generated by the calibration fit; do not edit the numbers by hand.")
                .append(" Command:\n\n");
        md.append("```\n").append(command).append("\n```\n\n");
        md.append("It fits the factors in `src/main/resources/performance/calibration.properties`")
                .append(" to `src/test/resources/calibration/calibration-measurements.csv` and")
                .append(" evaluates every usable row.")
                .append(" APE = |predicted - measured| / measured.\n\n");
        md.append("## Headline\n\n");
        md.append(String.format(Locale.ROOT, "- rows evaluated: %d (%d excluded, listed below)%n",
                results.size(), exclusions.size()));
        md.append(String.format(Locale.ROOT, "- median APE: **%.1f%%**, p90 APE: **%.1f%%**%n",
                100 * medianApe(), 100 * p90Ape()));
        md.append(String.format(Locale.ROOT, "- within 2x of the measurement: **%d of %d**"
                + " (%.0f%%)%n", results.stream().filter(Result::within2x).count(),
                results.size(), 100 * shareWithin2x()));
        md.append(String.format(Locale.ROOT, "- hardware ranking: **%d of %d** pairs ordered"
                + " as measured; %d further pairs differ by under %.0f%% in the measurement and"
                + " are reported as ties%n%n", rankedRight(), rankedPairs(),
                pairs.stream().filter(Pair::tie).count(), 100 * TIE));
        appendGroups(md, "By metric", by(r -> r.c().metric()));
        appendGroups(md, "By hardware", by(r -> r.c().hardware().name()));
        appendPairs(md);
        appendRows(md);
        appendExclusions(md);
        md.append('\n').append(HAND_WRITTEN).append('\n');
        md.append(handWritten());
        return md.toString();
    }

    private void appendGroups(StringBuilder md, String title, Map<String, List<Result>> groups) {
        md.append("## ").append(title).append("\n\n| group | rows | median APE | p90 APE |"
                + " within 2x |\n| --- | ---: | ---: | ---: | ---: |\n");
        groups.forEach((name, rs) -> md.append(String.format(Locale.ROOT,
                "| %s | %d | %.1f%% | %.1f%% | %d |%n", name, rs.size(),
                100 * percentile(apes(rs), 0.5), 100 * percentile(apes(rs), 0.9),
                rs.stream().filter(Result::within2x).count())));
        md.append('\n');
    }

    private void appendPairs(StringBuilder md) {
        md.append("## Ranking pairs\n\nRows of the same model and workload (phase, metric,")
                .append(" batch, lengths, device count) on different hardware, each at the")
                .append(" precision it was published with.\n\n")
                .append("| workload | faster measured | slower measured | measured ratio |")
                .append(" predicted ratio | verdict |\n| --- | --- | --- | ---: | ---: | --- |\n");
        for (Pair p : pairs) {
            boolean higher = p.a().c().higherIsBetter();
            boolean aFaster = higher == (p.a().c().measured() > p.b().c().measured());
            Result fast = aFaster ? p.a() : p.b();
            Result slow = aFaster ? p.b() : p.a();
            double measured = higher ? fast.c().measured() / slow.c().measured()
                    : slow.c().measured() / fast.c().measured();
            double predicted = higher ? fast.predicted() / slow.predicted()
                    : slow.predicted() / fast.predicted();
            String verdict = p.tie() ? "tie" : p.right() ? "right" : "**wrong**";
            md.append(String.format(Locale.ROOT, "| %s %s | %s | %s | %.2f | %.2f | %s |%n",
                    fast.c().modelKey(), fast.c().workloadKey().replace('|', ' '),
                    side(fast), side(slow), measured, predicted,
                    verdict));
        }
        md.append('\n');
    }

    private static String side(Result r) {
        return r.c().hardware().name() + " " + r.c().workload().precision();
    }

    private void appendRows(StringBuilder md) {
        md.append("## Every row, worst first\n\n| case_id | how it was read | measured |")
                .append(" predicted | ratio | APE |\n| --- | --- | ---: | ---: | ---: | ---: |\n");
        results.stream().sorted(Comparator.comparingDouble(Result::ape).reversed())
                .forEach(r -> md.append(String.format(Locale.ROOT,
                        "| %s | %s | %.4g | %.4g | %.2f | %.1f%% |%n", r.c().id(),
                        r.c().interpretation() + (r.overCapacity() ? "; **the model's footprint"
                                + " exceeds the device**, timed as if it fit" : ""),
                        r.c().measured(), r.predicted(), r.ratio(),
                        100 * r.ape())));
        md.append('\n');
    }

    private void appendExclusions(StringBuilder md) {
        md.append("## Excluded rows\n\n| case_id | reason |\n| --- | --- |\n");
        for (CalibrationCases.Exclusion e : exclusions) {
            md.append("| ").append(e.id()).append(" | ").append(e.reason()).append(" |\n");
        }
    }

    private static String handWritten() throws IOException {
        if (!Files.exists(CalibrationFit.ACCURACY)) {
            return "";
        }
        String existing = Files.readString(CalibrationFit.ACCURACY, StandardCharsets.UTF_8);
        int at = existing.indexOf(HAND_WRITTEN);
        return at < 0 ? "" : existing.substring(at + HAND_WRITTEN.length() + 1);
    }
}
