package io.modelopt.telemetry;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import io.modelopt.db.MetricsDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily partitions (UTC days) of the three series: which exist, creating missing ones and
 * dropping expired ones. A partition {@code <table>_YYYYMMDD} holds {@code [day, day + 1)}.
 *
 * <p>The set of existing partitions is cached: a writer asks {@link #ensure} before each batch and
 * pays a query only for a day it has not seen. Creation is serialized within this instance and
 * tolerates another instance creating the same partition. Dropping a day also deletes that day's
 * hourly rollups in the same transaction, so summaries never count rows that are gone.
 * Thread-safe.
 */
final class Partitions {

    private static final Logger log = LoggerFactory.getLogger(Partitions.class);
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.BASIC_ISO_DATE;

    private final MetricsDatabase database;
    private final Map<Series, Set<LocalDate>> existing = new EnumMap<>(Series.class);

    Partitions(MetricsDatabase database) {
        this.database = database;
        for (Series series : Series.values()) {
            existing.put(series, ConcurrentHashMap.newKeySet());
        }
        reload();
    }

    static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Makes sure a partition exists for each day, creating the missing ones on the connection. */
    void ensure(Connection connection, Series series, Set<LocalDate> days) throws SQLException {
        Set<LocalDate> known = existing.get(series);
        for (LocalDate day : days) {
            if (!known.contains(day)) {
                create(connection, series, day);
            }
        }
    }

    /** Creates the partitions from today to today + ahead for every series. */
    void createAhead(Instant now, java.time.Duration ahead) {
        LocalDate today = dayOf(now);
        LocalDate last = dayOf(now.plus(ahead));
        try (Connection connection = database.dataSource().getConnection()) {
            for (Series series : Series.values()) {
                for (LocalDate day = today; !day.isAfter(last); day = day.plusDays(1)) {
                    if (!existing.get(series).contains(day)) {
                        create(connection, series, day);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create metrics partitions ahead: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Drops every partition whose whole day lies before {@code cutoff}, with its rollups.
     *
     * @return the partitions dropped, by name
     */
    List<String> dropBefore(Instant cutoff) {
        LocalDate firstKept = dayOf(cutoff);
        List<String> dropped = new ArrayList<>();
        for (Series series : Series.values()) {
            for (LocalDate day : new TreeSet<>(existing.get(series))) {
                if (day.isBefore(firstKept)) {
                    drop(series, day);
                    dropped.add(name(series, day));
                }
            }
        }
        return dropped;
    }

    /** Rereads the partitions from the database (another instance may have changed them). */
    void reload() {
        for (Series series : Series.values()) {
            List<String> names = database.jdbc().sql("""
                    SELECT c.relname FROM pg_inherits i
                    JOIN pg_class c ON c.oid = i.inhrelid
                    JOIN pg_class p ON p.oid = i.inhparent
                    WHERE p.relname = :parent AND p.relnamespace = 'public'::regnamespace
                    """).param("parent", series.table()).query(String.class).list();
            Set<LocalDate> days = existing.get(series);
            days.clear();
            String prefix = series.table() + "_";
            for (String name : names) {
                if (name.startsWith(prefix) && name.length() == prefix.length() + 8) {
                    days.add(LocalDate.parse(name.substring(prefix.length()), SUFFIX));
                }
            }
        }
    }

    private synchronized void create(Connection connection, Series series, LocalDate day)
            throws SQLException {
        if (existing.get(series).contains(day)) {
            return;
        }
        String sql = "CREATE TABLE IF NOT EXISTS " + name(series, day) + " PARTITION OF "
                + series.table() + " FOR VALUES FROM ('" + day + " 00:00:00+00') TO ('"
                + day.plusDays(1) + " 00:00:00+00')";
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            // Another instance may have created it between our check and our statement.
            if (!partitionExists(connection, series, day)) {
                throw e;
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        existing.get(series).add(day);
        log.debug("Partition ready [partition={}]", name(series, day));
    }

    private static boolean partitionExists(Connection connection, Series series, LocalDate day)
            throws SQLException {
        try (var statement = connection.prepareStatement(
                "SELECT 1 FROM pg_class WHERE relname = ? AND relispartition")) {
            statement.setString(1, name(series, day));
            try (var rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    private synchronized void drop(Series series, LocalDate day) {
        String rollups = "DELETE FROM " + series.rollupTable()
                + " WHERE hour >= :from AND hour < :to";
        database.transactions().executeWithoutResult(status -> {
            database.jdbc().sql("DROP TABLE IF EXISTS " + name(series, day)).update();
            database.jdbc().sql(rollups)
                    .param("from", day.atStartOfDay().atOffset(ZoneOffset.UTC))
                    .param("to", day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC))
                    .update();
        });
        existing.get(series).remove(day);
        log.info("Expired partition dropped [partition={}]", name(series, day));
    }

    /** Forgets a day so that the next {@link #ensure} checks the database again. */
    void forget(Series series, Set<LocalDate> days) {
        existing.get(series).removeAll(days);
    }

    static String name(Series series, LocalDate day) {
        return series.table() + "_" + day.format(SUFFIX);
    }
}
