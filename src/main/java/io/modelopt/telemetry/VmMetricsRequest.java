package io.modelopt.telemetry;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A VM sample as pushed. api-spec.md names its fields in PascalCase ({@code VMName},
 * {@code CPUUsage} in percent, {@code AverageMemoryUsage} in megabytes), unlike every answer.
 */
record VmMetricsRequest(
        String timestamp,
        @JsonProperty("VMName") String vmName,
        @JsonProperty("CPUUsage") Double cpuUsage,
        @JsonProperty("AverageMemoryUsage") Double averageMemoryUsage,
        @JsonAnySetter Map<String, Object> unknownFields) {
}
