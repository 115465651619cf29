package io.modelopt.telemetry;

import java.util.List;

/** The host process metrics summary of api-spec.md; an average is null when no sample has it. */
record ProcessSummary(
        long totalRecords,
        List<String> processNames,
        List<String> usernames,
        Double avgCpuUsagePercent,
        Double avgMemoryUsageMb,
        Double avgGpuMemoryUsageMb,
        Double avgGpuUtilizationPercent) {
}
