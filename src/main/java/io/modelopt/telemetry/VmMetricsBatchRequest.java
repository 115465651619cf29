package io.modelopt.telemetry;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;

/** The body of the VM push-batch: {@code {"vm_metrics": [...]}}. */
record VmMetricsBatchRequest(List<VmMetricsRequest> vmMetrics,
        @JsonAnySetter Map<String, Object> unknownFields) {
}
