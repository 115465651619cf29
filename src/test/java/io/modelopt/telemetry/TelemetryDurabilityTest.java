package io.modelopt.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.modelopt.support.ApiClient;
import io.modelopt.support.ApiClient.Response;
import io.modelopt.support.ApiTestBase;
import io.modelopt.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What happens to pushes when the service stops: killed with SIGKILL while pushes are in flight,
 * and stopped gracefully (SIGTERM) while a push waits in the buffer. The service runs as a
 * separate JVM on a data directory of its own and is started again on it.
 */
class TelemetryDurabilityTest {

    private static final int CLIENTS = 8;

    @Test
    void afterASigkillEveryAcknowledgedSampleIsStoredExactlyOnce() throws Exception {
        Path dataDir = ApiTestBase.freshDataDir("telemetry-crash");
        Instant base = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();

        try (ServiceProcess first = ServiceProcess.start(dataDir)) {
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.submit(() -> pushUntilRefused(first.api(), client, base, acknowledged));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (acknowledged.size() < 600 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            first.kill();
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(600);

        try (ServiceProcess second = ServiceProcess.start(dataDir)) {
            List<String> stored = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                JsonNode page = second.api().get("/api/vm-metrics?vm_name=crash-" + c
                        + "&limit=10000").json();
                page.path("data").forEach(row -> stored.add(row.path("vm_name").asString() + "|"
                        + Instant.parse(row.path("timestamp").asString())));
            }
            assertThat(Set.copyOf(stored)).as("no sample stored twice").hasSameSizeAs(stored);
            assertThat(stored).as("every acknowledged sample stored")
                    .containsAll(acknowledged);
        }
    }

    @Test
    void aGracefulStopWritesWhatIsBufferedAndAnswersTheWaitingPush() throws Exception {
        Path dataDir = ApiTestBase.freshDataDir("telemetry-graceful");
        Response answered;

        try (ServiceProcess first = ServiceProcess.start(dataDir,
                "--modelopt.telemetry.linger=60s", "--modelopt.telemetry.queue-timeout=120s")) {
            CompletableFuture<Response> waiting = CompletableFuture.supplyAsync(() ->
                    first.api().postJson("/api/vm-metrics/push", "{\"VMName\": \"drained\", "
                            + "\"CPUUsage\": 5, \"AverageMemoryUsage\": 5}"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (first.api().get("/api/monitoring/buffer-status").json().path("buffer_size")
                    .asInt() != 1) {
                assertThat(System.nanoTime()).as("the push is buffered").isLessThan(deadline);
                Thread.sleep(10);
            }
            first.stop();
            answered = waiting.get(30, TimeUnit.SECONDS);
            assertThat(first.log()).contains("Telemetry buffer drained and stopped");
        }

        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        try (ServiceProcess second = ServiceProcess.start(dataDir)) {
            assertThat(second.api().get("/api/vm-metrics?vm_name=drained").json().path("count")
                    .asInt()).isEqualTo(1);
        }
    }

    /** Pushes single samples and batches of 20, each with a unique timestamp, until refused. */
    private static void pushUntilRefused(ApiClient api, int client, Instant base,
            Set<String> acknowledged) {
        String vm = "crash-" + client;
        for (long n = 0; ; n++) {
            int size = n % 4 == 0 ? 20 : 1;
            List<Map<String, Object>> samples = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                Instant at = base.plus(client * 100_000_000L + n * 100 + i, ChronoUnit.MICROS);
                samples.add(Map.of("VMName", vm, "CPUUsage", 1, "AverageMemoryUsage", 1,
                        "timestamp", at.toString()));
                keys.add(vm + "|" + at);
            }
            try {
                Response response = size == 1
                        ? api.postJson("/api/vm-metrics/push", samples.get(0))
                        : api.postJson("/api/vm-metrics/push-batch", Map.of("vm_metrics", samples));
                if (response.status() != 200) {
                    return;
                }
                acknowledged.addAll(keys);
            } catch (IllegalStateException e) {
                return;
            }
        }
    }
}
