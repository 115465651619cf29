package io.modelopt.telemetry;

import java.time.Instant;

/** A stored VM sample as GET /api/vm-metrics answers it (snake_case, unlike the push). */
record VmMetricsRow(long id, Instant timestamp, String vmName, double cpuUsage,
        double averageMemoryUsage) {
}
