package io.modelopt.telemetry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.modelopt.db.MetricsDatabase;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes one batch of samples, of any mix of series, in one transaction: raw rows by COPY, then
 * the hourly rollups, then a commit with {@code synchronous_commit = on}, so a batch is stored
 * whole and durably or not at all. Partitions a batch needs are created before the transaction
 * begins. Thread-safe: each call takes its own connection from the pool.
 */
final class BatchWriter {

    /** A write that did not commit, telling whether its outcome is known. */
    static final class WriteFailure extends Exception {

        private final boolean rolledBack;
        private final boolean connectionLost;

        WriteFailure(String message, Throwable cause, boolean rolledBack,
                boolean connectionLost) {
            super(message, cause);
            this.rolledBack = rolledBack;
            this.connectionLost = connectionLost;
        }

        /**
         * True when nothing of the batch is stored for certain; false when the commit's fate is
         * unknown.
         */
        boolean rolledBack() {
            return rolledBack;
        }

        /** True when the database could not be reached or the connection broke. */
        boolean connectionLost() {
            return connectionLost;
        }
    }

    private static final Duration NETWORK_TIMEOUT = Duration.ofSeconds(60);

    private final MetricsDatabase database;
    private final Partitions partitions;
    private final IdBlocks ids = new IdBlocks();

    BatchWriter(MetricsDatabase database, Partitions partitions) {
        this.database = database;
        this.partitions = partitions;
    }

    /**
     * Stores the samples of every part in one transaction.
     *
     * @return the ids given to each part's samples, in the order of parts and samples
     */
    List<long[]> write(List<List<? extends Sample>> parts) throws WriteFailure {
        Connection connection;
        try {
            connection = database.dataSource().getConnection();
        } catch (SQLException e) {
            throw new WriteFailure("no connection to the metrics database: " + e.getMessage(), e,
                    true, true);
        }
        boolean committing = false;
        try (connection) {
            connection.setNetworkTimeout(Runnable::run, (int) NETWORK_TIMEOUT.toMillis());
            Map<Series, SeriesRows> rows = group(parts);
            List<long[]> assigned = assignIds(connection, parts, rows);
            for (SeriesRows seriesRows : rows.values()) {
                partitions.ensure(connection, seriesRows.series, seriesRows.days);
            }
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL synchronous_commit = on");
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (SeriesRows seriesRows : rows.values()) {
                copy.copyIn(SeriesCopy.copySql(seriesRows.series),
                        new ByteArrayInputStream(seriesRows.copyText.bytes()));
            }
            for (SeriesRows seriesRows : rows.values()) {
                SeriesCopy.addRollups(connection, seriesRows.series, seriesRows.samples);
            }
            committing = true;
            connection.commit();
            return assigned;
        } catch (RuntimeException e) {
            throw new WriteFailure("unexpected failure while writing: " + e, e, !committing,
                    false);
        } catch (SQLException | IOException e) {
            if (e instanceof SQLException sql && "23514".equals(sql.getSQLState())) {
                // "no partition of relation found for row": another instance dropped a day we
                // knew; check the database again next time.
                for (SeriesRows seriesRows : group(parts).values()) {
                    partitions.forget(seriesRows.series, seriesRows.days);
                }
            }
            boolean lost = isConnectionFailure(e);
            throw new WriteFailure(e.getMessage(), e, !committing, lost);
        }
    }

    private List<long[]> assignIds(Connection connection, List<List<? extends Sample>> parts,
            Map<Series, SeriesRows> rows) throws SQLException {
        Map<Series, long[]> idsBySeries = new EnumMap<>(Series.class);
        Map<Series, Integer> used = new EnumMap<>(Series.class);
        for (SeriesRows seriesRows : rows.values()) {
            idsBySeries.put(seriesRows.series,
                    ids.next(connection, seriesRows.series, seriesRows.samples.size()));
            used.put(seriesRows.series, 0);
        }
        List<long[]> assigned = new ArrayList<>(parts.size());
        for (List<? extends Sample> part : parts) {
            long[] partIds = new long[part.size()];
            for (int i = 0; i < part.size(); i++) {
                Sample sample = part.get(i);
                int index = used.merge(sample.series(), 1, Integer::sum) - 1;
                partIds[i] = idsBySeries.get(sample.series())[index];
                SeriesRows seriesRows = rows.get(sample.series());
                SeriesCopy.appendRow(seriesRows.copyText, partIds[i], sample);
            }
            assigned.add(partIds);
        }
        return assigned;
    }

    private static Map<Series, SeriesRows> group(List<List<? extends Sample>> parts) {
        Map<Series, SeriesRows> rows = new EnumMap<>(Series.class);
        for (List<? extends Sample> part : parts) {
            for (Sample sample : part) {
                SeriesRows seriesRows = rows.computeIfAbsent(sample.series(), SeriesRows::new);
                seriesRows.samples.add(sample);
                seriesRows.days.add(Partitions.dayOf(sample.timestamp()));
            }
        }
        return rows;
    }

    static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String state = t instanceof SQLException sql ? sql.getSQLState() : null;
            if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** The samples of one series in a batch, their days and their COPY text. */
    private static final class SeriesRows {

        private final Series series;
        private final List<Sample> samples = new ArrayList<>();
        private final Set<LocalDate> days = new HashSet<>();
        private final CopyText copyText = new CopyText(64);

        SeriesRows(Series series) {
            this.series = series;
        }
    }
}
