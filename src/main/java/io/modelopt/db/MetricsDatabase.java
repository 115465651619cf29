package io.modelopt.db;

import javax.sql.DataSource;

/** The metrics database (telemetry time series; originally {@code Metrics_db}). */
public final class MetricsDatabase extends Database {

    MetricsDatabase(DataSource dataSource) {
        super("metrics", dataSource);
    }
}
