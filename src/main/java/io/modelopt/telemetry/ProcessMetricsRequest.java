package io.modelopt.telemetry;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;

/** A host process sample as pushed (api-spec.md, host process metrics). */
record ProcessMetricsRequest(
        String timestamp,
        String processName,
        Number processId,
        String username,
        String status,
        Double cpuUsagePercent,
        Double memoryUsageMb,
        Double gpuMemoryUsageMb,
        Double gpuUtilizationPercent,
        @JsonAnySetter Map<String, Object> unknownFields) {
}
