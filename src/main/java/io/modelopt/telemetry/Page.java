package io.modelopt.telemetry;

import java.util.List;

/**
 * One page of rows, newest first, and the cursor of the next page (null when this is the last).
 */
record Page<T>(List<T> rows, String nextCursor) {
}
