package io.modelopt.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * How a summary over a time window is computed so that it equals a scan of the raw rows: the
 * whole hours inside the window come from the hourly rollups, the partial hours at its edges
 * from the raw rows. A window that holds no whole hour is scanned raw. Immutable.
 *
 * @param rollupFrom first rollup hour used (null: no lower bound)
 * @param rollupTo first rollup hour not used (null: no upper bound)
 * @param useRollups false when the window holds no whole hour
 * @param rawRanges the half-open raw ranges {@code [from, to)} to scan, each bounded
 */
record SummaryPlan(Instant rollupFrom, Instant rollupTo, boolean useRollups,
        List<Instant[]> rawRanges) {

    static SummaryPlan of(TimeWindow window) {
        Instant start = window.start();
        Instant endExclusive = window.endExclusive();
        Instant from = start == null ? null : ceilHour(start);
        Instant to = endExclusive == null ? null : endExclusive.truncatedTo(ChronoUnit.HOURS);
        if (from != null && to != null && !from.isBefore(to)) {
            return new SummaryPlan(null, null, false,
                    List.<Instant[]>of(new Instant[] {start, endExclusive}));
        }
        List<Instant[]> raw = new ArrayList<>();
        if (start != null && start.isBefore(from)) {
            raw.add(new Instant[] {start, from});
        }
        if (endExclusive != null && to.isBefore(endExclusive)) {
            raw.add(new Instant[] {to, endExclusive});
        }
        return new SummaryPlan(from, to, true, raw);
    }

    /**
     * The SQL of the summary's parts, joined by UNION ALL: the rollup part (if any) and one raw
     * part per edge. Each part's filters are added by {@code filters} to a sibling of
     * {@code params}.
     */
    String parts(String rollupSelect, String rollupTail, String rawSelect, String rawTail,
            SqlFilter params, Consumer<SqlFilter> filters) {
        List<String> parts = new ArrayList<>();
        if (useRollups) {
            SqlFilter rollup = params.sibling().atLeast("hour", "rollup_from", rollupFrom)
                    .before("hour", "rollup_to", rollupTo);
            filters.accept(rollup);
            parts.add(rollupSelect + rollup.where() + rollupTail);
        }
        for (int i = 0; i < rawRanges.size(); i++) {
            SqlFilter raw = params.sibling()
                    .atLeast("timestamp", "raw_from_" + i, rawRanges.get(i)[0])
                    .before("timestamp", "raw_to_" + i, rawRanges.get(i)[1]);
            filters.accept(raw);
            parts.add(rawSelect + raw.where() + rawTail);
        }
        return String.join("\nUNION ALL\n", parts);
    }

    private static Instant ceilHour(Instant instant) {
        Instant floor = instant.truncatedTo(ChronoUnit.HOURS);
        return floor.equals(instant) ? floor : floor.plus(Duration.ofHours(1));
    }
}
