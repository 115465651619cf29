package io.modelopt.performance;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One hardware configuration: a number of identical accelerators (or one CPU-only server).
 * Per-device figures are datasheet peaks; the fitted efficiencies turn them into achieved rates.
 *
 * @param name configuration name, e.g. "A100-SXM4-80GB" or "8xH100"
 * @param generation architecture generation, e.g. "Ampere", "Hopper", "Sapphire Rapids";
 *     selects the fitted compute efficiency
 * @param deviceCount GPUs in the configuration; 1 for a CPU-only server
 * @param cpuOnly true for a server without accelerators (figures are the whole server's)
 * @param peakDenseTflops per-device dense peak per precision (TOPS for integer formats);
 *     a precision absent here is unsupported
 * @param memoryGb memory per device, GB
 * @param memoryBandwidthGBps peak memory bandwidth per device, GB/s
 * @param interconnectGBps device-to-device bandwidth per device, GB/s (NVLink, or PCIe when
 *     the devices have no NVLink); 0 when unknown
 * @param tdpWatts board power limit per device, W
 * @param priceUsdPerHour price of the whole configuration, USD per hour; 0 when unknown
 * @param graphicsClockMhz boost clock of the device's SMs, MHz; 0 when unknown. Fixed
 *     per-kernel costs of compiled runtimes run in GPU cycles, so they scale with it
 * @param lastLevelCacheMb on-chip cache one device shares (L2 on NVIDIA, Infinity Cache on
 *     AMD CDNA 3), MB; 0 when unknown. A working set that fits stays in it between passes
 */
public record HardwareSpec(
        String name,
        String generation,
        int deviceCount,
        boolean cpuOnly,
        Map<Precision, Double> peakDenseTflops,
        double memoryGb,
        double memoryBandwidthGBps,
        double interconnectGBps,
        double tdpWatts,
        double priceUsdPerHour,
        double graphicsClockMhz,
        double lastLevelCacheMb) {

    public HardwareSpec {
        Objects.requireNonNull(name, "name");
        generation = generation == null ? "" : generation;
        if (deviceCount < 1) {
            throw new IllegalArgumentException("deviceCount must be at least 1");
        }
        EnumMap<Precision, Double> peaks = new EnumMap<>(Precision.class);
        peakDenseTflops.forEach((precision, tflops) -> {
            if (tflops != null && tflops > 0) {
                peaks.put(precision, tflops);
            }
        });
        if (peaks.isEmpty()) {
            throw new IllegalArgumentException(name + ": no peak throughput for any precision");
        }
        peakDenseTflops = Collections.unmodifiableMap(peaks);
        requirePositive(memoryGb, "memoryGb");
        requirePositive(memoryBandwidthGBps, "memoryBandwidthGBps");
        requireNonNegative(interconnectGBps, "interconnectGBps");
        requireNonNegative(tdpWatts, "tdpWatts");
        requireNonNegative(priceUsdPerHour, "priceUsdPerHour");
        requireNonNegative(graphicsClockMhz, "graphicsClockMhz");
        requireNonNegative(lastLevelCacheMb, "lastLevelCacheMb");
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A builder holding every figure of this configuration, to derive another from it. */
    public Builder toBuilder() {
        Builder builder = builder(name).generation(generation).deviceCount(deviceCount)
                .cpuOnly(cpuOnly).memoryGb(memoryGb).memoryBandwidthGBps(memoryBandwidthGBps)
                .interconnectGBps(interconnectGBps).tdpWatts(tdpWatts)
                .priceUsdPerHour(priceUsdPerHour).graphicsClockMhz(graphicsClockMhz)
                .lastLevelCacheMb(lastLevelCacheMb);
        peakDenseTflops.forEach(builder::peakTflops);
        return builder;
    }

    /** Dense peak for a precision in TFLOPS (TOPS for integers), or 0 when unsupported. */
    public double peakTflops(Precision precision) {
        Double peak = peakDenseTflops.get(precision);
        return peak == null ? 0.0 : peak;
    }

    public boolean supports(Precision precision) {
        return peakDenseTflops.containsKey(precision);
    }

    /** The same configuration with another device count, priced pro rata. */
    public HardwareSpec withDeviceCount(int devices) {
        return toBuilder().deviceCount(devices)
                .priceUsdPerHour(priceUsdPerHour * devices / deviceCount).build();
    }

    /** The same configuration with another memory size per device. */
    public HardwareSpec withMemoryGb(double gb) {
        return toBuilder().memoryGb(gb).build();
    }

    private static void requirePositive(double value, String field) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(field + " must be positive, was " + value);
        }
    }

    private static void requireNonNegative(double value, String field) {
        if (!(value >= 0)) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value);
        }
    }

    /** Builds a spec from catalog rows or an inline request; unset figures are unknown (0). */
    public static final class Builder {

        private final String name;
        private String generation = "";
        private int deviceCount = 1;
        private boolean cpuOnly;
        private final Map<Precision, Double> peaks = new EnumMap<>(Precision.class);
        private double memoryGb;
        private double memoryBandwidthGBps;
        private double interconnectGBps;
        private double tdpWatts;
        private double priceUsdPerHour;
        private double graphicsClockMhz;
        private double lastLevelCacheMb;

        private Builder(String name) {
            this.name = name;
        }

        public Builder generation(String value) {
            this.generation = value;
            return this;
        }

        public Builder deviceCount(int value) {
            this.deviceCount = value;
            return this;
        }

        public Builder cpuOnly(boolean value) {
            this.cpuOnly = value;
            return this;
        }

        /** Sets a peak; null or non-positive leaves the precision unsupported. */
        public Builder peakTflops(Precision precision, Double tflops) {
            if (tflops != null && tflops > 0) {
                peaks.put(precision, tflops);
            }
            return this;
        }

        public Builder memoryGb(double value) {
            this.memoryGb = value;
            return this;
        }

        public Builder memoryBandwidthGBps(double value) {
            this.memoryBandwidthGBps = value;
            return this;
        }

        public Builder interconnectGBps(double value) {
            this.interconnectGBps = value;
            return this;
        }

        public Builder tdpWatts(double value) {
            this.tdpWatts = value;
            return this;
        }

        public Builder priceUsdPerHour(double value) {
            this.priceUsdPerHour = value;
            return this;
        }

        /** Boost clock in MHz; 0 (the default) means unknown. */
        public Builder graphicsClockMhz(double value) {
            this.graphicsClockMhz = value;
            return this;
        }

        /** Last-level cache per device in MB; 0 (the default) means unknown. */
        public Builder lastLevelCacheMb(double value) {
            this.lastLevelCacheMb = value;
            return this;
        }

        public HardwareSpec build() {
            return new HardwareSpec(name, generation, deviceCount, cpuOnly, peaks, memoryGb,
                    memoryBandwidthGBps, interconnectGBps, tdpWatts, priceUsdPerHour,
                    graphicsClockMhz, lastLevelCacheMb);
        }
    }
}
