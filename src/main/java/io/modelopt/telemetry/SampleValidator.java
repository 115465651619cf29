package io.modelopt.telemetry;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Checks pushed samples and turns them into {@link Sample}s. Every problem is reported with its
 * JSON path, so a batch is refused whole with the index and field at fault. The rules:
 * percentages within 0-100; power, network and memory not negative; temperatures within the
 * configured plausible range; a timestamp no further ahead than the allowed skew and no older
 * than the retention (a missing timestamp is the time of receipt); {@code additional_metrics} an
 * object of bounded serialized size and depth; no fields the spec does not name; a
 * {@code hardware_id} that the catalog knows. Thread-safe (stateless but for the settings).
 */
@Component
class SampleValidator {

    private final TelemetryProperties settings;
    private final KnownHardware hardware;
    private final Clock clock;

    SampleValidator(TelemetryProperties settings, KnownHardware hardware) {
        this.settings = settings;
        this.hardware = hardware;
        this.clock = Clock.systemUTC();
    }

    /** The time that a sample without a timestamp gets; one per request. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** One sample's check: {@link #hardware}, {@link #vm} or {@link #process}. */
    @FunctionalInterface
    interface Check<R, S> {
        S apply(R in, SamplePath path, Instant now, Problems problems);
    }

    /** Checks a sample pushed alone: its sample, or a 400 listing every problem. */
    <R, S> S single(R in, Check<R, S> check) {
        Problems problems = new Problems();
        S sample = check.apply(in, SamplePath.BODY, now(), problems);
        problems.throwIfAny();
        return sample;
    }

    /**
     * Checks a push-batch body: its envelope ({@link BatchBodies}), then every sample under
     * {@code field} against one clock. Its samples, or a 400 listing every problem with the
     * sample's index, so that nothing of a bad batch is admitted.
     */
    <R, S> List<S> batch(List<R> data, Map<String, Object> unknownFields, String field,
            Check<R, S> check) {
        BatchBodies.samples(data, unknownFields, field, settings.maxBatchSamples());
        Problems problems = new Problems();
        Instant now = now();
        List<S> samples = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            samples.add(check.apply(data.get(i), new SamplePath(field, i), now, problems));
        }
        problems.throwIfAny();
        return samples;
    }

    HardwareSample hardware(HardwareMetricsRequest in, SamplePath path, Instant now,
            Problems problems) {
        if (in == null) {
            problems.add(path.self(), "must be a sample object, not null");
            return null;
        }
        unknown(in.unknownFields(), path, problems);
        Long hardwareId = wholeNumber(in.hardwareId(), path, "hardware_id", problems, 1);
        if (hardwareId != null && !hardware.exists(hardwareId)) {
            problems.add(path.field("hardware_id"), "no hardware with id " + hardwareId
                    + " in the catalog; GET /api/hardware/ lists them");
        }
        percent(in.cpuUsagePercent(), path, "cpu_usage_percent", problems);
        percent(in.gpuUsagePercent(), path, "gpu_usage_percent", problems);
        percent(in.memoryUsagePercent(), path, "memory_usage_percent", problems);
        temperature(in.temperatureCpu(), path, "temperature_cpu", problems);
        temperature(in.temperatureGpu(), path, "temperature_gpu", problems);
        nonNegative(in.powerConsumptionWatts(), path, "power_consumption_watts", problems);
        nonNegative(in.networkUsageMbps(), path, "network_usage_mbps", problems);
        percent(in.diskUsagePercent(), path, "disk_usage_percent", problems);
        String additional = additionalMetrics(in.additionalMetrics(),
                path, "additional_metrics", problems);
        Instant timestamp = timestamp(in.timestamp(), path, "timestamp", now, problems);
        if (hardwareId == null || timestamp == null) {
            return null;
        }
        return new HardwareSample(hardwareId, in.cpuUsagePercent(), in.gpuUsagePercent(),
                in.memoryUsagePercent(), in.temperatureCpu(), in.temperatureGpu(),
                in.powerConsumptionWatts(), in.networkUsageMbps(), in.diskUsagePercent(),
                additional, timestamp);
    }

    VmSample vm(VmMetricsRequest in, SamplePath path, Instant now, Problems problems) {
        if (in == null) {
            problems.add(path.self(), "must be a sample object, not null");
            return null;
        }
        unknown(in.unknownFields(), path, problems);
        String vmName = name(in.vmName(), path, "VMName", true, problems);
        required(in.cpuUsage(), path, "CPUUsage", problems);
        percent(in.cpuUsage(), path, "CPUUsage", problems);
        required(in.averageMemoryUsage(), path, "AverageMemoryUsage", problems);
        nonNegative(in.averageMemoryUsage(), path, "AverageMemoryUsage", problems);
        Instant timestamp = timestamp(in.timestamp(), path, "timestamp", now, problems);
        if (vmName == null || timestamp == null || in.cpuUsage() == null
                || in.averageMemoryUsage() == null) {
            return null;
        }
        return new VmSample(vmName, in.cpuUsage(), in.averageMemoryUsage(), timestamp);
    }

    ProcessSample process(ProcessMetricsRequest in, SamplePath path, Instant now,
            Problems problems) {
        if (in == null) {
            problems.add(path.self(), "must be a sample object, not null");
            return null;
        }
        unknown(in.unknownFields(), path, problems);
        String processName = name(in.processName(), path, "process_name", true, problems);
        Long processId = wholeNumber(in.processId(), path, "process_id", problems, 0);
        String username = name(in.username(), path, "username", false, problems);
        String status = name(in.status(), path, "status", false, problems);
        percent(in.cpuUsagePercent(), path, "cpu_usage_percent", problems);
        nonNegative(in.memoryUsageMb(), path, "memory_usage_mb", problems);
        nonNegative(in.gpuMemoryUsageMb(), path, "gpu_memory_usage_mb", problems);
        percent(in.gpuUtilizationPercent(), path, "gpu_utilization_percent", problems);
        Instant timestamp = timestamp(in.timestamp(), path, "timestamp", now, problems);
        if (processName == null || processId == null || timestamp == null) {
            return null;
        }
        return new ProcessSample(processName, processId, username, status,
                in.cpuUsagePercent(), in.memoryUsageMb(), in.gpuMemoryUsageMb(),
                in.gpuUtilizationPercent(), timestamp);
    }

    private static void unknown(Map<String, Object> fields, SamplePath path,
            Problems problems) {
        if (fields == null) {
            return;
        }
        for (String name : fields.keySet()) {
            problems.add(path.field(name), "is not a field of this sample (see api-spec.md)");
        }
    }

    private static void required(Double value, SamplePath path, String field,
            Problems problems) {
        if (value == null) {
            problems.add(path.field(field), "is required");
        }
    }

    private static Long wholeNumber(Number value, SamplePath sample, String field,
            Problems problems, long min) {
        if (value == null) {
            problems.add(sample.field(field), "is required");
            return null;
        }
        double asDouble = value.doubleValue();
        if (value instanceof Double || value instanceof Float
                || value instanceof java.math.BigDecimal) {
            if (asDouble != Math.rint(asDouble) || Double.isInfinite(asDouble)) {
                problems.add(sample.field(field), "must be a whole number, not " + value);
                return null;
            }
        }
        if (value instanceof java.math.BigInteger || Math.abs(asDouble) > Long.MAX_VALUE / 2) {
            problems.add(sample.field(field), "is out of range");
            return null;
        }
        long whole = value.longValue();
        if (whole < min) {
            problems.add(sample.field(field), "must be at least " + min + ", not " + whole);
            return null;
        }
        return whole;
    }

    private static void percent(Double value, SamplePath path, String field,
            Problems problems) {
        if (value != null && !(value >= 0 && value <= 100)) {
            problems.add(path.field(field), "must be a percentage within 0-100, not " + value);
        }
    }

    private static void nonNegative(Double value, SamplePath path, String field,
            Problems problems) {
        if (value != null && !(value >= 0 && Double.isFinite(value))) {
            problems.add(path.field(field), "must be a finite number of at least 0, not " + value);
        }
    }

    private void temperature(Double celsius, SamplePath path, String field,
            Problems problems) {
        double min = settings.minTemperatureCelsius();
        double max = settings.maxTemperatureCelsius();
        if (celsius != null && !(celsius >= min && celsius <= max)) {
            problems.add(path.field(field), "must be a temperature within " + min + ".." + max
                    + " degrees Celsius, not " + celsius);
        }
    }

    private static String name(String value, SamplePath sample, String field,
            boolean required, Problems problems) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(sample.field(field), "is required and must not be blank");
            }
            return null;
        }
        if (value.length() > 255) {
            problems.add(sample.field(field), "must be at most 255 characters, not "
                    + value.length());
            return null;
        }
        if (value.indexOf('\0') >= 0) {
            problems.add(sample.field(field), "must not contain a NUL character");
            return null;
        }
        return value;
    }

    private Instant timestamp(String text, SamplePath sample, String field, Instant now,
            Problems problems) {
        if (text == null) {
            return now;
        }
        Instant timestamp = Timestamps.parseOrNull(text);
        if (timestamp == null) {
            problems.add(sample.field(field), "'" + text + "' is not " + Timestamps.FORMAT_HINT);
            return null;
        }
        if (timestamp.isAfter(now.plus(settings.futureSkew()))) {
            problems.add(sample.field(field), "lies more than " + settings.futureSkew().toMinutes()
                    + " minutes in the future (" + timestamp + "); check the agent's clock");
            return null;
        }
        if (timestamp.isBefore(now.minus(settings.retention()))) {
            problems.add(sample.field(field), "is older than the retention of "
                    + settings.retention().toDays()
                    + " days (" + timestamp + "); such samples would be dropped at once");
            return null;
        }
        return timestamp;
    }

    private String additionalMetrics(JsonNode value, SamplePath sample, String field,
            Problems problems) {
        if (value == null || value.isNull()) {
            return null;
        }
        String path = sample.field(field);
        if (!value.isObject()) {
            problems.add(path, "must be a JSON object");
            return null;
        }
        int maxDepth = settings.additionalMetricsMaxDepth();
        if (depth(value) > maxDepth) {
            problems.add(path, "nests deeper than " + maxDepth + " levels");
            return null;
        }
        String json = value.toString();
        long maxBytes = settings.additionalMetricsMaxSize().toBytes();
        if (json.length() > maxBytes || utf8Length(json) > maxBytes) {
            problems.add(path, "is larger than " + maxBytes + " bytes as JSON");
            return null;
        }
        if (json.contains("\\u0000")) {
            problems.add(path, "must not contain a NUL character (PostgreSQL's jsonb refuses it)");
            return null;
        }
        return json;
    }

    private static int depth(JsonNode node) {
        if (!node.isContainer()) {
            return 0;
        }
        int deepest = 0;
        Iterator<JsonNode> children = node.values().iterator();
        while (children.hasNext()) {
            deepest = Math.max(deepest, depth(children.next()));
        }
        return 1 + deepest;
    }

    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }
}
