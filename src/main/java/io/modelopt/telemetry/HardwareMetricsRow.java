package io.modelopt.telemetry;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonRawValue;

/** A stored hardware monitoring sample as GET /api/monitoring/metrics answers it. */
record HardwareMetricsRow(
        long id,
        long hardwareId,
        Double cpuUsagePercent,
        Double gpuUsagePercent,
        Double memoryUsagePercent,
        Double temperatureCpu,
        Double temperatureGpu,
        Double powerConsumptionWatts,
        Double networkUsageMbps,
        Double diskUsagePercent,
        @JsonRawValue String additionalMetrics,
        Instant timestamp) {
}
