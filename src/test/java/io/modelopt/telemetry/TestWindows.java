package io.modelopt.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Time windows of their own for tests that share one database: each call gives a different
 * whole hour in the past (at least a day ago, within the default 90-day retention), so a test
 * that filters by its window sees only its own samples.
 */
final class TestWindows {

    private static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.HOURS)
            .minus(Duration.ofDays(2))
            .minus(Duration.ofHours(ThreadLocalRandom.current().nextInt(24)));
    private static final AtomicInteger NEXT = new AtomicInteger();

    private TestWindows() {
    }

    /** The start of an hour that no other test of this run uses (3 hours apart). */
    static Instant freshHour() {
        return BASE.minus(Duration.ofHours(3L * NEXT.getAndIncrement()));
    }
}
