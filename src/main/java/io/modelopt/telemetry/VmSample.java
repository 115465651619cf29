package io.modelopt.telemetry;

import java.time.Instant;

/** A VM sample (a row of {@code vm_metrics}): CPU in percent, memory in megabytes. */
record VmSample(String vmName, double cpuUsagePercent, double averageMemoryUsageMb,
        Instant timestamp) implements Sample {

    @Override
    public Series series() {
        return Series.VM;
    }
}
