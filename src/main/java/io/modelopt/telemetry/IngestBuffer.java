package io.modelopt.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.modelopt.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;

/**
 * The group-commit buffer that every telemetry push goes through (hardware, VM and process
 * samples alike). A push is acknowledged only once its samples are committed to PostgreSQL.
 *
 * <p><b>Admission.</b> {@link #submit} admits a push whole or not at all: when the samples already
 * buffered plus the push's would exceed {@code buffer-capacity}, or the buffer is stopping, it
 * throws a 503 with Retry-After and nothing is stored. Admitted samples count towards
 * {@code buffer_size} until their batch is committed or fails.
 *
 * <p><b>When a batch is written.</b> Writer threads ({@code writer-threads}) take waiting pushes
 * in arrival order as soon as {@code batch-size} samples are waiting, or the oldest has waited
 * {@code linger}, or {@link #flushNow} asked, or the buffer is stopping. A push is never split:
 * a batch holds whole pushes and closes before the push that would take it past
 * {@code batch-size} (a single larger push is a batch of its own). While one writer waits for
 * its commit to reach the disk, another gathers the next batch: that is the group commit.
 *
 * <p><b>What a failure leaves behind.</b> A batch is one transaction ({@link BatchWriter}). When
 * it fails inside the transaction (it rolled back for certain) and the database is still
 * reachable, each push of the batch is retried alone, so one push the database refuses cannot
 * fail the others; a retry is safe because nothing of the failed attempt was stored. When the
 * database is unreachable, every push of the batch is answered 503 and nothing of it is stored.
 * When the connection breaks during the commit itself, the outcome is unknown to PostgreSQL's
 * client: the push is answered 503 saying so, and a client that retries it may store those
 * samples twice (the one case where a retry is not safe). A push whose samples no writer took
 * within {@code queue-timeout} is withdrawn unwritten and answered 503 (a sweeper checks the
 * oldest waiting pushes a few times per timeout).
 *
 * <p><b>Answers.</b> {@link #submit} does not block: it answers a future that the writer
 * completes after the commit, and the controllers answer the request from there
 * ({@code AsyncAnswers}). A push waiting for its group commit holds no request thread, which
 * saves a thread hand-off per push and, for single-sample pushes, much of their CPU
 * (docs/benchmarks.md).
 *
 * <p><b>Crash.</b> Nothing is acknowledged before its commit, so a SIGKILL of the service loses
 * only unacknowledged pushes, and since the service never writes a sample twice, a killed
 * service stores each acknowledged sample exactly once.
 *
 * <p><b>Shutdown.</b> As soon as the context starts closing ({@link ContextClosedEvent}), the
 * linger is dropped: every push, buffered or arriving during the web server's graceful shutdown,
 * is written at once, so in-flight requests get their answer quickly. {@link #stop} runs after
 * the web server has finished its graceful shutdown (its phase is lower), refuses new pushes,
 * writes everything still buffered (for at most 25 s), then ends the writers; the database pools
 * close only after that.
 *
 * <p><b>Threads.</b> {@link #submit}, {@link #flushNow} and {@link #status} may be called by any
 * number of request threads at once; the writer threads are this class's own.
 */
final class IngestBuffer implements SmartLifecycle, ApplicationListener<ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(IngestBuffer.class);
    private static final Duration FULL_RETRY_AFTER = Duration.ofSeconds(1);
    private static final Duration DATABASE_RETRY_AFTER = Duration.ofSeconds(5);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(25);

    private final TelemetryProperties settings;
    private final BatchWriter writer;
    private final long lingerNanos;
    private final long queueTimeoutNanos;
    private ScheduledExecutorService sweeper;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Pushes admitted and not yet taken by a writer, oldest first. Guarded by lock. */
    private final ArrayDeque<Submission> queue = new ArrayDeque<>();
    /** Pushes admitted and not yet finished (queued or being written). Guarded by lock. */
    private final Set<Submission> pending = new LinkedHashSet<>();
    private int queuedSamples;
    private int bufferedSamples;
    private long nextSequence;
    private long flushThrough = -1;
    private boolean accepting;
    private boolean stopping;

    private final LongAdder accepted = new LongAdder();
    private final LongAdder written = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private volatile Instant lastBatchAt;
    private volatile boolean lastBatchFailed;
    private final List<Thread> writers = new ArrayList<>();

    IngestBuffer(TelemetryProperties settings, BatchWriter writer) {
        this.settings = settings;
        this.writer = writer;
        this.lingerNanos = settings.linger().toNanos();
        this.queueTimeoutNanos = settings.queueTimeout().toNanos();
    }

    /**
     * Admits the samples and answers a future completed once they are committed (with their
     * ids), or completed exceptionally with a 503 {@link ApiException} when the database did not
     * take the batch or no writer took the samples within the queue timeout.
     *
     * @throws ApiException a 503 at once when the buffer is full or stopping; nothing is admitted
     */
    CompletableFuture<Receipt> submit(List<? extends Sample> samples) {
        return admit(samples).result;
    }

    /**
     * Writes everything buffered now, without waiting for the linger, and waits for it.
     *
     * @return samples written and samples that failed among those buffered at the call
     */
    FlushResult flushNow() {
        List<Submission> snapshot;
        lock.lock();
        try {
            snapshot = new ArrayList<>(pending);
            flushThrough = nextSequence - 1;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        long writtenSamples = 0;
        long failedSamples = 0;
        for (Submission submission : snapshot) {
            try {
                submission.result.get();
                writtenSamples += submission.size();
            } catch (ExecutionException e) {
                failedSamples += submission.size();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new FlushResult(writtenSamples, failedSamples);
    }

    /** Samples written and failed by a {@link #flushNow}. */
    record FlushResult(long written, long failed) {
    }

    BufferStatus status() {
        int buffered;
        lock.lock();
        try {
            buffered = bufferedSamples;
        } finally {
            lock.unlock();
        }
        return new BufferStatus(buffered, settings.bufferCapacity(), lastBatchAt,
                settings.linger(), settings.batchSize(), accepted.sum(), written.sum(),
                rejected.sum(), failed.sum());
    }

    /** The context is closing: write everything from now on without lingering. */
    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        lock.lock();
        try {
            flushThrough = Long.MAX_VALUE;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void start() {
        lock.lock();
        try {
            accepting = true;
            stopping = false;
        } finally {
            lock.unlock();
        }
        sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "telemetry-queue-timeout");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(10_000_000L, Math.min(1_000_000_000L, queueTimeoutNanos / 4));
        sweeper.scheduleWithFixedDelay(this::withdrawExpired, period, period,
                TimeUnit.NANOSECONDS);
        for (int i = 1; i <= settings.writerThreads(); i++) {
            Thread thread = new Thread(this::runWriter, "telemetry-writer-" + i);
            thread.setDaemon(true);
            thread.start();
            writers.add(thread);
        }
        log.info("Telemetry ingest buffer started [batchSize={}, lingerMs={}, capacity={}, "
                + "writers={}]", settings.batchSize(), settings.linger().toMillis(),
                settings.bufferCapacity(), settings.writerThreads());
    }

    @Override
    public void stop() {
        int left;
        lock.lock();
        try {
            accepting = false;
            stopping = true;
            left = bufferedSamples;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        for (Thread thread : writers) {
            try {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        sweeper.shutdownNow();
        BufferStatus status = status();
        if (status.bufferedSamples() > 0) {
            log.warn("Telemetry buffer stopped before it drained [unwritten={}]; those pushes "
                    + "were not acknowledged", status.bufferedSamples());
        } else {
            log.info("Telemetry buffer drained and stopped [drained={}, written={}, failed={}]",
                    left, status.written(), status.failed());
        }
        writers.clear();
    }

    @Override
    public boolean isRunning() {
        return !writers.isEmpty();
    }

    /** Stops after the web server's graceful shutdown (its phases are higher). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    private Submission admit(List<? extends Sample> samples) {
        int size = samples.size();
        lock.lock();
        try {
            if (!accepting) {
                rejected.add(size);
                throw ApiException.unavailable("The service is shutting down and takes no more "
                        + "samples; nothing of this request was stored.", FULL_RETRY_AFTER);
            }
            if (bufferedSamples + size > settings.bufferCapacity()) {
                rejected.add(size);
                throw ApiException.unavailable("The ingest buffer is full (" + bufferedSamples
                        + " of " + settings.bufferCapacity() + " samples waiting to be written); "
                        + "nothing of this request was stored. Retry after the delay.",
                        FULL_RETRY_AFTER);
            }
            Submission submission = new Submission(samples, nextSequence++, System.nanoTime());
            boolean wasEmpty = queue.isEmpty();
            queue.addLast(submission);
            pending.add(submission);
            queuedSamples += size;
            bufferedSamples += size;
            accepted.add(size);
            if (wasEmpty || queuedSamples >= settings.batchSize()) {
                changed.signalAll();
            }
            return submission;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Withdraws, unwritten, the pushes no writer took within the queue timeout. The queue is in
     * admission order, so the expired ones are at its head.
     */
    private void withdrawExpired() {
        List<Submission> expired = new ArrayList<>();
        long now = System.nanoTime();
        lock.lock();
        try {
            while (!queue.isEmpty()
                    && now - queue.peekFirst().admittedNanos >= queueTimeoutNanos) {
                Submission submission = queue.pollFirst();
                queuedSamples -= submission.size();
                bufferedSamples -= submission.size();
                pending.remove(submission);
                failed.add(submission.size());
                expired.add(submission);
            }
        } finally {
            lock.unlock();
        }
        if (expired.isEmpty()) {
            return;
        }
        log.warn("Telemetry pushes withdrawn unwritten after waiting {} s for a writer "
                + "[pushes={}, writers={}]; every writer is busy with a write the metrics "
                + "database has not finished: look for locks or long queries in its "
                + "pg_stat_activity, or add writer-threads if it is merely slow",
                settings.queueTimeout().toSeconds(), expired.size(), settings.writerThreads());
        ApiException timeout = ApiException.unavailable("No writer took these samples within "
                + settings.queueTimeout().toSeconds() + " s (queue-timeout); nothing of them was "
                + "stored. Retry later.", FULL_RETRY_AFTER);
        for (Submission submission : expired) {
            submission.result.completeExceptionally(timeout);
        }
    }

    private void runWriter() {
        while (true) {
            List<Submission> batch = nextBatch();
            if (batch == null) {
                return;
            }
            if (!batch.isEmpty()) {
                write(batch);
            }
        }
    }

    /** Waits for a batch to be due and takes it; null once stopping and drained. */
    private List<Submission> nextBatch() {
        lock.lock();
        try {
            while (true) {
                if (queue.isEmpty()) {
                    if (stopping) {
                        return null;
                    }
                    changed.awaitUninterruptibly();
                    continue;
                }
                Submission oldest = queue.peekFirst();
                if (queuedSamples >= settings.batchSize() || stopping
                        || oldest.sequence <= flushThrough) {
                    return take();
                }
                long wait = oldest.admittedNanos + lingerNanos - System.nanoTime();
                if (wait <= 0) {
                    return take();
                }
                try {
                    changed.awaitNanos(wait);
                } catch (InterruptedException e) {
                    // Writers are never interrupted by this class; keep serving the buffer.
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Takes whole pushes, oldest first, up to the batch size. Called holding the lock. */
    private List<Submission> take() {
        List<Submission> batch = new ArrayList<>();
        int samples = 0;
        while (!queue.isEmpty()) {
            Submission next = queue.peekFirst();
            if (!batch.isEmpty() && samples + next.size() > settings.batchSize()) {
                break;
            }
            queue.pollFirst();
            queuedSamples -= next.size();
            batch.add(next);
            samples += next.size();
        }
        return batch;
    }

    private void write(List<Submission> batch) {
        try {
            succeed(batch, writer.write(parts(batch)));
        } catch (BatchWriter.WriteFailure failure) {
            if (batch.size() > 1 && failure.rolledBack() && !failure.connectionLost()) {
                log.warn("Telemetry batch refused by the database [pushes={}, cause={}]; "
                        + "writing its pushes one by one", batch.size(), failure.getMessage());
                for (Submission submission : batch) {
                    writeAlone(submission);
                }
            } else {
                fail(batch, failure);
            }
        }
    }

    private void writeAlone(Submission submission) {
        try {
            succeed(List.of(submission), writer.write(parts(List.of(submission))));
        } catch (BatchWriter.WriteFailure failure) {
            fail(List.of(submission), failure);
        }
    }

    private static List<List<? extends Sample>> parts(List<Submission> batch) {
        List<List<? extends Sample>> parts = new ArrayList<>(batch.size());
        for (Submission submission : batch) {
            parts.add(submission.samples);
        }
        return parts;
    }

    private void succeed(List<Submission> batch, List<long[]> ids) {
        int samples = 0;
        int bufferedAfter;
        lock.lock();
        try {
            for (Submission submission : batch) {
                samples += submission.size();
                pending.remove(submission);
            }
            bufferedSamples -= samples;
            bufferedAfter = bufferedSamples;
        } finally {
            lock.unlock();
        }
        written.add(samples);
        lastBatchAt = Instant.now();
        if (lastBatchFailed) {
            lastBatchFailed = false;
            log.info("Telemetry batches are being written again [samples={}]", samples);
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result.complete(new Receipt(ids.get(i), bufferedAfter));
        }
    }

    private void fail(List<Submission> batch, BatchWriter.WriteFailure failure) {
        int samples = 0;
        lock.lock();
        try {
            for (Submission submission : batch) {
                samples += submission.size();
                pending.remove(submission);
            }
            bufferedSamples -= samples;
        } finally {
            lock.unlock();
        }
        failed.add(samples);
        if (!lastBatchFailed) {
            lastBatchFailed = true;
            log.warn("Telemetry batch not written [samples={}, pushes={}, rolledBack={}, "
                    + "cause={}]; its pushes are answered 503", samples, batch.size(),
                    failure.rolledBack(), failure.getMessage());
        }
        ApiException answer = unavailable(failure);
        for (Submission submission : batch) {
            submission.result.completeExceptionally(answer);
        }
    }

    private static ApiException unavailable(BatchWriter.WriteFailure failure) {
        if (!failure.rolledBack()) {
            return ApiException.unavailable("The connection to the metrics database broke while "
                    + "committing these samples; whether they were stored is unknown, so a retry "
                    + "may store them twice.", DATABASE_RETRY_AFTER);
        }
        return ApiException.unavailable("The metrics database did not take these samples ("
                + failure.getMessage() + "); nothing of them was stored. Retry after the delay.",
                DATABASE_RETRY_AFTER);
    }

    /** One admitted push: its samples and the future its answer waits on. */
    private static final class Submission {

        private final List<? extends Sample> samples;
        private final long sequence;
        private final long admittedNanos;
        private final CompletableFuture<Receipt> result = new CompletableFuture<>();

        Submission(List<? extends Sample> samples, long sequence, long admittedNanos) {
            this.samples = samples;
            this.sequence = sequence;
            this.admittedNanos = admittedNanos;
        }

        int size() {
            return samples.size();
        }
    }
}
