package io.modelopt.telemetry;

import java.time.Instant;

/** A host process sample (a row of {@code host_process_metrics}); unreported metrics are null. */
record ProcessSample(
        String processName,
        long processId,
        String username,
        String status,
        Double cpuUsagePercent,
        Double memoryUsageMb,
        Double gpuMemoryUsageMb,
        Double gpuUtilizationPercent,
        Instant timestamp) implements Sample {

    @Override
    public Series series() {
        return Series.PROCESS;
    }
}
