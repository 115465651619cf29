package io.modelopt.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import io.modelopt.support.ApiTestBase;
import io.modelopt.support.ServiceProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * With both database URLs given through the documented environment variables, the service uses
 * that server and starts no embedded one. The "external" server is a PostgreSQL this test runs.
 */
class ExternalDatabaseTest {

    @Test
    void databaseUrlsFromTheEnvironmentReplaceTheEmbeddedServer() throws Exception {
        Path serverDir = ApiTestBase.freshDataDir("external-server");
        Path dataDir = ApiTestBase.freshDataDir("external-client");

        try (EmbeddedPostgres external = EmbeddedPostgres.builder()
                .setDataDirectory(serverDir).setCleanDataDirectory(true).start()) {
            createDatabases(external, "ext_catalog", "ext_metrics");
            Map<String, String> environment = Map.of(
                    "MODELOPT_CATALOG_DB_URL", external.getJdbcUrl("postgres", "ext_catalog"),
                    "MODELOPT_CATALOG_DB_USER", "postgres",
                    "MODELOPT_CATALOG_DB_PASSWORD", "",
                    "MODELOPT_METRICS_DB_URL", external.getJdbcUrl("postgres", "ext_metrics"),
                    "MODELOPT_METRICS_DB_USER", "postgres");

            try (ServiceProcess service = ServiceProcess.start(dataDir, environment)) {
                JsonNode status = service.api().get("/api/status").json();

                assertThat(status.path("databases").path("catalog").path("row_counts")
                        .path("hardware").asInt()).isGreaterThanOrEqualTo(22);
                assertThat(status.path("databases").path("metrics").path("up").asBoolean())
                        .isTrue();
                assertThat(Files.exists(dataDir.resolve("postgres"))).isFalse();
                assertThat(service.log()).doesNotContain("Embedded PostgreSQL started");
            }
            assertThat(countHardware(external)).isGreaterThanOrEqualTo(22);
        }
    }

    private static void createDatabases(EmbeddedPostgres server, String... names)
            throws Exception {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            for (String name : names) {
                statement.execute("CREATE DATABASE " + name);
            }
        }
    }

    private static int countHardware(EmbeddedPostgres server) throws Exception {
        try (Connection connection = server.getDatabase("postgres", "ext_catalog")
                .getConnection();
                Statement statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT count(*) FROM hardware")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
