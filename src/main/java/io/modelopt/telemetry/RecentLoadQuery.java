package io.modelopt.telemetry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.modelopt.db.MetricsDatabase;
import org.springframework.stereotype.Service;

/**
 * The telemetry that the post-deployment recommendation reads: the recent load of one piece of
 * hardware, as 95th percentiles over the samples of a window ending now. Computed in the
 * database from the raw rows (the index on hardware id and time keeps it to the window).
 * Thread-safe.
 */
@Service
public class RecentLoadQuery {

    /** The window {@link #recentLoad(long)} uses. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);

    private final MetricsDatabase database;
    private final Clock clock;

    RecentLoadQuery(MetricsDatabase database) {
        this.database = database;
        this.clock = Clock.systemUTC();
    }

    /** The load of the last {@link #DEFAULT_WINDOW}; empty when it has no sample. */
    public Optional<RecentLoad> recentLoad(long hardwareId) {
        return recentLoad(hardwareId, DEFAULT_WINDOW);
    }

    /**
     * The load over the samples whose timestamp lies within {@code window} before now (samples
     * stamped slightly ahead of the server's clock count too).
     *
     * @return empty when the hardware has no sample in the window
     */
    public Optional<RecentLoad> recentLoad(long hardwareId, Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, not " + window);
        }
        Instant from = clock.instant().minus(window);
        return database.jdbc().sql("""
                SELECT count(*) AS n, min(timestamp) AS earliest, max(timestamp) AS latest,
                  percentile_cont(0.95) WITHIN GROUP (ORDER BY cpu_usage_percent) AS cpu,
                  percentile_cont(0.95) WITHIN GROUP (ORDER BY gpu_usage_percent) AS gpu,
                  percentile_cont(0.95) WITHIN GROUP (ORDER BY memory_usage_percent) AS memory,
                  percentile_cont(0.95) WITHIN GROUP (ORDER BY temperature_cpu) AS temp_cpu,
                  percentile_cont(0.95) WITHIN GROUP (ORDER BY temperature_gpu) AS temp_gpu,
                  percentile_cont(0.95) WITHIN GROUP (ORDER BY power_consumption_watts) AS power
                FROM hardware_monitoring
                WHERE hardware_id = :hardware_id AND timestamp >= :from
                """)
                .param("hardware_id", hardwareId)
                .param("from", Timestamps.sql(from))
                .query((rs, n) -> rs.getLong("n") == 0 ? Optional.<RecentLoad>empty()
                        : Optional.of(new RecentLoad(hardwareId,
                        window, rs.getLong("n"), Rows.instant(rs, "earliest"),
                        Rows.instant(rs, "latest"), Rows.nullableDouble(rs, "cpu"),
                        Rows.nullableDouble(rs, "gpu"), Rows.nullableDouble(rs, "memory"),
                        Rows.nullableDouble(rs, "temp_cpu"), Rows.nullableDouble(rs, "temp_gpu"),
                        Rows.nullableDouble(rs, "power"))))
                .single();
    }
}
