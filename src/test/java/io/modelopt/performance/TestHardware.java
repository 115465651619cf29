package io.modelopt.performance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hardware specs for tests and benchmarks, read from the catalog's bundled
 * {@code src/main/resources/catalog/hardware.csv} (per-GPU figures, whole-configuration
 * price; {@code num_gpu} 0 is a CPU-only server whose figures are the whole server's).
 */
public final class TestHardware {

    static final Path CATALOG = Path.of("src/main/resources/catalog/hardware.csv");

    private static final Map<String, HardwareSpec> ALL = read();

    private TestHardware() {
    }

    static List<HardwareSpec> catalog() {
        return new ArrayList<>(ALL.values());
    }

    static HardwareSpec named(String name) {
        HardwareSpec spec = ALL.get(name.toLowerCase(Locale.ROOT));
        if (spec == null) {
            throw new IllegalArgumentException("no catalog hardware " + name);
        }
        return spec;
    }

    private static Map<String, HardwareSpec> read() {
        try {
            List<String> lines = Files.readAllLines(CATALOG);
            List<String> header = List.of(lines.get(0).split(",", -1));
            Map<String, HardwareSpec> specs = new LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), cells[i]);
                }
                HardwareSpec spec = toSpec(row);
                specs.put(spec.name().toLowerCase(Locale.ROOT), spec);
            }
            return specs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row in the catalog's hardware.csv columns; empty or absent cells are unknown. */
    public static HardwareSpec toSpec(Map<String, String> r) {
        int gpus = Integer.parseInt(r.get("num_gpu"));
        return HardwareSpec.builder(r.get("name"))
                .generation(r.get("architecture"))
                .deviceCount(Math.max(1, gpus))
                .cpuOnly(gpus == 0)
                .peakTflops(Precision.FP32, number(r.get("peak_fp32_tflops")))
                .peakTflops(Precision.TF32, number(r.get("peak_tf32_tflops")))
                .peakTflops(Precision.FP16, number(r.get("peak_fp16_tflops")))
                .peakTflops(Precision.BF16, number(r.get("peak_bf16_tflops")))
                .peakTflops(Precision.FP8, number(r.get("peak_fp8_tflops")))
                .peakTflops(Precision.INT8, number(r.get("peak_int8_tops")))
                .memoryGb(number(r.get("memory_gb")))
                .memoryBandwidthGBps(number(r.get("memory_bandwidth_gbps")))
                .interconnectGBps(orZero(r.get("interconnect_gbps")))
                .tdpWatts(orZero(r.get("tdp_watts")))
                .priceUsdPerHour(orZero(r.get("price_usd_per_hour")))
                .graphicsClockMhz(orZero(r.get("gpu_graphics_clock")))
                .lastLevelCacheMb(orZero(r.get("last_level_cache_mb")))
                .build();
    }

    private static Double number(String text) {
        return text == null || text.isEmpty() ? null : Double.valueOf(text);
    }

    private static double orZero(String text) {
        Double value = number(text);
        return value == null ? 0 : value;
    }
}
