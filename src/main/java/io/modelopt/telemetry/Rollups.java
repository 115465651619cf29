package io.modelopt.telemetry;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Adds a batch to the hourly rollups, inside the transaction that writes its raw rows. Each
 * batch is folded in Java into one delta per key and hour, then upserted (sum and count add up,
 * max takes the greater). Keys are upserted in a fixed order, so two writers that touch the same
 * rollup rows wait for each other instead of deadlocking.
 *
 * <p>A sample's value enters a sum as PostgreSQL's {@code value::numeric} would give it (the
 * double rounded to 15 significant digits, half to even), so averages from rollups equal
 * {@code avg(value::numeric)} over the raw rows exactly. Thread-safe (stateless).
 */
final class Rollups {

    private static final MathContext FLOAT8_TO_NUMERIC =
            new MathContext(15, RoundingMode.HALF_EVEN);

    private Rollups() {
    }

    static Instant hourOf(Instant timestamp) {
        return timestamp.truncatedTo(ChronoUnit.HOURS);
    }

    /**
     * The numeric PostgreSQL makes of a float8: its float8_numeric prints 15 significant digits.
     * Fast path: a value that is a decimal of at most 15 digits with up to 6 decimals (what agents
     * report, e.g. 45.5) is that decimal, since a double is closer to it than half a step of the
     * 15-digit grid; other values are rounded from their exact binary expansion.
     */
    static BigDecimal numeric(double value) {
        for (int scale = 0; scale < POWERS_OF_TEN.length; scale++) {
            double scaled = value * POWERS_OF_TEN[scale];
            if (Math.abs(scaled) < 1e15) {
                long digits = Math.round(scaled);
                if (digits / POWERS_OF_TEN[scale] == value) {
                    return BigDecimal.valueOf(digits, scale);
                }
            }
        }
        return new BigDecimal(value).round(FLOAT8_TO_NUMERIC).stripTrailingZeros();
    }

    private static final double[] POWERS_OF_TEN = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};

    static void addHardware(Connection connection, List<HardwareSample> samples)
            throws SQLException {
        Map<HardwareKey, HardwareDelta> deltas = new TreeMap<>(Comparator
                .comparingLong(HardwareKey::hardwareId).thenComparing(HardwareKey::hour));
        for (HardwareSample sample : samples) {
            deltas.computeIfAbsent(new HardwareKey(sample.hardwareId(), hourOf(sample.timestamp())),
                    k -> new HardwareDelta()).add(sample);
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO hardware_monitoring_hourly AS h (hardware_id, hour, sample_count,
                    cpu_sum, cpu_count, cpu_max, gpu_sum, gpu_count, gpu_max,
                    memory_sum, memory_count, memory_max, earliest, latest)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (hardware_id, hour) DO UPDATE SET
                    sample_count = h.sample_count + excluded.sample_count,
                    cpu_sum = h.cpu_sum + excluded.cpu_sum,
                    cpu_count = h.cpu_count + excluded.cpu_count,
                    cpu_max = greatest(h.cpu_max, excluded.cpu_max),
                    gpu_sum = h.gpu_sum + excluded.gpu_sum,
                    gpu_count = h.gpu_count + excluded.gpu_count,
                    gpu_max = greatest(h.gpu_max, excluded.gpu_max),
                    memory_sum = h.memory_sum + excluded.memory_sum,
                    memory_count = h.memory_count + excluded.memory_count,
                    memory_max = greatest(h.memory_max, excluded.memory_max),
                    earliest = least(h.earliest, excluded.earliest),
                    latest = greatest(h.latest, excluded.latest)
                """)) {
            for (var entry : deltas.entrySet()) {
                HardwareDelta d = entry.getValue();
                int i = 1;
                upsert.setLong(i++, entry.getKey().hardwareId());
                upsert.setObject(i++, Timestamps.sql(entry.getKey().hour()));
                upsert.setLong(i++, d.count);
                i = d.cpu.bind(upsert, i);
                i = d.gpu.bind(upsert, i);
                i = d.memory.bind(upsert, i);
                upsert.setObject(i++, Timestamps.sql(d.earliest));
                upsert.setObject(i, Timestamps.sql(d.latest));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    static void addVm(Connection connection, List<VmSample> samples) throws SQLException {
        Map<NameKey, VmDelta> deltas = new TreeMap<>(NameKey.ORDER);
        for (VmSample sample : samples) {
            deltas.computeIfAbsent(new NameKey(sample.vmName(), null, hourOf(sample.timestamp())),
                    k -> new VmDelta()).add(sample);
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO vm_metrics_hourly AS h (vm_name, hour, sample_count, cpu_sum,
                    memory_sum)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (vm_name, hour) DO UPDATE SET
                    sample_count = h.sample_count + excluded.sample_count,
                    cpu_sum = h.cpu_sum + excluded.cpu_sum,
                    memory_sum = h.memory_sum + excluded.memory_sum
                """)) {
            for (var entry : deltas.entrySet()) {
                VmDelta d = entry.getValue();
                upsert.setString(1, entry.getKey().name());
                upsert.setObject(2, Timestamps.sql(entry.getKey().hour()));
                upsert.setLong(3, d.count);
                upsert.setBigDecimal(4, d.cpuSum);
                upsert.setBigDecimal(5, d.memorySum);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    static void addProcess(Connection connection, List<ProcessSample> samples)
            throws SQLException {
        Map<NameKey, ProcessDelta> deltas = new TreeMap<>(NameKey.ORDER);
        for (ProcessSample sample : samples) {
            deltas.computeIfAbsent(new NameKey(sample.processName(), sample.username(),
                    hourOf(sample.timestamp())), k -> new ProcessDelta()).add(sample);
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO host_process_metrics_hourly AS h (process_name, username, hour,
                    sample_count, cpu_sum, cpu_count, memory_sum, memory_count,
                    gpu_memory_sum, gpu_memory_count, gpu_utilization_sum,
                    gpu_utilization_count)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT ON CONSTRAINT host_process_metrics_hourly_key DO UPDATE SET
                    sample_count = h.sample_count + excluded.sample_count,
                    cpu_sum = h.cpu_sum + excluded.cpu_sum,
                    cpu_count = h.cpu_count + excluded.cpu_count,
                    memory_sum = h.memory_sum + excluded.memory_sum,
                    memory_count = h.memory_count + excluded.memory_count,
                    gpu_memory_sum = h.gpu_memory_sum + excluded.gpu_memory_sum,
                    gpu_memory_count = h.gpu_memory_count + excluded.gpu_memory_count,
                    gpu_utilization_sum = h.gpu_utilization_sum + excluded.gpu_utilization_sum,
                    gpu_utilization_count = h.gpu_utilization_count
                        + excluded.gpu_utilization_count
                """)) {
            for (var entry : deltas.entrySet()) {
                ProcessDelta d = entry.getValue();
                upsert.setString(1, entry.getKey().name());
                upsert.setString(2, entry.getKey().user());
                upsert.setObject(3, Timestamps.sql(entry.getKey().hour()));
                upsert.setLong(4, d.count);
                int i = d.cpu.bindSum(upsert, 5);
                i = d.memory.bindSum(upsert, i);
                i = d.gpuMemory.bindSum(upsert, i);
                d.gpuUtilization.bindSum(upsert, i);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private record HardwareKey(long hardwareId, Instant hour) {
    }

    /** A rollup key of a named series; {@code user} is null for VMs and for a process without. */
    private record NameKey(String name, String user, Instant hour) {

        static final Comparator<NameKey> ORDER = Comparator.comparing(NameKey::name)
                .thenComparing(NameKey::user, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(NameKey::hour);

        NameKey {
            Objects.requireNonNull(name);
        }
    }

    /** Sum, count and max of one nullable metric. */
    private static final class Column {

        private BigDecimal sum = BigDecimal.ZERO;
        private long count;
        private Double max;

        void add(Double value) {
            if (value == null) {
                return;
            }
            sum = sum.add(numeric(value));
            count++;
            max = max == null ? value : Math.max(max, value);
        }

        int bind(PreparedStatement statement, int index) throws SQLException {
            int next = bindSum(statement, index);
            if (max == null) {
                statement.setNull(next, Types.DOUBLE);
            } else {
                statement.setDouble(next, max);
            }
            return next + 1;
        }

        int bindSum(PreparedStatement statement, int index) throws SQLException {
            statement.setBigDecimal(index, sum);
            statement.setLong(index + 1, count);
            return index + 2;
        }
    }

    private static final class HardwareDelta {

        private long count;
        private final Column cpu = new Column();
        private final Column gpu = new Column();
        private final Column memory = new Column();
        private Instant earliest;
        private Instant latest;

        void add(HardwareSample sample) {
            count++;
            cpu.add(sample.cpuUsagePercent());
            gpu.add(sample.gpuUsagePercent());
            memory.add(sample.memoryUsagePercent());
            Instant t = sample.timestamp();
            earliest = earliest == null || t.isBefore(earliest) ? t : earliest;
            latest = latest == null || t.isAfter(latest) ? t : latest;
        }
    }

    private static final class VmDelta {

        private long count;
        private BigDecimal cpuSum = BigDecimal.ZERO;
        private BigDecimal memorySum = BigDecimal.ZERO;

        void add(VmSample sample) {
            count++;
            cpuSum = cpuSum.add(numeric(sample.cpuUsagePercent()));
            memorySum = memorySum.add(numeric(sample.averageMemoryUsageMb()));
        }
    }

    private static final class ProcessDelta {

        private long count;
        private final Column cpu = new Column();
        private final Column memory = new Column();
        private final Column gpuMemory = new Column();
        private final Column gpuUtilization = new Column();

        void add(ProcessSample sample) {
            count++;
            cpu.add(sample.cpuUsagePercent());
            memory.add(sample.memoryUsageMb());
            gpuMemory.add(sample.gpuMemoryUsageMb());
            gpuUtilization.add(sample.gpuUtilizationPercent());
        }
    }
}
