package io.modelopt.db;

import java.io.IOException;
import java.util.List;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the two databases: starts the embedded server where a URL is missing, opens one pool per
 * database and applies that database's Flyway migrations before anything can use it.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);
    static final String CATALOG_DB_NAME = "modelopt_catalog";
    static final String METRICS_DB_NAME = "modelopt_metrics";

    @Bean(destroyMethod = "close")
    EmbeddedServerHandle embeddedServer(DatabaseProperties properties) throws IOException {
        if (!properties.needsEmbeddedServer()) {
            return new EmbeddedServerHandle(null);
        }
        return new EmbeddedServerHandle(EmbeddedPostgresServer.start(
                properties.dataDir(), properties.embeddedDb().port(),
                List.of(CATALOG_DB_NAME, METRICS_DB_NAME)));
    }

    @Bean(destroyMethod = "close")
    HikariDataSource catalogDataSource(DatabaseProperties properties, EmbeddedServerHandle server) {
        return pool("catalog", properties.catalogDb(), server, CATALOG_DB_NAME);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource metricsDataSource(DatabaseProperties properties, EmbeddedServerHandle server) {
        return pool("metrics", properties.metricsDb(), server, METRICS_DB_NAME);
    }

    @Bean
    CatalogDatabase catalogDatabase(HikariDataSource catalogDataSource) {
        migrate(catalogDataSource, "catalog");
        return new CatalogDatabase(catalogDataSource);
    }

    @Bean
    MetricsDatabase metricsDatabase(HikariDataSource metricsDataSource) {
        migrate(metricsDataSource, "metrics");
        return new MetricsDatabase(metricsDataSource);
    }

    private static HikariDataSource pool(String name, DatabaseProperties.Connection connection,
            EmbeddedServerHandle server, String embeddedDbName) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setMaximumPoolSize(connection.poolSize());
        // A database that is down should fail a request in seconds, not hang it for 30.
        config.setConnectionTimeout(5_000);
        if (connection.isExternal()) {
            config.setJdbcUrl(connection.url());
            config.setUsername(connection.user());
            config.setPassword(connection.password());
        } else {
            config.setJdbcUrl(server.require().jdbcUrl(embeddedDbName));
            config.setUsername("postgres");
        }
        // Lets a JDBC batch of inserts travel as multi-row INSERT statements.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        log.info("Database pool opened [database={}, external={}, maxPoolSize={}]",
                name, connection.isExternal(), connection.poolSize());
        return new HikariDataSource(config);
    }

    private static void migrate(HikariDataSource dataSource, String location) {
        var result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/" + location)
                .load()
                .migrate();
        log.info("Schema migrated [database={}, applied={}, version={}]",
                location, result.migrationsExecuted, result.targetSchemaVersion);
    }

    /** The embedded server, or none when both databases are external. */
    static final class EmbeddedServerHandle implements AutoCloseable {

        private final EmbeddedPostgresServer server;

        EmbeddedServerHandle(EmbeddedPostgresServer server) {
            this.server = server;
        }

        EmbeddedPostgresServer require() {
            if (server == null) {
                throw new IllegalStateException("No embedded PostgreSQL is running");
            }
            return server;
        }

        @Override
        public void close() throws IOException {
            if (server != null) {
                server.close();
            }
        }
    }
}
