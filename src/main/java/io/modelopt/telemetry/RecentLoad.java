package io.modelopt.telemetry;

import java.time.Duration;
import java.time.Instant;

/**
 * How hard a piece of hardware worked recently: the 95th percentile (continuous, as
 * PostgreSQL's {@code percentile_cont(0.95)}) of each metric over the samples of a window. A
 * percentile is null when no sample in the window reports that metric.
 *
 * @param hardwareId the catalog id of the hardware
 * @param window the length of the window, ending now
 * @param sampleCount samples in the window (at least 1)
 * @param earliest the oldest sample's timestamp
 * @param latest the newest sample's timestamp
 * @param p95CpuUsagePercent 95th percentile of CPU usage, percent
 * @param p95GpuUsagePercent 95th percentile of GPU usage, percent
 * @param p95MemoryUsagePercent 95th percentile of memory usage, percent
 * @param p95TemperatureCpuCelsius 95th percentile of the CPU temperature, degrees Celsius
 * @param p95TemperatureGpuCelsius 95th percentile of the GPU temperature, degrees Celsius
 * @param p95PowerConsumptionWatts 95th percentile of the power draw, watts
 */
public record RecentLoad(
        long hardwareId,
        Duration window,
        long sampleCount,
        Instant earliest,
        Instant latest,
        Double p95CpuUsagePercent,
        Double p95GpuUsagePercent,
        Double p95MemoryUsagePercent,
        Double p95TemperatureCpuCelsius,
        Double p95TemperatureGpuCelsius,
        Double p95PowerConsumptionWatts) {
}
