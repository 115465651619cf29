package io.modelopt.telemetry;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import tools.jackson.databind.JsonNode;

/**
 * A hardware monitoring sample as pushed (api-spec.md, push-metrics). Numbers arrive as sent and
 * are checked by {@link SampleValidator}; fields the spec does not name land in
 * {@code unknownFields} so that a misspelt metric is refused instead of silently dropped.
 */
record HardwareMetricsRequest(
        Number hardwareId,
        Double cpuUsagePercent,
        Double gpuUsagePercent,
        Double memoryUsagePercent,
        Double temperatureCpu,
        Double temperatureGpu,
        Double powerConsumptionWatts,
        Double networkUsageMbps,
        Double diskUsagePercent,
        JsonNode additionalMetrics,
        String timestamp,
        @JsonAnySetter Map<String, Object> unknownFields) {
}
