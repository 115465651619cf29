package io.modelopt.recommendation;

import java.time.Duration;
import java.util.Optional;

/**
 * Recent utilisation of a catalog hardware configuration, to replace the single sample a
 * post-deployment request carries with a steadier figure. Read from the metrics database by
 * {@link TelemetryRecentMetrics}.
 */
public interface RecentMetrics {

    /** The window read: long enough to smooth bursts, short enough to follow a load change. */
    Duration WINDOW = Duration.ofMinutes(15);

    /**
     * 95th percentiles over the window, in percent; a field is null where no sample had it.
     *
     * @param samples how many samples the window held
     */
    record Summary(long samples, Double gpuUsageP95, Double cpuUsageP95, Double memoryUsageP95,
            Double powerWattsP95) {
    }

    /** The summary of the recent window for a hardware id, or empty when it has no samples. */
    Optional<Summary> recent(long hardwareId);
}
