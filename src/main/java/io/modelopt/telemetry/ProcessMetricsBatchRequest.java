package io.modelopt.telemetry;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;

/** The body of the host process push-batch: {@code {"host_process_metrics": [...]}}. */
record ProcessMetricsBatchRequest(List<ProcessMetricsRequest> hostProcessMetrics,
        @JsonAnySetter Map<String, Object> unknownFields) {
}
