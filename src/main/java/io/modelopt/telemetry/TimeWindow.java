package io.modelopt.telemetry;

import java.time.Instant;

import io.modelopt.web.ApiException;

/**
 * The {@code start_time} / {@code end_time} of a query: both optional, both inclusive. A sample
 * at exactly {@code end_time} is included (api-spec.md's example ends a day at 23:59:59).
 *
 * @param start earliest timestamp included, or null for no lower bound
 * @param end latest timestamp included, or null for no upper bound
 */
record TimeWindow(Instant start, Instant end) {

    /** Reads the query parameters; a 400 names the parameter that is wrong. */
    static TimeWindow parse(String startTime, String endTime) {
        Instant start = parseParameter("start_time", startTime);
        Instant end = parseParameter("end_time", endTime);
        if (start != null && end != null && start.isAfter(end)) {
            throw ApiException.badRequest("start_time", "lies after end_time (" + start + " > "
                    + end + ")");
        }
        return new TimeWindow(start, end);
    }

    /** The first instant after the window (timestamps are stored to the microsecond). */
    Instant endExclusive() {
        return end == null ? null : end.plusNanos(1_000);
    }

    private static Instant parseParameter(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Instant instant = Timestamps.parseOrNull(text);
        if (instant == null) {
            throw ApiException.badRequest(name, "'" + text + "' is not " + Timestamps.FORMAT_HINT);
        }
        return instant;
    }
}
