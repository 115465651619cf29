package io.modelopt.telemetry;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;

/** The body of push-metrics-batch: {@code {"metrics_data": [...]}}. */
record HardwareMetricsBatchRequest(List<HardwareMetricsRequest> metricsData,
        @JsonAnySetter Map<String, Object> unknownFields) {
}
