package io.modelopt.telemetry;

/**
 * The three time series that share one ingest pipeline, each with its table in the metrics
 * database. Daily partitions of a table are named {@code <table>_YYYYMMDD}.
 */
enum Series {

    HARDWARE("hardware_monitoring"),
    VM("vm_metrics"),
    PROCESS("host_process_metrics");

    private final String table;

    Series(String table) {
        this.table = table;
    }

    /** The partitioned parent table; a constant, never user input. */
    String table() {
        return table;
    }

    String idSequence() {
        return table + "_id_seq";
    }

    String rollupTable() {
        return table + "_hourly";
    }
}
