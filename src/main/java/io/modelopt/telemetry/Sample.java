package io.modelopt.telemetry;

import java.time.Instant;

/**
 * One validated sample of a series, ready to be written: ranges checked, timestamp resolved to
 * microseconds (PostgreSQL's resolution, so what is answered equals what is stored).
 */
sealed interface Sample permits HardwareSample, VmSample, ProcessSample {

    Series series();

    Instant timestamp();
}
