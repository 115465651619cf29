package io.modelopt.performance.web;

import java.util.List;
import java.util.Optional;

import io.modelopt.catalog.Hardware;
import io.modelopt.catalog.HardwareRepository;
import io.modelopt.performance.HardwareSpec;
import io.modelopt.performance.Precision;
import io.modelopt.web.ApiException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Finds the configurations a request names: a catalog id, a catalog name (any case), "all",
 * or an inline spec object with the catalog's column names. Unknown ids and names are 400s
 * naming the field. Thread-safe.
 */
@Component
public class HardwareSelection {

    /** A configuration to estimate on; id and full name are null for an inline spec. */
    public record Candidate(Long id, String name, String fullName, HardwareSpec spec) {
    }

    private final HardwareRepository hardware;

    HardwareSelection(HardwareRepository hardware) {
        this.hardware = hardware;
    }

    public List<Candidate> all() {
        return hardware.findAll().stream().map(HardwareSelection::candidate).toList();
    }

    public Optional<Candidate> byId(long id) {
        return hardware.findById(id).map(HardwareSelection::candidate);
    }

    /** The configurations named by {@code field} of a request; it is required. */
    public List<Candidate> fromField(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw ApiException.badRequest(field, "is required: a catalog id, a catalog name,"
                    + " an inline spec object or \"all\"");
        }
        if (value.isIntegralNumber()) {
            long id = value.longValue();
            return List.of(byId(id).orElseThrow(() -> ApiException.badRequest(field,
                    "no hardware with id " + id + "; GET /api/hardware/ lists them")));
        }
        if (value.isString()) {
            String name = value.stringValue().trim();
            if (name.equalsIgnoreCase("all")) {
                return all();
            }
            return List.of(hardware.findByName(name).map(HardwareSelection::candidate)
                    .orElseThrow(() -> ApiException.badRequest(field, "no hardware named '"
                            + name + "'; GET /api/hardware/ lists them")));
        }
        if (value.isObject()) {
            HardwareSpec spec = inline(value, field);
            return List.of(new Candidate(null, spec.name(), null, spec));
        }
        throw ApiException.badRequest(field, "must be a catalog id, a name, an inline spec"
                + " object or \"all\"");
    }

    static Candidate candidate(Hardware h) {
        return new Candidate(h.id(), h.name(), h.fullName(), CatalogSpecs.toSpec(h));
    }

    /** An inline spec: the catalog's column names; memory and bandwidth are required. */
    static HardwareSpec inline(JsonNode spec, String field) {
        return JsonFields.nested(field, () -> readInline(spec, field));
    }

    private static HardwareSpec readInline(JsonNode spec, String field) {
        String prefix = field + ".";
        Double memory = JsonFields.number(spec, "memory_gb", 0.001, 1e7);
        Double bandwidth = JsonFields.number(spec, "memory_bandwidth_gbps", 0.001, 1e8);
        if (memory == null) {
            throw ApiException.badRequest(prefix + "memory_gb", "is required (GB per device)");
        }
        if (bandwidth == null) {
            throw ApiException.badRequest(prefix + "memory_bandwidth_gbps",
                    "is required (GB/s per device)");
        }
        Integer devices = JsonFields.integer(spec, "num_gpu", 0, 1024);
        boolean cpuOnly = devices != null && devices == 0
                || Boolean.TRUE.equals(JsonFields.bool(spec, "cpu_only"));
        HardwareSpec.Builder builder = HardwareSpec.builder(
                        JsonFields.text(spec, "name", "inline"))
                .generation(JsonFields.text(spec, "architecture", ""))
                .deviceCount(devices == null || devices == 0 ? 1 : devices)
                .cpuOnly(cpuOnly)
                .memoryGb(memory)
                .memoryBandwidthGBps(bandwidth)
                .interconnectGBps(orZero(JsonFields.number(spec, "interconnect_gbps", 0, 1e7)))
                .tdpWatts(orZero(JsonFields.number(spec, "tdp_watts", 0, 1e6)))
                .priceUsdPerHour(orZero(JsonFields.number(spec, "price_usd_per_hour", 0, 1e6)))
                .graphicsClockMhz(orZero(JsonFields.number(spec, "gpu_graphics_clock", 0, 1e5)))
                .lastLevelCacheMb(orZero(JsonFields.number(spec, "last_level_cache_mb", 0, 1e5)));
        int peaks = 0;
        for (Precision precision : List.of(Precision.FP32, Precision.TF32, Precision.FP16,
                Precision.BF16, Precision.FP8, Precision.INT8)) {
            String column = precision == Precision.INT8 ? "peak_int8_tops"
                    : "peak_" + precision.name().toLowerCase(java.util.Locale.ROOT) + "_tflops";
            Double peak = JsonFields.number(spec, column, 0, 1e7);
            if (peak != null && peak > 0) {
                builder.peakTflops(precision, peak);
                peaks++;
            }
        }
        if (peaks == 0) {
            throw ApiException.badRequest(prefix + "peak_fp32_tflops", "at least one peak is"
                    + " required (peak_fp32_tflops, peak_fp16_tflops, ... per device)");
        }
        return builder.build();
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }
}
