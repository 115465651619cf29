package io.modelopt.telemetry;

import java.time.Instant;

/** A stored host process sample as GET /api/host-process-metrics answers it. */
record ProcessMetricsRow(
        long id,
        Instant timestamp,
        String processName,
        long processId,
        String username,
        String status,
        Double cpuUsagePercent,
        Double memoryUsageMb,
        Double gpuMemoryUsageMb,
        Double gpuUtilizationPercent) {
}
