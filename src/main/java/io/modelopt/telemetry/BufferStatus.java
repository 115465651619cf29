package io.modelopt.telemetry;

import java.time.Duration;
import java.time.Instant;

/**
 * A snapshot of the ingest buffer and its totals since start-up.
 *
 * @param bufferedSamples samples admitted and not yet committed (queued or being written)
 * @param capacitySamples the most samples that may be buffered at once
 * @param lastBatchAt when the last batch was committed; null before the first
 * @param linger the longest a sample waits for others before its batch is written
 * @param batchSize samples that make a batch full
 * @param accepted samples admitted into the buffer
 * @param written samples committed
 * @param rejected samples turned away with a 503 because the buffer was full or stopping
 * @param failed samples admitted but not stored: their batch failed, or they waited past the
 *     queue timeout (each was answered with a 503); accepted = written + failed + buffered
 */
record BufferStatus(int bufferedSamples, int capacitySamples, Instant lastBatchAt,
        Duration linger, int batchSize, long accepted, long written, long rejected,
        long failed) {
}
