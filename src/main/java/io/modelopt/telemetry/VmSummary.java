package io.modelopt.telemetry;

import java.util.List;

/** The VM metrics summary of api-spec.md; averages are null when there are no samples. */
record VmSummary(long totalRecords, List<String> vmNames, Double avgCpuUsage,
        Double avgMemoryUsage) {
}
