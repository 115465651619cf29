package io.modelopt.web;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.modelopt.db.CatalogDatabase;
import io.modelopt.db.Database;
import io.modelopt.db.MetricsDatabase;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Liveness ({@code /health}, always open) and the detailed status of the service. */
@RestController
class HealthController {

    private final CatalogDatabase catalog;
    private final MetricsDatabase metrics;
    private final String version;
    private final Instant startedAt = Instant.now();

    HealthController(CatalogDatabase catalog, MetricsDatabase metrics,
            ObjectProvider<BuildProperties> build) {
        this.catalog = catalog;
        this.metrics = metrics;
        BuildProperties properties = build.getIfAvailable();
        this.version = properties == null ? "development" : properties.getVersion();
    }

    @Operation(summary = "Check API health",
            description = "200 with status 'healthy' when both databases answer; 503 with "
                    + "status 'degraded' otherwise. Needs no token.")
    @GetMapping("/health")
    ResponseEntity<Map<String, Object>> health() {
        boolean catalogUp = catalog.isUp();
        boolean metricsUp = metrics.isUp();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", catalogUp && metricsUp ? "healthy" : "degraded");
        body.put("catalog_database", catalogUp ? "up" : "down");
        body.put("metrics_database", metricsUp ? "up" : "down");
        body.put("timestamp", Instant.now().toString());
        return ResponseEntity.status(catalogUp && metricsUp ? 200 : 503).body(body);
    }

    @Operation(summary = "Get detailed API status",
            description = "Version, uptime, whether each database answers, and its row counts "
                    + "(exact for the catalog; the planner's estimate for the metrics tables, "
                    + "which can hold many millions of rows).")
    @GetMapping("/api/status")
    Map<String, Object> status() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "success");
        body.put("version", version);
        body.put("started_at", startedAt.toString());
        body.put("uptime_seconds", Duration.between(startedAt, Instant.now()).toSeconds());
        Map<String, Object> databases = new LinkedHashMap<>();
        databases.put("catalog", describe(catalog, true));
        databases.put("metrics", describe(metrics, false));
        body.put("databases", databases);
        return body;
    }

    private static Map<String, Object> describe(Database database, boolean exact) {
        Map<String, Object> out = new LinkedHashMap<>();
        boolean up = database.isUp();
        out.put("up", up);
        if (up) {
            out.put("row_counts", exact ? TableCounts.exact(database)
                    : TableCounts.estimated(database));
            out.put("row_counts_exact", exact);
        }
        return out;
    }
}
