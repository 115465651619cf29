package io.modelopt.telemetry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;

/**
 * Hands out row ids from blocks reserved in the database: each series' sequence steps by
 * {@value #BLOCK}, so one {@code nextval} reserves {@value #BLOCK} ids for this instance. Ids are
 * unique and never reused (a block reserved for a batch that then fails leaves a gap); they are
 * not ordered by time across restarts or instances, so nothing orders by id alone.
 * Thread-safe.
 */
final class IdBlocks {

    static final int BLOCK = 1000;

    private final Map<Series, long[]> current = new EnumMap<>(Series.class);

    IdBlocks() {
        for (Series series : Series.values()) {
            current.put(series, new long[] {0, 0});
        }
    }

    /** The next {@code count} ids of the series, reserving blocks on the connection as needed. */
    synchronized long[] next(Connection connection, Series series, int count)
            throws SQLException {
        long[] block = current.get(series);
        long[] ids = new long[count];
        int filled = 0;
        while (filled < count) {
            if (block[0] == block[1]) {
                reserve(connection, series, block);
            }
            while (filled < count && block[0] < block[1]) {
                ids[filled++] = block[0]++;
            }
        }
        return ids;
    }

    /** Reserves the next block of the series' sequence. */
    private static void reserve(Connection connection, Series series, long[] block)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT nextval('" + series.idSequence() + "')");
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            block[0] = rs.getLong(1);
            block[1] = block[0] + BLOCK;
        }
    }
}
