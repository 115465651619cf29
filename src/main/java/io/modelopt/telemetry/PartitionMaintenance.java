package io.modelopt.telemetry;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Keeps the partitions of the three series in shape: at start-up, before the server takes
 * requests, and then every {@code maintenance-interval}, it creates the daily partitions up to
 * {@code partition-ahead} and drops those wholly older than {@code retention}. A failed run is
 * logged and tried again at the next interval. Thread-safe; runs on a thread of its own.
 */
@Component
class PartitionMaintenance implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PartitionMaintenance.class);

    private final Partitions partitions;
    private final TelemetryProperties settings;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            runnable -> {
                Thread thread = new Thread(runnable, "telemetry-partitions");
                thread.setDaemon(true);
                return thread;
            });

    PartitionMaintenance(Partitions partitions, TelemetryProperties settings) {
        this.partitions = partitions;
        this.settings = settings;
    }

    @Override
    public void afterPropertiesSet() {
        run(clock.instant());
        long intervalMs = settings.maintenanceInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::runScheduled, intervalMs, intervalMs,
                TimeUnit.MILLISECONDS);
    }

    /**
     * One maintenance run as if the time were {@code now}: partitions ahead of it created,
     * partitions older than its retention cutoff dropped.
     *
     * @return the partitions dropped
     */
    List<String> run(Instant now) {
        partitions.createAhead(now, settings.partitionAhead());
        List<String> dropped = partitions.dropBefore(now.minus(settings.retention()));
        if (!dropped.isEmpty()) {
            log.info("Telemetry retention applied [dropped={}, retentionDays={}]", dropped.size(),
                    settings.retention().toDays());
        }
        return dropped;
    }

    private void runScheduled() {
        try {
            partitions.reload();
            run(clock.instant());
        } catch (RuntimeException e) {
            log.warn("Telemetry partition maintenance failed [cause={}]; retrying in {}",
                    e.getMessage(), settings.maintenanceInterval());
        }
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
