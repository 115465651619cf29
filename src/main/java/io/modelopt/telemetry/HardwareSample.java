package io.modelopt.telemetry;

import java.time.Instant;

/**
 * A hardware monitoring sample (a row of {@code hardware_monitoring}). Metrics the agent did not
 * report are null; {@code additionalMetricsJson} is the agent's object serialized as JSON.
 */
record HardwareSample(
        long hardwareId,
        Double cpuUsagePercent,
        Double gpuUsagePercent,
        Double memoryUsagePercent,
        Double temperatureCpuCelsius,
        Double temperatureGpuCelsius,
        Double powerConsumptionWatts,
        Double networkUsageMbps,
        Double diskUsagePercent,
        String additionalMetricsJson,
        Instant timestamp) implements Sample {

    @Override
    public Series series() {
        return Series.HARDWARE;
    }
}
