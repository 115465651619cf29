package io.modelopt.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelopt.support.ApiClient.Response;
import io.modelopt.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class HealthAndStatusTest extends ApiTestBase {

    @Test
    void healthIsHealthyWhenBothDatabasesAnswer() {
        Response response = api().get("/health");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("status").asString()).isEqualTo("healthy");
        assertThat(response.json().path("catalog_database").asString()).isEqualTo("up");
        assertThat(response.json().path("metrics_database").asString()).isEqualTo("up");
    }

    @Test
    void statusGivesVersionUptimeAndRowCounts() {
        Response response = api().get("/api/status");

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("status").asString()).isEqualTo("success");
        assertThat(body.path("version").asString()).isNotBlank();
        assertThat(body.path("uptime_seconds").asLong()).isGreaterThanOrEqualTo(0);
        JsonNode catalog = body.path("databases").path("catalog");
        assertThat(catalog.path("up").asBoolean()).isTrue();
        assertThat(catalog.path("row_counts").path("model").asLong()).isEqualTo(32);
        assertThat(catalog.path("row_counts").path("hardware").asLong())
                .isGreaterThanOrEqualTo(22);
        assertThat(body.path("databases").path("metrics").path("up").asBoolean()).isTrue();
    }

    @Test
    void openApiDocumentListsTheCatalogEndpoints() {
        Response response = api().get("/v3/api-docs");

        assertThat(response.status()).isEqualTo(200);
        JsonNode paths = response.json().path("paths");
        assertThat(paths.has("/api/model/get-model-data")).isTrue();
        assertThat(paths.has("/api/hardware/{hardwareId}")).isTrue();
        assertThat(paths.has("/health")).isTrue();
    }

    @Test
    void swaggerUiIsServed() {
        Response response = api().get("/swagger-ui/index.html");

        assertThat(response.status()).isEqualTo(200);
    }
}
