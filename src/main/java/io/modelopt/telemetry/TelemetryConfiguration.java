package io.modelopt.telemetry;

import io.modelopt.db.MetricsDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the ingest pipeline: partitions, the batch writer and the group-commit buffer. */
@Configuration(proxyBeanMethods = false)
class TelemetryConfiguration {

    @Bean
    Partitions telemetryPartitions(MetricsDatabase database) {
        return new Partitions(database);
    }

    @Bean
    BatchWriter telemetryBatchWriter(MetricsDatabase database, Partitions partitions) {
        return new BatchWriter(database, partitions);
    }

    /** Depends on the database beans, so the container stops it before the pools close. */
    @Bean
    IngestBuffer telemetryIngestBuffer(TelemetryProperties settings, BatchWriter writer) {
        return new IngestBuffer(settings, writer);
    }
}
