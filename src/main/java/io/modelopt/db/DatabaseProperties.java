package io.modelopt.db;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the two databases live.
 *
 * <p>Each database (catalog, metrics) is either an external PostgreSQL given by a JDBC URL, or,
 * when no URL is set, a database in the embedded PostgreSQL server kept under {@link #dataDir}.
 * The environment variables {@code MODELOPT_CATALOG_DB_URL}, {@code MODELOPT_CATALOG_DB_USER},
 * {@code MODELOPT_CATALOG_DB_PASSWORD} (and the same with {@code METRICS}) bind here.
 *
 * @param dataDir directory holding the embedded database and the instance lock
 * @param catalogDb connection of the catalog database (models, hardware)
 * @param metricsDb connection of the metrics database (telemetry)
 * @param embeddedDb settings of the embedded server, used only where a URL is missing
 */
@ConfigurationProperties("modelopt")
public record DatabaseProperties(
        Path dataDir, Connection catalogDb, Connection metricsDb, Embedded embeddedDb) {

    public DatabaseProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        catalogDb = catalogDb == null ? new Connection(null, null, null, 10) : catalogDb;
        metricsDb = metricsDb == null ? new Connection(null, null, null, 10) : metricsDb;
        embeddedDb = embeddedDb == null ? new Embedded(0) : embeddedDb;
    }

    /** True when at least one database has no URL and so needs the embedded server. */
    public boolean needsEmbeddedServer() {
        return !catalogDb.isExternal() || !metricsDb.isExternal();
    }

    /**
     * One database connection.
     *
     * @param url JDBC URL of an external PostgreSQL; empty means the embedded server
     * @param user user name for the external server
     * @param password password for the external server
     * @param poolSize maximum connections in the pool (default 10)
     */
    public record Connection(String url, String user, String password, Integer poolSize) {

        public Connection {
            poolSize = poolSize == null ? 10 : poolSize;
        }

        public boolean isExternal() {
            return url != null && !url.isBlank();
        }
    }

    /**
     * The embedded PostgreSQL server.
     *
     * @param port TCP port on 127.0.0.1; 0 (the default) picks a free one at each start
     */
    public record Embedded(int port) {
    }
}
