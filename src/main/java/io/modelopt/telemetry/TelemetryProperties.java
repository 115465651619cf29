package io.modelopt.telemetry;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of telemetry ingest, storage and queries ({@code modelopt.telemetry.*});
 * docs/telemetry.md describes each with its trade-off.
 *
 * @param batchSize samples that make a batch full: the writer commits as soon as this many are
 *     waiting (default 5000). A push is never split, so one larger push is a batch of its own.
 * @param linger how long the oldest waiting sample may wait for others before its batch is
 *     written anyway (default 2ms); the latency a lone push pays for group commit
 * @param bufferCapacity samples admitted but not yet committed, at most (default 50000); a push
 *     that does not fit is answered 503 with Retry-After
 * @param writerThreads threads that write batches (default 2): one fills the next batch while
 *     another waits for its commit to reach the disk
 * @param queueTimeout longest a push waits for a writer to take its samples (default 30s); past it
 *     the samples are withdrawn unwritten and the push answers 503
 * @param maxBatchSamples samples one push-batch request may carry (default 10000)
 * @param defaultQueryLimit rows a GET answers when no {@code limit} is given (default 1000)
 * @param maxQueryLimit largest {@code limit} a GET accepts (default 10000); above it is a 400
 * @param retention how long samples are kept (default 90 days); whole days older than this are
 *     dropped, and a sample older than this is refused with a 400
 * @param futureSkew how far past the server's clock a sample's timestamp may lie (default 5m)
 * @param partitionAhead how far ahead daily partitions are created (default 3 days)
 * @param maintenanceInterval how often partitions are created ahead and expired ones dropped
 *     (default 1h; also once at start-up)
 * @param additionalMetricsMaxSize largest {@code additional_metrics} object, serialized as JSON
 *     (default 4KB)
 * @param additionalMetricsMaxDepth deepest nesting of {@code additional_metrics}; the object itself
 *     is depth 1 (default 3)
 * @param minTemperatureCelsius lowest plausible temperature (default -40)
 * @param maxTemperatureCelsius highest plausible temperature (default 150)
 */
@ConfigurationProperties("modelopt.telemetry")
public record TelemetryProperties(
        Integer batchSize,
        Duration linger,
        Integer bufferCapacity,
        Integer writerThreads,
        Duration queueTimeout,
        Integer maxBatchSamples,
        Integer defaultQueryLimit,
        Integer maxQueryLimit,
        Duration retention,
        Duration futureSkew,
        Duration partitionAhead,
        Duration maintenanceInterval,
        DataSize additionalMetricsMaxSize,
        Integer additionalMetricsMaxDepth,
        Double minTemperatureCelsius,
        Double maxTemperatureCelsius) {

    public TelemetryProperties {
        batchSize = positive("batch-size", batchSize == null ? 5000 : batchSize);
        linger = linger == null ? Duration.ofMillis(2) : linger;
        bufferCapacity = positive("buffer-capacity",
                bufferCapacity == null ? 50_000 : bufferCapacity);
        writerThreads = positive("writer-threads", writerThreads == null ? 2 : writerThreads);
        queueTimeout = queueTimeout == null ? Duration.ofSeconds(30) : queueTimeout;
        maxBatchSamples = positive("max-batch-samples",
                maxBatchSamples == null ? 10_000 : maxBatchSamples);
        defaultQueryLimit = positive("default-query-limit",
                defaultQueryLimit == null ? 1000 : defaultQueryLimit);
        maxQueryLimit = positive("max-query-limit",
                maxQueryLimit == null ? 10_000 : maxQueryLimit);
        retention = retention == null ? Duration.ofDays(90) : retention;
        futureSkew = futureSkew == null ? Duration.ofMinutes(5) : futureSkew;
        partitionAhead = partitionAhead == null ? Duration.ofDays(3) : partitionAhead;
        maintenanceInterval = maintenanceInterval == null ? Duration.ofHours(1)
                : maintenanceInterval;
        additionalMetricsMaxSize = additionalMetricsMaxSize == null ? DataSize.ofKilobytes(4)
                : additionalMetricsMaxSize;
        additionalMetricsMaxDepth = positive("additional-metrics-max-depth",
                additionalMetricsMaxDepth == null ? 3 : additionalMetricsMaxDepth);
        minTemperatureCelsius = minTemperatureCelsius == null ? -40.0 : minTemperatureCelsius;
        maxTemperatureCelsius = maxTemperatureCelsius == null ? 150.0 : maxTemperatureCelsius;
        requireConsistent(maxBatchSamples, bufferCapacity, defaultQueryLimit, maxQueryLimit,
                retention);
        if (linger.compareTo(queueTimeout) >= 0) {
            throw new IllegalArgumentException("modelopt.telemetry.linger (" + linger
                    + ") must be shorter than queue-timeout (" + queueTimeout + "), or every "
                    + "push that waits its full linger would be withdrawn");
        }
    }

    private static int positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(
                    "modelopt.telemetry." + name + " must be at least 1, not " + value);
        }
        return value;
    }

    private static void requireConsistent(int maxBatchSamples, int bufferCapacity,
            int defaultQueryLimit, int maxQueryLimit, Duration retention) {
        if (maxBatchSamples > bufferCapacity) {
            throw new IllegalArgumentException("modelopt.telemetry.max-batch-samples ("
                    + maxBatchSamples + ") exceeds buffer-capacity (" + bufferCapacity
                    + "): a full-size batch could never be admitted. Raise the capacity or "
                    + "lower the batch maximum.");
        }
        if (defaultQueryLimit > maxQueryLimit) {
            throw new IllegalArgumentException("modelopt.telemetry.default-query-limit ("
                    + defaultQueryLimit + ") exceeds max-query-limit (" + maxQueryLimit + ")");
        }
        if (retention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("modelopt.telemetry.retention must be at least "
                    + "one day (partitions are daily), not " + retention);
        }
    }
}
