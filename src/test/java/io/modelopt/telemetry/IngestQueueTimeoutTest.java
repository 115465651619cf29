package io.modelopt.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.modelopt.db.MetricsDatabase;
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
 * A push no writer takes within the queue timeout, on a service of its own with one writer: the
 * writer is held up by a table lock, so the second push waits in the queue, is withdrawn and
 * answered 503 with nothing stored, while the first is written once the lock goes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IngestQueueTimeoutTest {

    private static final Path DATA_DIR = ApiTestBase.freshDataDir("queue-timeout");

    @LocalServerPort
    private int port;

    @Autowired
    private MetricsDatabase metrics;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("modelopt.data-dir", DATA_DIR::toString);
        registry.add("modelopt.telemetry.writer-threads", () -> "1");
        registry.add("modelopt.telemetry.linger", () -> "10ms");
        registry.add("modelopt.telemetry.queue-timeout", () -> "2s");
    }

    private ApiClient api() {
        return new ApiClient("http://127.0.0.1:" + port);
    }

    @Test
    void aPushNoWriterTakesInTimeIsAnswered503AndNotStored() throws Exception {
        Response stuck;
        Response withdrawn;
        try (Connection lock = metrics.dataSource().getConnection();
                Statement statement = lock.createStatement()) {
            lock.setAutoCommit(false);
            statement.execute("LOCK TABLE vm_metrics IN ACCESS EXCLUSIVE MODE");
            CompletableFuture<Response> first = push("held-by-lock");
            awaitWriterWaitingOnLock();

            withdrawn = push("withdrawn").get(30, TimeUnit.SECONDS);
            lock.rollback();
            stuck = first.get();
        }

        JsonNode status = api().get("/api/monitoring/buffer-status").json();

        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(503);
        assertThat(withdrawn.retryAfter()).isNotNull();
        assertThat(withdrawn.json().path("detail").asString()).contains("queue-timeout")
                .contains("nothing of them was stored");
        assertThat(stuck.status()).as(stuck.body()).isEqualTo(200);
        assertThat(status.path("totals").path("failed").asLong()).isEqualTo(1);
        assertThat(status.path("buffer_size").asInt()).isZero();
        assertThat(count("withdrawn")).isZero();
        assertThat(count("held-by-lock")).isEqualTo(1);
    }

    private CompletableFuture<Response> push(String vmName) {
        return CompletableFuture.supplyAsync(() -> api().postJson("/api/vm-metrics/push",
                "{\"VMName\": \"" + vmName + "\", \"CPUUsage\": 1, \"AverageMemoryUsage\": 1}"));
    }

    private int count(String vmName) {
        return api().get("/api/vm-metrics?vm_name=" + vmName).json().path("count").asInt();
    }

    /** Waits until the writer's COPY is blocked by the test's lock. */
    private void awaitWriterWaitingOnLock() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (metrics.jdbc().sql("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                + "current_database() AND wait_event_type = 'Lock'").query(Long.class)
                .single() == 0) {
            assertThat(System.nanoTime()).as("the writer waits on the lock")
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
