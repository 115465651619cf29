package io.modelopt.telemetry;

/**
 * What a push gets back once its samples are committed.
 *
 * @param ids the row id of each sample, in the order pushed
 * @param bufferedAfter samples of other pushes still admitted but not yet committed at the
 *     moment this push's batch was committed
 */
record Receipt(long[] ids, int bufferedAfter) {
}
