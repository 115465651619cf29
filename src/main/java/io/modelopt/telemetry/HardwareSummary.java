package io.modelopt.telemetry;

import java.time.Instant;

/** The metrics-summary of api-spec.md; averages and maxima are null when no sample has one. */
record HardwareSummary(
        long totalRecords,
        Double avgCpuUsage,
        Double avgGpuUsage,
        Double avgMemoryUsage,
        Double maxCpuUsage,
        Double maxGpuUsage,
        Double maxMemoryUsage,
        Instant earliestTimestamp,
        Instant latestTimestamp) {
}
