package io.modelopt.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import io.modelopt.db.CatalogDatabase;
import io.modelopt.support.ApiClient;
import io.modelopt.support.ApiClient.Response;
import io.modelopt.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The buffer's refusals, on a service of its own: a capacity of 10 samples and a linger of ten
 * minutes, so that admitted samples stay buffered until force-process-batch writes them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IngestBufferLimitsTest {

    private static final Path DATA_DIR = ApiTestBase.freshDataDir("buffer-limits");

    @LocalServerPort
    private int port;

    @Autowired
    private CatalogDatabase catalog;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("modelopt.data-dir", DATA_DIR::toString);
        registry.add("modelopt.telemetry.buffer-capacity", () -> "10");
        registry.add("modelopt.telemetry.max-batch-samples", () -> "10");
        registry.add("modelopt.telemetry.linger", () -> "10m");
        registry.add("modelopt.telemetry.queue-timeout", () -> "20m");
    }

    private ApiClient api() {
        return new ApiClient("http://127.0.0.1:" + port);
    }

    @Test
    void aFullBufferAnswers503WithRetryAfterAndForceProcessWritesWhatWasAdmitted() {
        Instant at = Instant.now().minusSeconds(60);
        StringBuilder ten = new StringBuilder("{\"vm_metrics\": [");
        for (int i = 0; i < 10; i++) {
            ten.append(i == 0 ? "" : ",").append("{\"VMName\": \"full-").append(i)
                    .append("\", \"CPUUsage\": 1, \"AverageMemoryUsage\": 1, \"timestamp\": \"")
                    .append(at).append("\"}");
        }
        CompletableFuture<Response> waiting = CompletableFuture.supplyAsync(
                () -> api().postJson("/api/vm-metrics/push-batch", ten.append("]}").toString()));
        awaitBufferSize(10);

        Response refused = api().postJson("/api/vm-metrics/push",
                "{\"VMName\": \"one-too-many\", \"CPUUsage\": 1, \"AverageMemoryUsage\": 1}");
        JsonNode flushed = api().postEmpty("/api/monitoring/force-process-batch").json();
        Response admitted = waiting.join();
        JsonNode status = api().get("/api/monitoring/buffer-status").json();

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.retryAfter()).isNotNull();
        assertThat(Integer.parseInt(refused.retryAfter())).isPositive();
        assertThat(refused.json().path("detail").asString()).contains("buffer is full");
        assertThat(flushed.path("samples_written").asInt()).isEqualTo(10);
        assertThat(admitted.status()).isEqualTo(200);
        assertThat(status.path("buffer_size").asInt()).isZero();
        assertThat(status.path("buffer_capacity").asInt()).isEqualTo(10);
        assertThat(status.path("batch_interval").asDouble()).isEqualTo(600.0);
        assertThat(status.path("totals").path("rejected").asLong()).isEqualTo(1);
        assertThat(status.path("totals").path("written").asLong()).isEqualTo(10);
        assertThat(api().get("/api/vm-metrics?vm_name=one-too-many").json().path("count")
                .asInt()).isZero();
    }

    @Test
    void aDatabaseThatIsDownAnswers503AndStoresNothing() throws Exception {
        setMetricsConnections(false);
        Response refused;
        try {
            CompletableFuture<Response> push = CompletableFuture.supplyAsync(() -> api().postJson(
                    "/api/vm-metrics/push", "{\"VMName\": \"while-down\", \"CPUUsage\": 1, "
                            + "\"AverageMemoryUsage\": 1}"));
            awaitBufferSize(1);
            api().postEmpty("/api/monitoring/force-process-batch");
            refused = push.get();
        } finally {
            setMetricsConnections(true);
        }

        JsonNode status = api().get("/api/monitoring/buffer-status").json();
        Response after = getOnceReconnected("/api/vm-metrics?vm_name=while-down");

        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.retryAfter()).isNotNull();
        assertThat(refused.json().path("detail").asString()).contains("nothing of them was stored");
        assertThat(status.path("totals").path("failed").asLong()).isPositive();
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.json().path("count").asInt()).isZero();
    }

    /** Closes the metrics database to connections (or opens it again) from the catalog's side. */
    private void setMetricsConnections(boolean allowed) {
        catalog.jdbc().sql("ALTER DATABASE modelopt_metrics ALLOW_CONNECTIONS " + allowed)
                .update();
        if (!allowed) {
            catalog.jdbc().sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    + "WHERE datname = 'modelopt_metrics'").query().listOfRows();
        }
    }

    /** A GET after the database is back: pooled connections it killed fail once each (503). */
    private Response getOnceReconnected(String path) {
        Response response = api().get(path);
        for (int attempt = 0; attempt < 20 && response.status() == 503; attempt++) {
            response = api().get(path);
        }
        return response;
    }

    private void awaitBufferSize(int size) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (api().get("/api/monitoring/buffer-status").json().path("buffer_size").asInt()
                != size) {
            assertThat(System.nanoTime()).as("buffer_size reaches " + size).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
