package io.modelopt.performance;

/**
 * Running sums of the terms of the phases of one batch. Mutable and confined to one
 * estimate on one thread.
 */
final class Tally {

    double computeMs;
    double memoryMs;
    double communicationMs;
    double overheadMs;
    /** Time kernels run on the device (compute or memory, plus collectives). */
    double busyMs;
    double totalMs;

    void add(double weight, double compute, double memory, double communication,
            double overhead, double busy, double total) {
        computeMs += weight * compute;
        memoryMs += weight * memory;
        communicationMs += weight * communication;
        overheadMs += weight * overhead;
        busyMs += weight * busy;
        totalMs += weight * total;
    }

    Bottleneck bottleneck() {
        double device = Math.max(computeMs, memoryMs);
        if (overheadMs > device && overheadMs > communicationMs) {
            return Bottleneck.OVERHEAD;
        }
        if (communicationMs > device) {
            return Bottleneck.INTERCONNECT;
        }
        return computeMs >= memoryMs ? Bottleneck.COMPUTE : Bottleneck.MEMORY_BANDWIDTH;
    }
}
